/**
 * The edition compiler on a copy of the real content: one reading of every spelling of our
 * components, work reused by digest, pages that depend on other texts rendered again when what
 * they show changes (and only then), and content errors of one shape.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/site.ts';
import { compileEdition, type CompiledEdition } from '../../../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../../../src/compiler/problems.ts';
import { sentenceOf } from '../../../src/compiler/model.ts';
import { timelineProblems } from '../../../src/data/timeline.ts';
import type { RenderedArticle } from '../../../src/compiler/model.ts';
import { childFlags, compileInWorkers } from '../../../src/compiler/workers.ts';
import { checkLedger, fingerprint, LEDGER_FILE, parseLedger, recordPublished, serializeLedger } from '../../../src/lib/ledger.ts';
import { termWordingOf, wordingInSource } from '../../../src/compiler/check-corrections.ts';
import { noteWording } from '../../../src/lib/corrections.ts';

const BOMBERS = 'content/articles/russian-bombers-fly-over-belarus.mdx';
const LAVROV = 'content/articles/lavrov-speaks-out-against-nato-at-un.mdx';
const COMPILATION = 'nato-mock-missile-attacks-us-meddles-in-belarus';

const roots: string[] = [];
/**
 * A copy of the project's content in a temporary folder, with its own cache. `unpublished`: without
 * the anchor ledger, as an edition before its first publication, whose notes an editor may reword
 * freely (a published note reworded is a correction, or a typo the ledger records).
 */
function copy({ unpublished = false } = {}): { root: string; edit: (file: string, change: (text: string) => string) => void; compile: () => CompiledEdition } {
  const root = mkdtempSync(join(tmpdir(), 'borderlines-compiler-'));
  roots.push(root);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  if (unpublished) rmSync(join(root, LEDGER_FILE));
  cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
  return {
    root,
    edit: (file, change) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8'))),
    compile: () => compileEdition({ root, cacheDir: join(root, '.cache') }),
  };
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Problems of a compile that may pass, as editors read them: none when it passes. */
function problemsIfAny(compile: () => unknown): string[] {
  try {
    compile();
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

/** Problems of a compile that must fail, as editors read them. */
function problemsOf(compile: () => unknown): string[] {
  const problems = problemsIfAny(compile);
  if (problems.length === 0) throw new Error('the compile did not fail');
  return problems;
}

describe('the edition compiler', () => {
  it('reads every valid spelling of a component the same way: quotes, attributes over lines and in any order, self-closing or not', () => {
    const site = copy();
    const before = site.compile();
    const slug = 'russian-bombers-fly-over-belarus';
    const html = before.html(slug);
    site.edit(BOMBERS, (text) =>
      text
        .replace(/<Note id="([^"]+)" kind="([^"]+)" added="([^"]+)"([^>]*)>/g, "<Note$4\n  added='$3'\n  kind=\"$2\"\n  id='$1'\n>")
        .replace(/<Source title="([^"]+)" url="([^"]+)"( date="[^"]+")? \/>/g, "<Source url='$2'$3 title=\"$1\"></Source>")
        .replace(/<Passage note="([^"]+)">/g, "<Passage note='$1'>"),
    );
    expect(readFileSync(join(site.root, BOMBERS), 'utf8')).toContain("  id='troop-estimate'\n>");
    const after = site.compile();
    expect(after.articleBySlug.get(slug)!.notes.map((note) => note.id)).toEqual(before.articleBySlug.get(slug)!.notes.map((note) => note.id));
    expect(after.articleBySlug.get(slug)!.citations).toEqual(before.articleBySlug.get(slug)!.citations);
    expect(after.rendered.get(slug)!.notes).toEqual(before.rendered.get(slug)!.notes.map((note) => ({ ...note, line: expect.any(Number) })));
    expect(after.html(slug)).toBe(html);
  });

  it('resolves a note: link to a note written with single quotes in another text', () => {
    const site = copy({ unpublished: true });
    site.edit(BOMBERS, (text) => text.replace('<Note id="troop-estimate"', "<Note id='troop-estimate'"));
    site.edit(LAVROV, (text) => text.replace('This item spells the minister', 'See [the troop estimate](note:troop-estimate). This item spells the minister'));
    const edition = site.compile();
    expect(edition.html('lavrov-speaks-out-against-nato-at-un')).toContain('<a href="/articles/russian-bombers-fly-over-belarus/#note-troop-estimate" data-link="note">the troop estimate</a>');
  });

  it('reuses what did not change: a second compile parses and renders nothing', () => {
    const site = copy();
    const first = site.compile();
    expect(first.stats).toMatchObject({ parsed: first.stats.files, rendered: 5, reused: 0 });
    const second = site.compile();
    expect(second.stats).toMatchObject({ parsed: 0, rendered: 0, reused: 5 });
    expect(second.html(COMPILATION)).toBe(first.html(COMPILATION));
  });

  it('holds each mention’s sentence as its place in the passage, and gives back the sentence the pipeline recorded', () => {
    const site = copy();
    const edition = site.compile();
    let mentions = 0;
    for (const facts of edition.articles) {
      const held = edition.rendered.get(facts.slug)!;
      // What the text's pipeline recorded, as the cache keeps it.
      const recorded = JSON.parse(readFileSync(join(site.root, '.cache/meta', `${edition.renderKey.get(facts.slug)}.json`), 'utf8')) as Omit<RenderedArticle, 'html'>;
      expect(held.mentions.map((mention) => sentenceOf(mention, facts.passages))).toEqual(recorded.mentions.map((mention) => mention.sentence));
      // No copy of a sentence is held: each is a place in a passage the build holds anyway.
      expect(held.mentions.filter((mention) => mention.sentence !== undefined)).toEqual([]);
      mentions += held.mentions.length;
    }
    expect(mentions).toBeGreaterThan(100);
  });

  it('renders again the text whose passage a note cites when the note changes, and no other', () => {
    const site = copy({ unpublished: true });
    const first = site.compile();
    expect(first.html(COMPILATION)).toContain('The September 2020 compilation in this edition writes Sergei Lavrov');
    site.edit(LAVROV, (text) => text.replace('The September 2020 compilation in this edition writes', 'The compilation of 9 September 2020 writes'));
    const second = site.compile();
    expect(second.stats).toMatchObject({ parsed: 1, rendered: 2, reused: 3 });
    expect(second.html(COMPILATION)).toContain('The compilation of 9 September 2020 writes Sergei Lavrov');
    expect(second.html(COMPILATION)).not.toContain('The September 2020 compilation in this edition writes');
  });

  it("shows a fact-check note's finding on its card and links each note to its claim page", () => {
    const html = copy().compile().html('russian-bombers-fly-over-belarus');
    const card = (id: string) => html.slice(html.indexOf(`<aside id="note-${id}"`), html.indexOf('</aside>', html.indexOf(`<aside id="note-${id}"`)));
    expect(card('donbas-death-toll-2022')).toMatch(/class="note__finding"[^>]*>.*Imprecise/);
    expect(card('donbas-death-toll-2022')).toContain('href="/about/#finding-imprecise"');
    expect(card('donbas-death-toll-2022')).toContain('href="/claims/over-14000-killed/"');
    // A claim joined across texts is named in the edition's own words, not the text's.
    expect(card('troop-estimate')).toContain('href="/claims/russian-troops-near-ukraine-2021-2022/"');
    expect(card('troop-estimate')).toContain('Russia had some 90,000');
    // A note of another kind has no finding.
    expect(card('troop-estimate')).not.toContain('note__finding');
  });

  it("renders a note's text again when the words of the claim its card names change", () => {
    const site = copy();
    site.compile();
    site.edit('content/claims-across.yaml', (text) => text.replace('Russia had some 90,000 to 100,000 troops', 'Russia had between 90,000 and 100,000 troops'));
    const second = site.compile();
    expect(second.stats.rendered).toBeGreaterThan(0);
    expect(second.html('russian-bombers-fly-over-belarus')).toContain('Russia had between 90,000');
  });

  it('places front-matter errors on their line, with the field and the fix', () => {
    const site = copy();
    site.edit('content/glossary/iskander.md', (text) => text.replace(/^short: >-\n(?: {2}.*\n)+/m, ''));
    site.edit(BOMBERS, (text) => text.replace('  - name: Associated Press\n    kind: news-agency\n', '  - name: Associated Press\n    kind: newspaper\n'));
    expect(problemsOf(site.compile)).toMatchInlineSnapshot(`
      [
        "content/articles/russian-bombers-fly-over-belarus.mdx:11:11: \`outlets.0.kind\` is \`newspaper\`, which is not one of its values [frontmatter-invalid]
          Fix: use one of \`news-agency\`, \`news-site\`, \`blog\`, \`advocacy-group\`, \`forum\`.",
        "content/glossary/iskander.md:2:1: \`short\` is missing [frontmatter-missing]
          Fix: add \`short: …\` to the front matter (expected string, received undefined).",
      ]
    `);
  });
});

// Each test starts compile processes of its own: on a loaded 2-core machine that is more than the unit suite's 5 s.
describe('a cold compile in workers', { timeout: 60_000 }, () => {
  it('leaves in the cache exactly what a compile in one thread makes, so that the build parses and renders nothing', async () => {
    const alone = copy();
    const inline = alone.compile();
    const site = copy();
    const cacheDir = join(site.root, '.cache');
    const report = await compileInWorkers({ root: site.root, cacheDir }, 2, 0);
    expect(report).toMatchObject({ workers: 2, processes: 4, failures: [] });
    expect(report!.files).toBe(inline.stats.files);
    const compiled = site.compile();
    expect(compiled.stats).toMatchObject({ parsed: 0, rendered: 0, reused: inline.articles.length });
    for (const slug of inline.articleBySlug.keys()) expect(compiled.html(slug)).toBe(inline.html(slug));
    expect([...compiled.rendered.values()]).toEqual([...inline.rendered.values()]);
  });

  it('renders in more shares than processes at a time when there are many files, each in a process of its own, to the same cache', async () => {
    const alone = copy();
    const inline = alone.compile();
    const site = copy();
    // A sixth of the files a process: six rendering processes, two at a time (and two that read).
    const perProcess = Math.ceil(inline.stats.files / 6);
    const report = await compileInWorkers({ root: site.root, cacheDir: join(site.root, '.cache') }, 2, 0, perProcess);
    expect(report).toMatchObject({ workers: 2, processes: 2 + 2 * Math.ceil(inline.stats.files / (2 * perProcess)), failures: [] });
    expect(report!.processes).toBeGreaterThanOrEqual(6);
    const compiled = site.compile();
    expect(compiled.stats).toMatchObject({ parsed: 0, rendered: 0, reused: inline.articles.length });
    for (const slug of inline.articleBySlug.keys()) expect(compiled.html(slug)).toBe(inline.html(slug));
  }, 60_000);

  it('gives back to the system, when it ends, the memory the parser keeps outside the heap', async () => {
    // Sätteri keeps about 100 KB for every file it parses (src/compiler/workers.ts): 1,500 files
    // compiled in worker threads left the process 150 MB larger; in child processes, nothing.
    const site = copy();
    const articles = join(site.root, 'content/articles');
    const texts = readdirSync(articles).map((name) => readFileSync(join(articles, name), 'utf8'));
    for (let copyNumber = 0; copyNumber < 300; copyNumber++) texts.forEach((text, index) => writeFileSync(join(articles, `copy-${copyNumber}-${index}.mdx`), text));
    const before = process.memoryUsage().rss;
    const report = await compileInWorkers({ root: site.root, cacheDir: join(site.root, '.cache') }, 2, 0);
    expect(report!.files).toBeGreaterThan(1500);
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(50);
  }, 120_000);

  it('gives each process half the build’s heap limit, and no other flag of the build’s', () => {
    expect(childFlags(['--max-old-space-size=2012', '--import', 'tsx'])).toEqual(['--max-old-space-size=1006']);
    expect(childFlags(['--conditions=development'])).toEqual([]);
    expect(childFlags(['--max-old-space-size=60'])).toEqual(['--max-old-space-size=64']);
    // The last limit is Node's, in either spelling.
    expect(childFlags(['--max-old-space-size=1000', '--max_old_space_size=3000'])).toEqual(['--max-old-space-size=1500']);
  });

  it('says that a process ran out of its heap, in one line and without V8’s report', () => {
    const site = copy();
    const articles = join(site.root, 'content/articles');
    const texts = readdirSync(articles).map((name) => readFileSync(join(articles, name), 'utf8'));
    for (let copyNumber = 0; copyNumber < 200; copyNumber++) texts.forEach((text, index) => writeFileSync(join(articles, `copy-${copyNumber}-${index}.mdx`), text));
    // The processes get half of 128 MB: too little to render a thousand texts with the model of all of them.
    const script = `const { compileInWorkers } = await import(${JSON.stringify(join(ROOT, 'src/compiler/workers.ts'))}); console.log(JSON.stringify(await compileInWorkers({ root: ${JSON.stringify(site.root)}, cacheDir: ${JSON.stringify(join(site.root, '.cache'))} }, 2, 0)));`;
    const run = spawnSync(process.execPath, ['--max-old-space-size=128', '--input-type=module', '-e', script], { cwd: site.root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).failures).toEqual(['render 1/2: it ran out of its heap, --max-old-space-size=64', 'render 2/2: it ran out of its heap, --max-old-space-size=64']);
    expect(run.stderr).toBe('');
  }, 120_000);

  it('is not used for a few new files, and leaves a file with problems to the build, which reports them on their line', async () => {
    const site = copy();
    expect(await compileInWorkers({ root: site.root, cacheDir: join(site.root, '.cache') }, 2)).toBeUndefined();
    site.edit(BOMBERS, (text) => text.replace(/kind="context"/, 'kind="opinion"'));
    expect(await compileInWorkers({ root: site.root, cacheDir: join(site.root, '.cache') }, 2, 0)).toMatchObject({ failures: [] });
    expect(problemsOf(site.compile).join('\n')).toMatch(/russian-bombers-fly-over-belarus\.mdx:\d+:\d+/);
  });
});

describe('every error at once', () => {
  it('lists an article’s errors beside a glossary entry that does not read, without the errors its absence alone causes', () => {
    const site = copy();
    site.edit('content/glossary/belarus-2020-election.md', (text) => text.replace(/^short: .*\n(?: {2}.*\n)*/m, ''));
    site.edit(BOMBERS, (text) => text.replace('<Note id="bomber-patrols-over-belarus" kind="context"', '<Note id="bomber-patrols-over-belarus" kind="opinion"'));
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0]!.replace(/:\d+:\d+:/, ':'))).toEqual([
      'content/glossary/belarus-2020-election.md: `short` is missing [frontmatter-missing]',
      expect.stringMatching(/content\/articles\/russian-bombers-fly-over-belarus\.mdx: note `bomber-patrols-over-belarus` has the unknown kind `opinion` \[unknown-note-kind\]$/),
    ]);
  });
});

describe('what an editor can get wrong in an article', () => {
  /** The first line of each problem, the line and column kept. */
  const firstLines = (problems: string[]) => problems.map((problem) => problem.split('\n')[0]!);
  const lineOf = (site: ReturnType<typeof copy>, needle: string) => readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('tells which of two texts sharing a note id keeps it: the one whose note is published', () => {
    const site = copy();
    const LAVROV = 'content/articles/lavrov-speaks-out-against-nato-at-un.mdx';
    const first = /<Note id="([^"]+)"/.exec(readFileSync(join(site.root, LAVROV), 'utf8'))![1]!;
    site.edit(LAVROV, (text) => text.replace(`<Note id="${first}"`, '<Note id="troop-estimate"').replace(`note="${first}"`, 'note="troop-estimate"'));
    const problems = problemsOf(site.compile);
    expect(problems.find((problem) => problem.startsWith(LAVROV))).toContain(`Fix: rename this one: the note in ${BOMBERS} is published under that id (content/anchors.yaml)`);
    expect(problems.find((problem) => problem.startsWith(BOMBERS))).toContain(`Fix: rename the one in ${LAVROV}: this one is published under that id (content/anchors.yaml)`);
  });

  it('places MDX the parser refuses on its line, in our words, with a fix, and no stack trace', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/(<Note id="troop-estimate"[\s\S]*?)<\/Note>\n/, '$1\n'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${BOMBERS}:${lineOf(site, '<Note id="troop-estimate"')}:1: the <Note> opened on line ${lineOf(site, '<Note id="troop-estimate"')} is never closed [mdx-syntax]`]);
    expect(problems[0]).toContain('Fix: add </Note> on a line of its own after the note’s last <Source />.');
    // A <Source …> without its `/>`: the fix is on the source's line, not a `</Source>` after it.
    const other = copy();
    other.edit(BOMBERS, (text) => text.replace(/(<Source title="Russia, Belarus extend huge military exercises[^\n]*?) \/>\n<\/Note>/, '$1>\n</Note>'));
    const at = readFileSync(join(other.root, BOMBERS), 'utf8').split('\n').findIndex((line) => /^<Source .*[^/]>$/.test(line)) + 1;
    expect(problemsOf(other.compile)).toEqual([`${BOMBERS}:${at + 1}:1: \`</Note>\` closes the <Source> opened on line ${at}, which is not closed [mdx-syntax]\n    Fix: end the <Source …> on line ${at} with \`/>\`: a source holds no text.`]);
  });

  it('names an address in angle brackets and attribute values in curly quotes, at their `<`, with the edit', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('By 20 February 2022 Western governments', 'See <https://example.org/x>. By 20 February 2022 Western governments'));
    const line = lineOf(site, 'See <https://example.org/x>');
    const column = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n')[line - 1]!.indexOf('<https') + 1;
    expect(problemsOf(site.compile)).toEqual([`${BOMBERS}:${line}:${column}: an address in angle brackets (\`<https://example.org/x>\`), which MDX reads as a tag [mdx-syntax]\n    Fix: write it as a link, with words for it: [the page's title](https://example.org/x).`]);
    const curled = copy();
    curled.edit(BOMBERS, (text) => text.replace('<Note id="russia-draft-treaties-dec-2021"', '<Note id=“russia-draft-treaties-dec-2021”'));
    expect(firstLines(problemsOf(curled.compile))).toEqual([`${BOMBERS}:${lineOf(curled, '<Note id=“russia-draft-treaties-dec-2021”')}:1: an attribute value in curly quotes (“…”), which MDX does not read as quotes [mdx-syntax]`]);
  });

  it('names a straight quotation mark inside an attribute’s value at that mark, and a tag left unended before the next', () => {
    const quoted = copy();
    quoted.edit(BOMBERS, (text) => text.replace('<Note id="kharkiv-distance-from-border" kind="discrepancy" added="2026-12-06">', '<Note id="kharkiv-distance-from-border" kind="discrepancy" added="2026-12-06" updated="2026-12-07" change="The note said "40 km" for RFE/RL.">'));
    const line = lineOf(quoted, 'change="The note said "40 km"');
    const column = readFileSync(join(quoted.root, BOMBERS), 'utf8').split('\n')[line - 1]!.indexOf('"40 km') + 1;
    expect(problemsOf(quoted.compile)).toEqual([`${BOMBERS}:${line}:${column}: the value of \`change\` ends at a straight quotation mark inside it, before “40 km" for RFE/R…” [mdx-syntax]\n    Fix: write the quotation marks inside a value as typographic ones, “…” or ‘…’: a straight one ends the value.`]);
    const unended = copy();
    unended.edit(BOMBERS, (text) => text.replace(/(<Note id="kharkiv-distance-from-border"[^]*?<Source [^\n]*?) \/>\n(?=<Source)/, '$1\n'));
    const source = readFileSync(join(unended.root, BOMBERS), 'utf8').split('\n');
    const at = source.findIndex((text, index) => text.startsWith('<Source ') && !text.endsWith('/>') && index > 0) + 1;
    expect(at).toBeGreaterThan(0);
    expect(problemsOf(unended.compile)).toEqual([`${BOMBERS}:${at}:1: the <Source> tag is not ended: the next line starts another tag [mdx-syntax]\n    Fix: end it with \`/>\`: a source holds no text.`]);
  });

  it('reads a <Passage> whose attribute is misnamed as naming no note, and gives the attribute to write', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('<Passage note="troop-estimate">', '<Passage notes="troop-estimate">'));
    const line = lineOf(site, '<Passage notes="troop-estimate">');
    const column = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n')[line - 1]!.indexOf('<Passage notes=') + 1;
    expect(problemsOf(site.compile)).toContainEqual(
      `${BOMBERS}:${line}:${column}: a <Passage> names no note (it has \`notes\`, which a <Passage> does not read) [passage-without-note]\n    Fix: write the attribute as \`note\`: <Passage note="troop-estimate">…</Passage>.`,
    );
  });

  it('refuses a link or a source whose address names no site', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('By 20 February 2022 Western governments', 'See [this](https://). By 20 February 2022 Western governments'));
    expect(firstLines(problemsOf(site.compile))).toEqual([expect.stringMatching(new RegExp(`^${BOMBERS}:${lineOf(site, 'See [this](https://)')}:\\d+: a link to \`https://\`, which is no page's full address \\[link-address\\]$`))]);
    const source = copy();
    source.edit(BOMBERS, (text) => text.replace('url="https://www.reuters.com/world/europe/russia-belarus-extend-huge-military-exercises-belarus-ministry-2022-02-20/"', 'url="https://reuters/x"'));
    expect(firstLines(problemsOf(source.compile))).toContainEqual(expect.stringMatching(/: a source of note `invasion-from-belarus-2022` has the address `https:\/\/reuters\/x` \[source-incomplete\]$/));
  });

  it('answers a comment, HTML or MDX, with where a reminder may go instead, not with another form the rules refuse', () => {
    for (const comment of ['<!-- check this -->', '{/* check this */}']) {
      const site = copy();
      site.edit(BOMBERS, (text) => text.replace('In 2014, Russia annexed', `${comment} In 2014, Russia annexed`));
      const problems = problemsOf(site.compile);
      expect(firstLines(problems)).toEqual([
        comment.startsWith('<')
          ? `${BOMBERS}:${lineOf(site, comment)}:1: an HTML comment (\`<!--\`), which MDX does not allow [mdx-syntax]`
          : `${BOMBERS}:${lineOf(site, comment)}:1: a comment \`{/* … */}\`, which MDX reads as a JavaScript expression [mdx-code]`,
      ]);
      expect(problems[0]).toContain('delete the comment, and keep a reminder for the editors under `todo:` in the front matter of a draft');
      expect(problems[0]!.split('Fix:')[1]).not.toContain('{/*');
    }
  });

  it('places braces that MDX cannot read at the `{` that opens them, and does not call closed braces unclosed', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('In 2014, Russia annexed', 'In 2014 {as given}, Russia annexed'));
    const line = lineOf(site, '{as given}');
    const column = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n')[line - 1]!.indexOf('{as given}') + 1;
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${BOMBERS}:${line}:${column}: a \`{…}\` in the text, which MDX reads as a JavaScript expression (and this one is not valid JavaScript) [mdx-syntax]`]);
    expect(problems[0]).toContain('Fix: in the text, escape the opening brace as `\\{`');
  });

  it('says that an emptied file is empty, and how to get it back, rather than how to write front matter', () => {
    const site = copy();
    site.edit(BOMBERS, () => '');
    site.edit('content/glossary/csto.md', () => '\n');
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${BOMBERS}:1:1: the file is empty [file-empty]`, 'content/glossary/csto.md:1:1: the file is empty [file-empty]']);
    expect(problems[0]).toContain(`\`git restore ${BOMBERS}\``);
    expect(problems[0]).not.toContain('begin the file with');
  });

  it('says which of a pair of tags is spelt in lower case, and how to write it', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('<Note id="putin-xi-joint-statement-2022"', '<note id="putin-xi-joint-statement-2022"'));
    const opened = lineOf(site, '<note id="putin-xi-joint-statement-2022"');
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)[0]).toMatch(new RegExp(`^${BOMBERS}:\\d+:1: \`</Note>\` closes the <note> opened on line ${opened}, which is spelt differently \\[mdx-syntax\\]$`));
    expect(problems[0]).toContain(`Fix: did you mean <Note>? Write the opening tag on line ${opened} as \`<Note\`: components begin with a capital letter.`);
  });

  it('names the component a misspelt tag closed with the right name was meant to be, and says HTML is not written in an article', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('<Passage note="donbas-death-toll-2022">', '<Pasage note="donbas-death-toll-2022">'));
    const at = lineOf(site, '<Pasage note="donbas-death-toll-2022">');
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([expect.stringMatching(new RegExp(`^${BOMBERS}:${at}:\\d+: \`<Pasage>\` on line ${at} is not a component of the edition \\[mdx-syntax\\]$`))]);
    expect(problems[0]).toContain('Fix: write `<Passage>` there (and `</Passage>` where it ends): did you mean `<Passage>`?');
    const html = copy();
    html.edit(BOMBERS, (text) => text.replace('As war fears mounted,', 'As war fears<br> mounted,'));
    const br = problemsOf(html.compile);
    expect(firstLines(br)).toEqual([expect.stringMatching(/ `<br>` on line \d+ is HTML, which an article does not hold \[mdx-syntax\]$/)]);
    expect(br[0]).not.toContain('</br>');
  });

  it('names a note written <note>…</note> once, its sources not also said to be outside a note', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => {
      const start = text.indexOf('<Note id="putin-xi-joint-statement-2022"');
      const end = text.indexOf('</Note>', start);
      return `${text.slice(0, start)}<note${text.slice(start + 5, end)}</note>${text.slice(end + 7)}`;
    });
    expect(firstLines(problemsOf(site.compile))).toEqual([`${BOMBERS}:${lineOf(site, '<note id="putin-xi-joint-statement-2022"')}:1: the element \`<note>\`, which an article may not use [mdx-element]`]);
  });

  it('names the component a misspelt or lower-case tag was meant to be', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('<Passage note="donbas-death-toll-2022">', '<Pasage note="donbas-death-toll-2022">').replace(/(<Pasage note="donbas-death-toll-2022">[^<]*)<\/Passage>/, '$1</Pasage>'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)[0]).toBe(`${BOMBERS}:${lineOf(site, '<Pasage')}:${readFileSync(join(site.root, BOMBERS), 'utf8').split('\n')[lineOf(site, '<Pasage') - 1]!.indexOf('<Pasage') + 1}: the element \`<Pasage>\`, which an article may not use [mdx-element]`);
    expect(problems[0]).toContain('Fix: did you mean `<Passage>`? Otherwise, if it is text');
    // An HTML tag is not taken for a near miss of a component: <em> is two letters from <Term>.
    const html = copy();
    html.edit(BOMBERS, (text) => text.replace('As war fears mounted, Ukrainian authorities', 'As war fears mounted, <em>Ukrainian</em> authorities'));
    const [tag] = problemsOf(html.compile);
    expect(tag).toContain('the element `<em>`, which an article may not use [mdx-element]');
    expect(tag).not.toContain('did you mean');
  });

  it('says that a glossary entry has no front matter at all, once, with the fields to write, and that a field of set values is missing', () => {
    const site = copy();
    writeFileSync(join(site.root, 'content/glossary/words-only.md'), 'Just some words about a term.\n');
    writeFileSync(join(site.root, 'content/glossary/no-category.md'), '---\nterm: No category\nshort: A glossary entry whose category has been left out by its editor.\nsources: []\n---\nWords.\n');
    const problems = problemsOf(site.compile);
    expect(problems.filter((problem) => problem.includes('words-only.md'))).toEqual([
      'content/glossary/words-only.md:1:1: the file has no front matter [frontmatter-missing]\n    Fix: begin the file with a line `---`, then `term: …`, `category: …`, `short: …`, `sources: …` (one field a line), then a line `---`, as the other files of its folder do.',
    ]);
    expect(firstLines(problems.filter((problem) => problem.includes('no-category.md')))).toContain('content/glossary/no-category.md:2:1: `category` is missing [frontmatter-missing]');
  });

  it('names a claim id used twice by the line of its first use, with one fix; a field missing from an entry as the entry’s; a fingerprint cut short, and a tab in the ledger, as what they are', () => {
    const CLAIMS = 'content/claims/russian-bombers-fly-over-belarus.yaml';
    const site = copy();
    site.edit(CLAIMS, (text) => {
      const lines = text.split('\n');
      const ids = lines.flatMap((line, index) => (line.startsWith('- id: ') ? [index] : []));
      lines[ids[2]!] = lines[ids[1]!]!;
      return lines.join('\n');
    });
    const lines = readFileSync(join(site.root, CLAIMS), 'utf8').split('\n');
    const [first, second] = lines.flatMap((line, index) => (line === lines.filter((l) => l.startsWith('- id: '))[1] ? [index + 1] : []));
    const [duplicate] = problemsOf(site.compile);
    expect(duplicate).toBe(`${CLAIMS}:${second}:7: \`${lines[first! - 1]!.slice(6)} › id\`: duplicate claim id \`${lines[first! - 1]!.slice(6)}\` (first used on line ${first}) [frontmatter-invalid]\n    Fix: give each claim its own id.`);
    const missing = copy();
    missing.edit(CLAIMS, (text) => text.replace('  kind: characterisation\n', ''));
    expect(problemsOf(missing.compile)[0]).toContain('› kind` is missing [frontmatter-missing]\n    Fix: add `kind: …` to this entry (expected one of');
    const cut = copy();
    cut.edit(LEDGER_FILE, (text) => text.replace(/^( {4}note-copy-paragraph-order: [0-9a-f]{7})[0-9a-f]$/m, '$1'));
    expect(firstLines(problemsOf(cut.compile))).toEqual([expect.stringMatching(/^content\/anchors\.yaml:\d+:32: `articles` › `russian-bombers-fly-over-belarus` › `note-copy-paragraph-order` has `[0-9a-f]{7}`, which is not a fingerprint \(8 hexadecimal digits, none of them a capital\) \[ledger-shape\]$/)]);
    const tabbed = copy();
    tabbed.edit(LEDGER_FILE, (text) => text.replace(/^ {2}russian-bombers-fly-over-belarus:/m, '\trussian-bombers-fly-over-belarus:'));
    expect(problemsOf(tabbed.compile)[0]).toMatch(/^content\/anchors\.yaml:\d+:1: the ledger is not valid YAML: Tabs are not allowed as indentation \[ledger-yaml\]\n {4}Fix: indent with spaces \(two a level, as the lines around it\): YAML does not allow tabs there\.$/);
    // A claims inventory and the timeline's events indented with a tab: the line named, not the parser's "Unexpected scalar".
    for (const file of [CLAIMS, 'content/timeline/events.yaml']) {
      const site = copy();
      site.edit(file, (text) => text.replace(/^ {2}(label|kind): /m, '\t$1: '));
      const at = readFileSync(join(site.root, file), 'utf8').split('\n').findIndex((line) => line.startsWith('\t')) + 1;
      const problems = file === CLAIMS ? problemsOf(site.compile) : timelineProblems(site.compile()).map((problem) => formatProblem(problem));
      expect(problems[0]).toBe(`${file}:${at}:1: the file is not valid YAML: this line is indented with a tab, and YAML indents with spaces only [frontmatter-yaml]\n    Fix: replace the tab at the start of the line with spaces, as many as the lines of the same level have (your editor may insert a tab for the Tab key: set it to insert spaces in YAML files).`);
    }
  });

  it('tells a note linking to a renamed text by its old slug the new one, and the redirect to keep', () => {
    const site = copy();
    renameSync(join(site.root, BOMBERS), join(site.root, 'content/articles/russian-bombers.mdx'));
    const problems = firstLines(problemsOf(site.compile));
    expect(problems[0]).toMatch(/links to the article `russian-bombers-fly-over-belarus`, which was published but is no longer in content\/articles\/ \[broken-note-link\]$/);
    expect(problemsOf(site.compile)[0]).toContain('Fix: it is now `russian-bombers`: link to passage:russian-bombers#');
    expect(problemsOf(site.compile)[0]).toContain('and keep its old address alive with `russian-bombers-fly-over-belarus: russian-bombers` under `redirects:` in content/anchors.yaml.');
    // With the redirect written, the link is told the new slug.
    site.edit(LEDGER_FILE, (text) => text.replace(/^redirects: \{\}$/m, 'redirects:\n  russian-bombers-fly-over-belarus: russian-bombers'));
    expect(firstLines(problemsOf(site.compile))[0]).toMatch(/links to the article `russian-bombers-fly-over-belarus`, which is now `russian-bombers` \(a redirect in content\/anchors.yaml\) \[broken-note-link\]$/);
  });

  /** The copy's ledgers committed, as a published edition's are. */
  const committed = (site: ReturnType<typeof copy>) => {
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd: site.root, encoding: 'utf8' });
    git('init', '-q');
    git('add', LEDGER_FILE, 'content/timeline/published.yaml');
    expect(git('commit', '-q', '-m', 'Published').status).toBe(0);
  };

  it('tells the note added under a published note’s id to change, wherever in the text it stands', () => {
    const site = copy();
    // A new note, above the published one, given its id.
    site.edit(BOMBERS, (text) => text.replace('<Note id="lukashenko-solovyov-csto-kazakhstan"', '<Note id="kharkiv-distance-from-border" kind="context" added="2026-12-08">\nA new note.\n\n<Source title="S (Reuters)" url="https://www.reuters.com/x" verified="2026-12-08" />\n</Note>\n\n<Note id="lukashenko-solovyov-csto-kazakhstan"'));
    const lines = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n');
    const [added, published] = lines.flatMap((line, index) => (line.startsWith('<Note id="kharkiv-distance-from-border"') ? [index + 1] : []));
    expect(added).toBeLessThan(published!);
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${BOMBERS}:${added}:1: note id \`kharkiv-distance-from-border\` is also used at line ${published}, by the note published under it (content/anchors.yaml records its words) [duplicate-note-id]`]);
    expect(problems[0]).toContain('Fix: give this note an id of its own: links to the published one must keep landing on it.');
  });

  it('keeps no earlier words of a paragraph only renamed, as if a better copy had left it out', () => {
    const site = copy();
    const id = 'war-fears-mounted-ukrainian-authorities';
    site.edit(BOMBERS, (text) => text.replace(`^${id}`, '^civil-defense-drills').replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-08\nchange: A better copy.'));
    site.edit(`content/claims/russian-bombers-fly-over-belarus.yaml`, (text) => text.replace(`passage: ${id}`, 'passage: civil-defense-drills'));
    site.edit('content/anchors.yaml', (text) => text.replace('aliases:\n  russian-bombers-fly-over-belarus:\n', `aliases:\n  russian-bombers-fly-over-belarus:\n    ${id}: civil-defense-drills\n`));
    site.edit('content/corrections.yaml', (text) => `${text}- item: provenance:russian-bombers-fly-over-belarus\n  date: 2026-12-08\n  before: |\n    An earlier copy.\n  paragraphs:\n    ${id}: |\n      As war fears mounted, Ukrainian authorities launched a series of civil defense drills for residents.\n`);
    expect(firstLines(problemsOf(site.compile))).toEqual([expect.stringMatching(new RegExp(`^content/corrections\\.yaml:\\d+:1: the record of \`provenance:russian-bombers-fly-over-belarus\` keeps the earlier words of paragraph \`#${id}\`, which the text \\(${BOMBERS.replace(/\./g, '\\.')}\\) does not have \\[correction-paragraphs\\]$`))]);
  });

  it('refuses a correction’s record taken out since the last commit, and the record of corrections deleted', () => {
    /** A copy whose record of corrections is committed, as a published edition's is. */
    const committedCopy = () => {
      const site = copy();
      const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd: site.root, encoding: 'utf8' });
      git('init', '-q');
      git('add', 'content/corrections.yaml');
      expect(git('commit', '-q', '-m', 'Published').status).toBe(0);
      return site;
    };
    const site = committedCopy();
    // A record renamed with its note (the note's alias in the ledger) is kept, not taken out.
    const renamed = committedCopy();
    renamed.edit(BOMBERS, (text) => text.replaceAll('lukashenko-quote-unmarked', 'lukashenko-quote-marks-lost'));
    renamed.edit('content/anchors.yaml', (text) => text.replace('aliases:\n  russian-bombers-fly-over-belarus:\n', 'aliases:\n  russian-bombers-fly-over-belarus:\n    note-lukashenko-quote-unmarked: note-lukashenko-quote-marks-lost\n'));
    renamed.edit('content/corrections.yaml', (text) => text.replaceAll('item: note:lukashenko-quote-unmarked', 'item: note:lukashenko-quote-marks-lost'));
    expect(problemsIfAny(renamed.compile).filter((problem) => problem.includes('[corrections-dropped]'))).toEqual([]);
    site.edit('content/corrections.yaml', (text) => text.replace(/^- item: note:lukashenko-quote-unmarked\n {2}date: 2026-12-03\n(?:(?: {2}| {4}).*\n|\n)+/m, ''));
    expect(firstLines(problemsOf(site.compile))).toEqual(['content/corrections.yaml:1:1: content/corrections.yaml no longer records a correction that the last commit records: `note:lukashenko-quote-unmarked of 2026-12-03` [corrections-dropped]']);
    rmSync(join(site.root, 'content/corrections.yaml'));
    expect(firstLines(problemsOf(site.compile))).toEqual(['content/corrections.yaml:1:1: content/corrections.yaml is gone, but the last commit has it, with every correction the edition has published [corrections-dropped]']);
  });

  it('refuses an address taken out of either ledger by hand since the last commit, and a ledger deleted', () => {
    // A paragraph's ledger line deleted (its id renamed, say).
    const site = copy();
    committed(site);
    site.edit(LEDGER_FILE, (text) => text.replace(/^ {4}putin-xi-announced-relations-between: .*\n/m, ''));
    // Placed on its text's key in the ledger, where the line stood (it was placed at 1:1).
    const at = readFileSync(join(site.root, LEDGER_FILE), 'utf8').split('\n').indexOf('  russian-bombers-fly-over-belarus:') + 1;
    expect(firstLines(problemsOf(site.compile))).toEqual([`content/anchors.yaml:${at}:1: the anchor ledger no longer records an address that the last commit records: \`articles › russian-bombers-fly-over-belarus › putin-xi-announced-relations-between\` [ledger-dropped]`]);
    // An event's id taken out of the timeline's ledger.
    const timeline = copy();
    committed(timeline);
    timeline.edit('content/timeline/published.yaml', (text) => text.replace(/^open-skies-treaty-in-force: .*\n/m, ''));
    expect(firstLines(timelineProblems(timeline.compile()).map((problem) => formatProblem(problem)))).toContain('content/timeline/published.yaml:1:1: the timeline\'s ledger no longer records an event id that the last commit records: `open-skies-treaty-in-force` [ledger-dropped]');
    const deleted = copy();
    committed(deleted);
    rmSync(join(deleted.root, LEDGER_FILE));
    expect(firstLines(problemsOf(deleted.compile))).toContain('content/anchors.yaml:1:1: the anchor ledger is gone, but the last commit has it, with every address the edition has published [ledger-dropped]');
    // Without a repository of its own (a deploy's copy), nothing is compared.
    const unversioned = copy();
    unversioned.edit(LEDGER_FILE, (text) => text.replace(/^ {4}putin-xi-announced-relations-between: .*\n/m, ''));
    // …and the line taken out is only an anchor not yet recorded, which npm run ledger records again.
    expect(unversioned.compile().warnings.filter((warning) => warning.includes('anchors'))).toEqual([expect.stringMatching(/^1 anchors? (?:is|are) not in content\/anchors\.yaml yet/)]);
  }, 30_000);

  it('names a ledger line edited by hand on that line: a fingerprint, an id, a key line taken out', () => {
    // A fingerprint changed by hand to another that could be one: named on the ledger's line, with
    // the committed one to write back, not blamed on the note, whose correction would then be refused.
    const edited = copy();
    committed(edited);
    const print = /^ {4}note-copy-paragraph-order: ([0-9a-f]{8})$/m.exec(readFileSync(join(edited.root, LEDGER_FILE), 'utf8'))![1]!;
    const other = `${print.slice(0, 7)}${print.endsWith('0') ? '1' : '0'}`;
    edited.edit(LEDGER_FILE, (text) => text.replace(`note-copy-paragraph-order: ${print}`, `note-copy-paragraph-order: ${other}`));
    const [hand] = problemsOf(edited.compile);
    expect(hand).toMatch(new RegExp(`^content/anchors\\.yaml:\\d+:1: \`articles\` › \`russian-bombers-fly-over-belarus\` › \`note-copy-paragraph-order\` has \`${other}\`, but the last commit had \`${print}\`, the fingerprint of its words as they are now: the line was changed by hand \\[ledger-edited\\]`));
    expect(hand).toContain(`Fix: write \`${print}\` back`);
    // An id's key changed by hand: the line is named as such, not given an alias to add.
    const renamed = copy();
    committed(renamed);
    renamed.edit(LEDGER_FILE, (text) => text.replace(/^ {4}putin-xi-announced-relations-between:/m, '    Putin-xi-announced-relations-between:'));
    const keyed = firstLines(problemsOf(renamed.compile));
    expect(keyed).toContainEqual(expect.stringMatching(/`Putin-xi-announced-relations-between` is not in the last commit's ledger and no page has that anchor, while `putin-xi-announced-relations-between` of the same text left the ledger: the id was changed by hand\. Did you mean `putin-xi-announced-relations-between`\? \[ledger-edited\]$/));
    expect(keyed.some((line) => line.includes('[anchor-gone]'))).toBe(false);
    // A text's key line, or a section's, taken out: the one line to put back, not an error for each
    // line then under the key before it (41 of them for `terms:`), nor a key written twice.
    const keyless = copy();
    committed(keyless);
    keyless.edit(LEDGER_FILE, (text) => text.replace(/^ {2}russian-bombers-fly-over-belarus:\n/m, ''));
    expect(problemsOf(keyless.compile)).toEqual([expect.stringContaining('Fix: put back the line `russian-bombers-fly-over-belarus:`, which the last commit has and this file no longer does')]);
    const sectionless = copy();
    committed(sectionless);
    sectionless.edit(LEDGER_FILE, (text) => text.replace(/^terms:\n/m, ''));
    expect(firstLines(problemsOf(sectionless.compile))).toEqual([expect.stringMatching(/^content\/anchors\.yaml:\d+:1: the line `terms:` is gone, which the last commit has: the lines under it now hang under the key before it \[ledger-shape\]$/)]);
    // `redirects: {}` given its first line is the same key, not one taken out.
    const twice = copy();
    committed(twice);
    twice.edit(LEDGER_FILE, (text) => text.replace(/^redirects: \{\}$/m, 'redirects:\n  gone-text: russian-bombers-fly-over-belarus').replace(/^( {4}putin-xi-announced-relations-between: .*\n)/m, '$1$1'));
    expect(problemsOf(twice.compile)[0]).toContain('Fix: `putin-xi-announced-relations-between` is written twice under the same text: keep one of the two lines');
  }, 30_000);
  it('refuses a glossary entry with nothing below its front matter, whose page would show its short definition alone', () => {
    const site = copy();
    site.edit('content/glossary/iskander.md', (text) => text.slice(0, text.indexOf('\n---\n', 4) + 5));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `content/glossary/iskander.md:${readFileSync(join(site.root, 'content/glossary/iskander.md'), 'utf8').split('\n').length}:1: the entry has no text below its front matter: its page would show the short definition and nothing else [empty-entry]`,
    ]);
  });

  it('refuses emphasis or bold added to the text, which the word-for-word check passes over, and allows it in a note', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('As war fears mounted, Ukrainian authorities', 'As war fears mounted, *Ukrainian* authorities').replace('bombers practiced interacting', 'bombers **practiced** interacting'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems).map((line) => line.replace(/:\d+:\d+:/, ':L:C:'))).toEqual([
      `${BOMBERS}:L:C: emphasis (\`*…*\` or \`_…_\`) in the text, which its plain-text source cannot have [text-formatting]`,
      `${BOMBERS}:L:C: bold (\`**…**\`) in the text, which its plain-text source cannot have [text-formatting]`,
    ]);
    expect(problems[0]).toContain(`${BOMBERS}:${lineOf(site, '*Ukrainian*')}:`);
    const noted = copy();
    noted.edit(BOMBERS, (text) => text.replace(/(<Note id="troop-estimate"[^>]*>\n)(\S+)/, '$1*$2*'));
    expect(readFileSync(join(noted.root, BOMBERS), 'utf8')).toMatch(/<Note id="troop-estimate"[^>]*>\n\*\S+\*/);
    expect(() => noted.compile()).not.toThrow();
  });

  it('refuses an image, a link or a footnote added to the text, which the word-for-word check passes over, and keeps an address the text writes out', () => {
    const site = copy();
    site.edit(BOMBERS, (text) =>
      text.replace('As war fears mounted, Ukrainian authorities', 'As war fears mounted, ![Ukrainian](https://tracker.example/p.gif) [authorities](https://example.org/x) at www.nato.int and https://www.nato.int/ and[^9]').trimEnd() + '\n\n[^9]: An editor’s aside.\n',
    );
    const problems = problemsOf(site.compile);
    const line = lineOf(site, '![Ukrainian]');
    expect(firstLines(problems).map((first) => first.replace(/:(\d+):\d+:/, ':$1:C:'))).toEqual([
      `${BOMBERS}:${line}:C: an image (\`https://tracker.example/p.gif\`) in the text, which its plain-text source cannot have [text-image]`,
      `${BOMBERS}:${line}:C: a link to \`https://example.org/x\` on the words “authorities” in the text, which its plain-text source cannot have [text-link]`,
      `${BOMBERS}:${line}:C: a footnote \`[^9]\` in the text, which the page would show as part of the text [footnote]`,
      `${BOMBERS}:${lineOf(site, '[^9]: An editor')}:C: a footnote text \`[^9]\` in the text, which the page would show as part of the text [footnote]`,
    ]);
    expect(problems[0]).toContain('Fix: a text is reproduced as received, and no page of the edition loads anything from another site');
    // Written by reference, the address in a definition below: the same.
    const byReference = copy();
    byReference.edit(BOMBERS, (text) => text.replace('As war fears mounted, Ukrainian authorities', 'As war fears mounted, ![Ukrainian][px] [authorities][x]').trimEnd() + '\n\n[px]: https://tracker.example/p.gif\n[x]: https://example.org/x\n');
    expect(firstLines(problemsOf(byReference.compile)).map((first) => first.replace(/:\d+:\d+:/, ':L:C:'))).toEqual([
      `${BOMBERS}:L:C: an image by reference (\`[px]\`) in the text, which its plain-text source cannot have [text-image]`,
      `${BOMBERS}:L:C: a link on the words “authorities” by reference (\`[x]\`) in the text, which its plain-text source cannot have [text-link]`,
    ]);
    // A footnote in a note would be moved out of it into the text.
    const noted = copy();
    noted.edit(BOMBERS, (text) => text.replace(/(<Note id="troop-estimate"[^>]*>\n\S+)/, '$1[^1]').replace(/(<Note id="troop-estimate"[^]*?)(\n<\/Note>)/, '$1\n\n[^1]: Aside.\n$2'));
    expect(firstLines(problemsOf(noted.compile))[0]).toMatch(/a footnote `\[\^1\]` in the note `troop-estimate`, which the page would show as part of the text \[footnote\]$/);
  });

  it('says that a passage cannot run across paragraphs', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('recently offered to host Russian nuclear weapons</Passage>', 'recently offered to host Russian nuclear weapons'));
    const line = lineOf(site, 'recently offered to host Russian nuclear weapons');
    expect(firstLines(problemsOf(site.compile))).toEqual([expect.stringMatching(new RegExp(`^${BOMBERS}:${line}:\\d+: the <Passage> opened on line ${line} is not closed in its paragraph \\[mdx-syntax\\]$`))]);
  });

  it('refuses an attribute written twice on a component, on its line, naming both values', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('<Note id="troop-estimate" kind="discrepancy"', '<Note id="troop-estimate" kind="context" kind="discrepancy"'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      expect.stringMatching(new RegExp(`^${BOMBERS}:${lineOf(site, 'id="troop-estimate"')}:\\d+: the <Note> has \`kind\` twice \\(\`kind="context"\`, \`kind="discrepancy"\`\\) \\[duplicate-attribute\\]$`)),
    ]);
    // Written three times, it is one problem that says so.
    site.edit(BOMBERS, (text) => text.replace('kind="context" kind="discrepancy"', 'kind="context" kind="discrepancy" kind="aftermath"'));
    expect(firstLines(problemsOf(site.compile))).toEqual([expect.stringMatching(/: the <Note> has `kind` 3 times \(`kind="context"`, `kind="discrepancy"`, `kind="aftermath"`\) \[duplicate-attribute\]$/)]);
  });

  it('refuses a <Source> outside a note and a <Note> inside a paragraph or another note, on their lines', () => {
    const site = copy();
    site.edit(BOMBERS, (text) =>
      text
        .replace('recently offered to host Russian nuclear weapons</Passage>.', 'recently offered to host Russian nuclear weapons</Passage>. <Source title="Stray" url="https://example.org/" />')
        .replace('he said in a reference to Western allies.</Passage>', 'he said in a reference to Western allies.</Passage> <Note id="inline-note" kind="context" added="2026-12-01">Inline.</Note>')
        .replace(/<Note id="troop-estimate"[^>]*>\n/, '$&<Note id="nested-note" kind="context" added="2026-12-01">\nNested.\n</Note>\n\n'),
    );
    const problems = firstLines(problemsOf(site.compile));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${BOMBERS}:${lineOf(site, 'title="Stray"')}:\\d+: a <Source> outside a note \\[source-outside-note\\]$`)),
        expect.stringMatching(new RegExp(`^${BOMBERS}:${lineOf(site, 'id="inline-note"')}:\\d+: the <Note> \`inline-note\` inside a paragraph \\[note-placement\\]$`)),
        expect.stringMatching(new RegExp(`^${BOMBERS}:${lineOf(site, 'id="nested-note"')}:\\d+: the <Note> \`nested-note\` inside the note \`troop-estimate\` \\[note-placement\\]$`)),
      ]),
    );
  });

  it('refuses, on its line, what a note cannot render: an inline component, a <Source> inside its text, an image, a heading, a link broken by a space or left as text', () => {
    const site = copy();
    site.edit(BOMBERS, (text) =>
      text.replace(
        /<Note id="troop-estimate"[^>]*>\n/,
        (note) => `${note}The <Term id="union-state">Union State</Term> and <NoTerm>NATO</NoTerm>.\n\nSince November. <Source title="Inline (A)" url="https://example.org/a" verified="2026-12-01" />\n\n- <Source title="Listed (A)" url="https://example.org/b" verified="2026-12-01" />\n\n![map](https://example.org/map.png)\n\nSee [the note](note: copy-paragraph-order).\n\nSee [the report](https://www.reuters.com/world/a b) and [the text][ref].\n\n## Background\n\n`,
      ),
    );
    const problems = firstLines(problemsOf(site.compile));
    const at = (words: string) => lineOf(site, words);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${BOMBERS}:${at('The <Term id="union-state">')}:5: a <Term> inside the note \`troop-estimate\`, where the edition's own words are [note-component]`,
        `${BOMBERS}:${at('The <Term id="union-state">')}:51: a <NoTerm> inside the note \`troop-estimate\`, where the edition's own words are [note-component]`,
        `${BOMBERS}:${at('title="Inline (A)"')}:17: a <Source> within a line of text of the note \`troop-estimate\` [source-placement]`,
        `${BOMBERS}:${at('title="Listed (A)"')}:3: a <Source> inside a list or quotation of the note \`troop-estimate\` [source-placement]`,
        `${BOMBERS}:${at('![map]')}:1: an image (\`https://example.org/map.png\`) in the note \`troop-estimate\` [note-image]`,
        `${BOMBERS}:${at('See [the note]')}:1: \`(note: copy-paragraph-order)\` in the note \`troop-estimate\` is not a link: Markdown reads a link's address only without spaces [broken-link]`,
        `${BOMBERS}:${at('See [the report]')}:1: \`[the report](\` in the note \`troop-estimate\` is not a link: Markdown reads \`[words](address)\` as a link only when the address has no space [broken-link]`,
        `${BOMBERS}:${at('## Background')}:1: a heading (\`## \`) in the note \`troop-estimate\`: the page's headings are the text's and the edition's, and a note's would break their outline [note-heading]`,
        expect.stringMatching(/:\d+:\d+: `\[the text\]\[` in the note `troop-estimate` is not a link: .*, and the edition has no `\[words\]\[name\]` links \[broken-link\]$/),
      ]),
    );
    expect(problemsOf(site.compile).join('\n')).toContain('Fix: link the words to the glossary entry as `[words](term:union-state)`.');
  });

  it('names a name given to two glossary entries once, at the entry that gives it second, with both lines', () => {
    const site = copy();
    site.edit('content/glossary/tu-22m3.md', (text) => text.replace('alsoKnownAs:\n', 'aliases: [NATO]\nalsoKnownAs:\n'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `content/glossary/tu-22m3.md:3:1: the name “NATO” is also the name of \`nato\` (content/glossary/nato.md:${readFileSync(join(site.root, 'content/glossary/nato.md'), 'utf8').split('\n').indexOf('term: NATO') + 1}), and a name in a text can lead to one entry only [alias-collision]`,
    ]);
  });

  it('tells a glossary entry to link another entry through related:, not in its text', () => {
    const site = copy();
    site.edit('content/glossary/tu-22m3.md', (text) => `${text}\nIt flew with the [Union State](term:union-state) and <Term id="nato">NATO</Term>.\n`);
    const problems = problemsOf(site.compile).join('\n');
    expect(problems).toContain('a link to `term:union-state` in the glossary entry [text-link]');
    expect(problems).toContain('Fix: a glossary entry links only full addresses (`[words](https://…)`); to link the entry `union-state` from this one, add its id to `related:` in the front matter and write the words plainly.');
    expect(problems).toContain('Fix: write the words plainly, and add `nato` to `related:` in the front matter to link that entry from this one.');
  });

  it('refuses a text whose every outlet is marked as not the headline’s, rather than attributing it to all of them', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^(outlets:\n {2}- name: .*\n(?: {4}.*\n)*?)( {4}kind: .*\n)/m, '$1$2    headline: false\n'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}:${lineOf(site, 'outlets:') + 1}:3: \`outlets\`: every outlet is marked \`headline: false\`, so the headline would be attributed to none; remove \`headline: false\` from the outlet whose words the headline is [frontmatter-invalid]`,
    ]);
  });

  it('refuses an author written with a hyphen beside a space, which the citations would have broken on, naming the line', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^authors:\n {2}- .*$/m, 'authors:\n  - Jean- Paul Isachenkov'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}:${lineOf(site, '  - Jean- Paul Isachenkov')}:5: \`authors.0\`: a hyphen with a space beside it: write a double name without spaces (“Jean-Paul”), and each author on a line of its own (“- Jane Doe”) [frontmatter-invalid]`,
    ]);
  });

  it('refuses a day that is not in the calendar, in the front matter, rather than moving it', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^dates:\n {2}- (\d{4})-\d\d-\d\d$/m, 'dates:\n  - $1-02-30'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}:${lineOf(site, '  - 2022-02-30')}:5: \`dates.0\`: 2022-02-30 is not a day of the calendar: February 2022 has 28 days; write each day of publication as YYYY-MM-DD [frontmatter-invalid]`,
    ]);
  });

  it('refuses a day of publication to come, in the front matter, for the text and for a piece of it', () => {
    const site = copy();
    const today = new Date().toISOString().slice(0, 10);
    site.edit(BOMBERS, (text) => text.replace(/^dates:\n {2}- (\d{4})-\d\d-\d\d$/m, 'dates:\n  - 2099-02-03'));
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}:${lineOf(site, '  - 2099-02-03')}:5: \`dates.0\`: 2099-02-03 is later than today (${today}); write each day of publication as YYYY-MM-DD [frontmatter-invalid]`,
    ]);
    const compilation = `content/articles/${COMPILATION}.mdx`;
    site.edit(BOMBERS, () => readFileSync(join(ROOT, BOMBERS), 'utf8'));
    site.edit(compilation, (text) => text.replace(/^( {4}date: )\d{4}-\d\d-\d\d$/m, '$12099-09-08'));
    const line = readFileSync(join(site.root, compilation), 'utf8').split('\n').indexOf('    date: 2099-09-08') + 1;
    expect(firstLines(problemsOf(site.compile))).toEqual([
      expect.stringMatching(new RegExp(`^${compilation}:${line}:11: \`sections\\.\\d+\\.date\`: 2099-09-08 is later than today \\(${today}\\); write the day the piece was published as YYYY-MM-DD \\[frontmatter-invalid\\]$`)),
    ]);
  });

  it('refuses a day that is not in the calendar, or a day to come, in a note and a source', () => {
    const site = copy();
    site.edit(BOMBERS, (text) =>
      text
        .replace(/(<Note id="troop-estimate"[^>]*?) added="2026-11-22"/, '$1 added="2021-02-29"')
        .replace('date="2022-02-04" verified="2026-12-03"', 'date="2022-02-31" verified="2026-12-03"')
        .replace('<Note id="russian-exercises-january-february-2022" kind="context" added="2026-12-03"', '<Note id="russian-exercises-january-february-2022" kind="context" added="2099-01-01"'),
    );
    const problems = firstLines(problemsOf(site.compile)).join('\n');
    expect(problems).toContain('note `troop-estimate`: `added`: 2021-02-29 is not a day of the calendar: February 2021 has 28 days [note-date]');
    expect(problems).toContain(': `date`: 2022-02-31 is not a day of the calendar: February 2022 has 28 days [source-date]');
    expect(problems).toMatch(/note `russian-exercises-january-february-2022`: `added`: 2099-01-01 is later than today \(\d{4}-\d\d-\d\d\) \[note-date\]/);
  });

  it('refuses a word of the text changed by hand, on its paragraph, with the source’s words', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('amid bruising Western sanctions', 'amid harsh Western sanctions'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([
      `${BOMBERS}:${lineOf(site, 'amid harsh Western sanctions')}:1: paragraph ^belarus-authoritarian-leader-alexander says “…Kremlins political and financial support amid harsh Western sanctions triggered by his…” where its source (content/sources/004_46ac758a32718590.txt) has “…Kremlins political and financial support amid bruising Western sanctions triggered by his…” [text-fidelity]`,
    ]);
    // The command is given as an editor can run it from the project folder: the source's path, not its bare name.
    const command = /`npm run import -- (\S+) --force`/.exec(problems[0]!)?.[1];
    expect(command).toBe('content/sources/004_46ac758a32718590.txt');
    expect(existsSync(join(site.root, command!))).toBe(true);
  });

  it('refuses a sentence of the source left out, naming the source’s line', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(' I am happy that I came here to learn the basics of self defense and first aid. ^am-here-learn-how-defend', ' ^am-here-learn-how-defend'));
    const raw = readFileSync(join(site.root, 'content/sources/004_46ac758a32718590.txt'), 'utf8').split('\n');
    const line = raw.findIndex((text) => text.includes('I am happy that I came here')) + 1;
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}: the article leaves out words of its source (content/sources/004_46ac758a32718590.txt:${line}): “I am happy that I came here to learn the basics of self defense and first aid.” [text-fidelity]`,
    ]);
  });

  it('says that front matter is never closed, where its `---` belongs, in an article and a glossary entry', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/\n---\n/, '\n\n'));
    expect(firstLines(problemsOf(site.compile))).toEqual([`${BOMBERS}:1:1: the front matter opened by \`---\` on line 1 is never closed [frontmatter-unclosed]`]);
    site.edit(BOMBERS, () => readFileSync(join(ROOT, BOMBERS), 'utf8'));
    site.edit('content/glossary/nato.md', (text) => text.replace(/\n---\n/, '\n\n'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual(['content/glossary/nato.md:1:1: the front matter opened by `---` on line 1 is never closed [frontmatter-unclosed]']);
    // The line before the `---` that was taken away: the entry's last field.
    const last = readFileSync(join(ROOT, 'content/glossary/nato.md'), 'utf8').split('\n').indexOf('---', 1);
    expect(problems[0]).toContain(`Fix: add a line \`---\` after line ${last}, the front matter's last field`);
  });

  it('refuses a glossary source dated in the future or after the day it was verified, and a key date to come, on their lines', () => {
    const site = copy();
    const today = new Date().toISOString().slice(0, 10);
    const NATO = 'content/glossary/nato.md';
    site.edit(NATO, (text) =>
      text
        .replace('    date: 2015-04-04\n    verified: 2026-12-03', '    date: 2099-04-04\n    verified: 2026-12-03')
        .replace('    date: 2024-07-10\n    verified: 2026-12-03', '    date: 2026-12-05\n    verified: 2026-12-03')
        .replace('  - { date: 2024-03-07, event: Sweden joins as the 32nd member }', '  - { date: 2099, event: Sweden joins as the 32nd member }'),
    );
    const lineIn = (needle: string) => readFileSync(join(site.root, NATO), 'utf8').split('\n').indexOf(needle) + 1;
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([
      `${NATO}:${lineIn('  - { date: 2099, event: Sweden joins as the 32nd member }')}:13: \`dates.5.date\`: 2099 is later than today (${today}); write YYYY-MM-DD, YYYY-MM or YYYY [frontmatter-invalid]`,
      `${NATO}:${lineIn('    date: 2099-04-04')}:11: \`sources.0.date\`: 2099-04-04 is later than today (${today}); write the day the page was published as YYYY-MM-DD, YYYY-MM or YYYY [frontmatter-invalid]`,
      `${NATO}:${lineIn('    date: 2026-12-05')}:11: \`sources.2.date\`: \`date\` (2026-12-05) is later than \`verified\` (2026-12-03): a page is published before it is read; correct \`date\` (the day the page was published) or \`verified\` (the day you last opened it) [frontmatter-invalid]`,
    ]);
  });

  it('names a misspelt field of a glossary source and the one it means, as for a note’s <Source>', () => {
    const site = copy();
    site.edit('content/glossary/nato.md', (text) => text.replace('    date: 2015-04-04\n    verified: 2026-12-03', '    date: 2015-04-04\n    verifed: 2026-12-03'));
    const line = readFileSync(join(site.root, 'content/glossary/nato.md'), 'utf8').split('\n').indexOf('    verifed: 2026-12-03') + 1;
    expect(problemsOf(site.compile)).toEqual([`content/glossary/nato.md:${line}:5: unknown field \`verifed\` in \`sources.0\` [frontmatter-field]\n    Fix: remove it or correct the name. Did you mean \`verified\`?`]);
  });

  it('says to save a glossary entry without a byte-order mark, not to re-import it', () => {
    const site = copy();
    site.edit('content/glossary/nato.md', (text) => `\uFEFF${text}`);
    expect(problemsOf(site.compile)).toEqual([
      'content/glossary/nato.md:1:1: a byte-order mark (U+FEFF) begins the file [byte-order-mark]\n' +
        '    Fix: save the file as UTF-8 without a byte-order mark (in the editor’s encoding menu, “UTF-8”, not “UTF-8 with BOM”), or delete the invisible first character of the file.',
    ]);
    // Nor is an invisible character inside an entry, which is written by hand, re-imported.
    site.edit('content/glossary/nato.md', (text) => text.slice(1).replace('term: NATO', 'term: NA\u200BTO'));
    expect(problemsOf(site.compile)).toEqual(['content/glossary/nato.md:2:9: zero-width space U+200B, which cannot be shown as text [unsafe-character]\n    Fix: delete it.']);
  });

  it('says that a glossary entry links another through related:, not with the articles’ <Term>', () => {
    const site = copy();
    site.edit('content/glossary/nato.md', (text) => text.replace(/\n---\n\n?([^\n]+)/, '\n---\n\n$1 See <Term id="s-400">S-400</Term>.'));
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([expect.stringMatching(/^content\/glossary\/nato\.md:\d+:\d+: a <Term> element, which a glossary entry does not read \(it is Markdown, not MDX\) \[raw-html\]$/)]);
    expect(problems[0]).toContain('Fix: write the words plainly, and add `s-400` to `related:` in the front matter to link that entry from this one.');
  });

  it('says to quote a number written where words go, as YAML reads it', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^title: .*$/m, 'title: 2022'));
    const problems = problemsOf(site.compile);
    expect(problems).toEqual([`${BOMBERS}:${lineOf(site, 'title: 2022')}:8: \`title\` is read as the number 2022, where text goes [frontmatter-invalid]\n    Fix: write it in quotes, as text: \`title: "2022"\`.`]);
  });

  it('says that an address of another scheme (ftp:) is not a web page’s, rather than that it has no site', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^( {2}url: )https:/m, '$1ftp:'));
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([expect.stringMatching(/`copy\.url`: the address is not a web page's \(it must start with https:\/\/ or http:\/\/\)/)]);
  });

  it('names a front-matter field written twice, with the line of its first writing', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^form: /m, 'form: A second form\nform: '));
    const first = lineOf(site, 'form: A second form');
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${BOMBERS}:${first + 1}:1: \`form\` is written twice (first at line ${first}), and a field has one value [frontmatter-yaml]`]);
    expect(problems[0]).toContain('Fix: keep the `form:` you mean and delete the other');
  });

  it('names a field written twice in one entry of a claims file with the line of its first writing in that entry, not an entry above', () => {
    const site = copy();
    const file = 'content/claims/russian-bombers-fly-over-belarus.yaml';
    site.edit(file, (text) => text.replace(/(- id: kharkiv-25-km-from-border\n(?: {2}.*\n)*? {2}kind: figure\n)/, '$1  kind: figure\n'));
    const lines = readFileSync(join(site.root, file), 'utf8').split('\n');
    const entry = lines.indexOf('- id: kharkiv-25-km-from-border');
    const first = lines.indexOf('  kind: figure', entry) + 1;
    const problems = problemsOf(site.compile);
    expect(firstLines(problems)).toEqual([`${file}:${first + 1}:3: \`kind\` is written twice (first at line ${first}), and a field has one value [frontmatter-yaml]`]);
  });

  it('places a YAML error in front matter on the file’s line, without the parser’s own count', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^title: (.*)$/m, 'title: "$1'));
    const [problem] = firstLines(problemsOf(site.compile));
    // On the title's line and at its quotation mark, where the parser gave up 50 lines further down.
    expect(problem).toBe(`${BOMBERS}:${lineOf(site, 'title: "')}:8: the front matter is not valid YAML (the value opened with \`"\` here is never closed) [frontmatter-yaml]`);
    expect(problem).not.toMatch(/at line \d+, column \d+/);
    // Another error is placed where the parser found it.
    site.edit(BOMBERS, (text) => text.replace(/^title: "(.*)$/m, 'title: $1').replace(/^form: (.*)$/m, 'form: [$1'));
    expect(firstLines(problemsOf(site.compile))[0]).toMatch(new RegExp(`^${BOMBERS}:\\d+:\\d+: the front matter is not valid YAML \\((?!the value opened)[^)]*\\)`));
  });

  it('refuses a published note whose words changed with nothing said of it, and takes a correction or a ledger update', () => {
    const site = copy();
    const edit = (text: string) => text.replace('On 26 January 2022 the United States and NATO', 'On 25 January 2022 the United States and NATO');
    site.edit(BOMBERS, edit);
    expect(problemsOf(site.compile)).toEqual([
      `${BOMBERS}:${lineOf(site, '<Note id="russia-draft-treaties-dec-2021"')}:1: note \`russia-draft-treaties-dec-2021\` was published in other words (its fingerprint in content/anchors.yaml is not that of its text and its sources' titles now), and it says nothing of the change [note-changed-unrecorded]\n` +
        '    Fix: if the change corrects what the note said, add `updated="YYYY-MM-DD" change="<what changed, in a sentence for readers>"` to its <Note> and run `npm run correction -- note:russia-draft-treaties-dec-2021 --append`; if it only mends a typo or a link, record the new wording with `npm run ledger`.',
    ]);
    // A typo mended: `npm run ledger` records the new wording (its compile lets the change through), and the check passes.
    const ledgerPath = join(site.root, LEDGER_FILE);
    const recorded = readFileSync(ledgerPath, 'utf8');
    const edition = compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true });
    writeFileSync(ledgerPath, serializeLedger(recordPublished(parseLedger(recorded), edition.published)));
    expect(() => site.compile()).not.toThrow();
    writeFileSync(ledgerPath, recorded);
    // Said as a correction, it is one: what is asked for then is its earlier wording, once.
    site.edit(BOMBERS, (text) => text.replace('<Note id="russia-draft-treaties-dec-2021" kind="context" added="2026-11-22"', '<Note id="russia-draft-treaties-dec-2021" kind="context" added="2026-11-22" updated="2026-12-06" change="The note gave the wrong day for the replies."'));
    expect(problemsOf(site.compile).map((problem) => /\[([a-z-]+)\]/.exec(problem)?.[1])).toEqual(['correction-without-earlier-wording']);
    // A note corrected before, its correction recorded and its new words in the ledger, reworded again with nothing said.
    const again = copy();
    again.edit(BOMBERS, (text) => text.replace('By 20 February 2022 Western governments put the forces around Ukraine at more than 150,000.', 'By 20 February 2022 Western governments put the forces around Ukraine at more than 190,000.'));
    expect(firstLines(problemsOf(again.compile))).toEqual([
      `${BOMBERS}:${lineOf(again, '<Note id="troop-estimate"')}:1: note \`troop-estimate\` was published in other words (its fingerprint in content/anchors.yaml is not that of its text and its sources' titles now), and its \`updated\` (2026-12-07) is that of an earlier correction [note-changed-unrecorded]`,
    ]);
  });

  it('refuses a published note whose source was dropped with nothing said of it, and takes it as a correction', () => {
    const site = copy();
    const note = site.compile().rendered.get('russian-bombers-fly-over-belarus')!.notes.find((candidate) => candidate.id === 'russia-draft-treaties-dec-2021')!;
    const before = noteWording(note.bodyText, note.sources.map((source) => source.title));
    const drop = (text: string) => text.replace(/<Source title="US, NATO respond to Russia's security demands[^\n]*\n/, '');
    site.edit(BOMBERS, drop);
    expect(firstLines(problemsOf(site.compile))).toEqual([
      `${BOMBERS}:${lineOf(site, '<Note id="russia-draft-treaties-dec-2021"')}:1: note \`russia-draft-treaties-dec-2021\` was published in other words (its fingerprint in content/anchors.yaml is not that of its text and its sources' titles now), and it says nothing of the change [note-changed-unrecorded]`,
    ]);
    // Said as a correction with its earlier wording (the dropped source's title in it): taken.
    site.edit(BOMBERS, (text) => text.replace('<Note id="russia-draft-treaties-dec-2021" kind="context" added="2026-11-22"', '<Note id="russia-draft-treaties-dec-2021" kind="context" added="2026-11-22" updated="2026-12-06" change="A source that did not support the note was dropped."'));
    site.edit('content/corrections.yaml', (text) => `${text.trimEnd()}\n- item: note:russia-draft-treaties-dec-2021\n  date: 2026-12-06\n  before: |\n${before.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n`);
    expect(() => site.compile()).not.toThrow();
  });

  it('refuses a `change` without the day of the correction', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/<Note id="troop-estimate"[^>]*>/, '<Note id="troop-estimate" kind="discrepancy" added="2026-11-22" change="Fixed a typo.">'));
    expect(firstLines(problemsOf(site.compile))).toEqual([`${BOMBERS}:${lineOf(site, '<Note id="troop-estimate"')}:1: note \`troop-estimate\` says what changed (\`change\`) but not when [note-change]`]);
  });
});

describe('the files of content/articles/', () => {
  it('refuses an article saved as .md, which would never be read, with the rename', () => {
    const site = copy();
    renameSync(join(site.root, BOMBERS), join(site.root, 'content/articles/russian-bombers-fly-over-belarus.md'));
    expect(problemsOf(site.compile)).toEqual([
      'content/articles/russian-bombers-fly-over-belarus.md: the file is not read: an article is a file ending in .mdx [article-file-name]\n' +
        '    Fix: rename it: mv "content/articles/russian-bombers-fly-over-belarus.md" "content/articles/russian-bombers-fly-over-belarus.mdx"',
    ]);
    // Beside the text of that name, the rename would overwrite it.
    cpSync(join(ROOT, BOMBERS), join(site.root, BOMBERS));
    expect(problemsOf(site.compile)[0]).toContain(
      'Fix: content/articles/russian-bombers-fly-over-belarus.mdx exists already: delete content/articles/russian-bombers-fly-over-belarus.md if it is a copy of that text, or rename it to a slug of its own: mv "content/articles/russian-bombers-fly-over-belarus.md" "content/articles/<slug>.mdx"',
    );
  });

  it('refuses a file name that is not a slug, with the slug to rename it to', () => {
    const site = copy();
    renameSync(join(site.root, BOMBERS), join(site.root, 'content/articles/Baltic Test.mdx'));
    expect(problemsOf(site.compile)).toEqual([
      'content/articles/Baltic Test.mdx: the name `Baltic Test` is not a slug, which the text’s address (/articles/<slug>/) is made of: lowercase letters, digits and hyphens, at most 80 characters [article-file-name]\n' +
        '    Fix: rename it: mv "content/articles/Baltic Test.mdx" "content/articles/baltic-test.mdx"',
    ]);
  });

  it('refuses a file that is not an article, rather than pass over it', () => {
    const site = copy();
    writeFileSync(join(site.root, 'content/articles/notes.txt'), 'Some notes.\n');
    expect(problemsOf(site.compile)).toEqual([
      'content/articles/notes.txt: the file is not read: content/articles/ holds articles only, each a file ending in .mdx [article-file-name]\n' +
        '    Fix: move it out of content/articles/; a raw text is imported with `npm run import -- <file.txt>`, which keeps its copy in content/sources/.',
    ]);
  });
});

describe('the files of the glossary and the claims inventories, and what is not a file', () => {
  it('passes over an editor’s lock, swap and backup files, and names a folder or a dangling link where a file should be', () => {
    const site = copy();
    // Emacs leaves `.#name` as a link to nothing while the file is open; vim a `.swp`; many editors `name~`.
    symlinkSync('editor@host.1234:1', join(site.root, 'content/glossary/.#iskander.md'));
    writeFileSync(join(site.root, 'content/articles/.russian-bombers-fly-over-belarus.mdx.swp'), '\0');
    writeFileSync(join(site.root, 'content/claims/lavrov-speaks-out-against-nato-at-un.yaml~'), 'old: [');
    expect(() => site.compile()).not.toThrow();
    mkdirSync(join(site.root, 'content/articles/drafts.mdx'));
    symlinkSync('nowhere.md', join(site.root, 'content/glossary/gone.md'));
    expect(problemsOf(site.compile)).toEqual([
      'content/articles/drafts.mdx: `drafts.mdx` is a folder: content/articles/ holds articles, each a file ending in .mdx [content-file-kind]\n' +
        '    Fix: move it out of content/articles/ (mv "content/articles/drafts.mdx" <elsewhere>), or delete it if it is left over.',
      'content/glossary/gone.md: `gone.md` is a link to a file that does not exist: content/glossary/ holds glossary entries, each a file ending in .md [content-file-kind]\n' +
        '    Fix: move it out of content/glossary/ (mv "content/glossary/gone.md" <elsewhere>), or delete it if it is left over.',
    ]);
  });

  it('refuses a glossary entry or an inventory the compile would pass over, or whose name is no id, with the rename', () => {
    const site = copy();
    renameSync(join(site.root, 'content/glossary/iskander.md'), join(site.root, 'content/glossary/Iskander Missile.md'));
    renameSync(join(site.root, 'content/claims/lavrov-speaks-out-against-nato-at-un.yaml'), join(site.root, 'content/claims/lavrov-speaks-out-against-nato-at-un.yml'));
    expect(problemsOf(site.compile)).toEqual([
      'content/glossary/Iskander Missile.md: the name `Iskander Missile` is not a slug, which the term’s id and address (/glossary/<id>/) are made of: lowercase letters, digits and hyphens, at most 80 characters [glossary-file-name]\n' +
        '    Fix: rename it: mv "content/glossary/Iskander Missile.md" "content/glossary/iskander-missile.md"',
      'content/claims/lavrov-speaks-out-against-nato-at-un.yml: the file is not read: a claims inventory is a file ending in .yaml [claims-file-name]\n' +
        '    Fix: rename it: mv "content/claims/lavrov-speaks-out-against-nato-at-un.yml" "content/claims/lavrov-speaks-out-against-nato-at-un.yaml"',
    ]);
  });

  it('tells a glossary entry written as YAML alone to be a Markdown file, its fields its front matter', () => {
    const site = copy();
    writeFileSync(join(site.root, 'content/glossary/new-term.yaml'), 'term: New term\nshort: A term.\n');
    expect(problemsOf(site.compile)).toEqual([
      'content/glossary/new-term.yaml: the file is not read: content/glossary/ holds glossary entries only, each a file ending in .md [glossary-file-name]\n' +
        '    Fix: if it is an entry, name it content/glossary/new-term.md (mv "content/glossary/new-term.yaml" "content/glossary/new-term.md"), its fields between two `---` lines at its top and its text below them; else move it out of content/glossary/.',
    ]);
  });

  it('refuses a file that is not UTF-8, at its first such character, rather than publish “�” for it', () => {
    const site = copy();
    // Saved by a word processor in windows-1252: the curly quotes are single bytes (‘ is 91).
    const text = readFileSync(join(site.root, 'content/glossary/cis.md'), 'utf8');
    const line = text.split('\n').findIndex((words) => words.includes('‘')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('‘') + 1;
    writeFileSync(join(site.root, 'content/glossary/cis.md'), Buffer.from([...text].map((char) => ({ '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 })[char] ?? char.charCodeAt(0))));
    expect(problemsOf(site.compile)).toEqual([
      `content/glossary/cis.md:${line}:${column}: the file is not valid UTF-8 (byte 91 here): read as it is, its curly quotes, dashes and accents would be published as “�” [file-encoding]\n` +
        '    Fix: convert it from the encoding it was saved in, most often windows-1252: iconv -f windows-1252 -t utf-8 "content/glossary/cis.md" > converted && mv converted "content/glossary/cis.md"; then check the line here reads right',
    ]);
    // A Windows editor's UTF-16, in a file the compile reads beside the texts.
    cpSync(join(ROOT, 'content/glossary/cis.md'), join(site.root, 'content/glossary/cis.md'));
    writeFileSync(join(site.root, 'content/timeline/events.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(ROOT, 'content/timeline/events.yaml'), 'utf8'), 'utf16le')]));
    expect(timelineProblems(site.compile()).map((problem) => formatProblem(problem))).toEqual([
      'content/timeline/events.yaml:1:1: the file is UTF-16 (it begins with the byte-order mark FF FE), not UTF-8 [file-encoding]\n' +
        '    Fix: convert it: iconv -f utf-16 -t utf-8 "content/timeline/events.yaml" > converted && mv converted "content/timeline/events.yaml"',
    ]);
  });
});

describe('a data file gone', () => {
  it('says once that the corrections file or the timeline’s events file is missing, not once for every item that needs it', () => {
    const site = copy();
    rmSync(join(site.root, 'content/corrections.yaml'));
    const problems = problemsOf(site.compile);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/corrections\.yaml: the file is missing, and \d+ items say they were corrected \(`[^`]+`, `[^`]+`, `[^`]+`, …\): it keeps the wording each correction replaced \[corrections-file-missing\]\n {4}Fix: if it was deleted or moved, restore it \(`git restore content\/corrections\.yaml`/);
    const timeline = copy();
    rmSync(join(timeline.root, 'content/timeline/events.yaml'));
    const gone = timelineProblems(timeline.compile()).map((problem) => formatProblem(problem));
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatch(/^content\/timeline\/events\.yaml: the file is missing, and \d+ events the timeline has published \(content\/timeline\/published\.yaml\) are written there .*\[timeline-file-missing\]\n {4}Fix: restore it/);
  });

  it('says that a claims inventory emptied is empty, with how to get it back, not what its schema expected', () => {
    const site = copy();
    const file = 'content/claims/russian-bombers-fly-over-belarus.yaml';
    site.edit(file, () => '');
    expect(problemsOf(site.compile)).toEqual([
      `${file}:1:1: the file is empty: it has no entries [data-file-empty]\n` +
        `    Fix: if it was emptied by mistake, \`git diff -- ${file}\` shows what it held and \`git restore -- ${file}\` puts it back; a file with no entries yet holds \`[]\`.`,
    ]);
  });
});

describe('what an article records as removed', () => {
  const lineIn = (site: ReturnType<typeof copy>, file: string, needle: string) => readFileSync(join(site.root, file), 'utf8').split('\n').findIndex((line) => line.trimEnd() === needle) + 1;
  it('refuses a removal by a rule that does not exist, and text a rule does not match: text taken out by hand, listed to readers as furniture', () => {
    const site = copy();
    site.edit(LAVROV, (text) => text.replace('  - rule: forum-rank-label\n', '  - rule: forum-rank-labels\n'));
    expect(problemsOf(site.compile)).toEqual([
      `${LAVROV}:${lineIn(site, LAVROV, '  - rule: forum-rank-labels')}:5: \`removed\` lists text as taken out by rule \`forum-rank-labels\`, which is in neither content/import-rules/shared.yaml nor content/import-rules/001_f1605a3669e0ae0f.yaml: the page would list it to readers as furniture a rule removed [removal-rule-unknown]\n` +
        '    Fix: if the text belongs to the article, put it back and delete this entry; if it is furniture, add the rule to content/import-rules/001_f1605a3669e0ae0f.yaml and re-import (npm run import -- content/sources/001_f1605a3669e0ae0f.txt --force). Did you mean `forum-rank-label`?',
    ]);
    // A paragraph of the text deleted, and its words recorded under a rule that exists: the copy still
    // adds up, so only the rule can tell that it never removes such a line.
    const site2 = copy();
    const paragraph = 'The video is also available on BitChute and Dailymotion.';
    site2.edit(LAVROV, (text) => text.replace(`${paragraph} ^video-also-available-bitchute-dailymotion\n\n`, '').replace('    occurrences:\n      - lines: "4"\n        text: The Living Force\n', `    occurrences:\n      - lines: "4"\n        text: The Living Force\n      - lines: "385"\n        text: ${paragraph}\n`));
    expect(problemsOf(site2.compile)).toContainEqual(
      expect.stringMatching(new RegExp(`^${LAVROV}:${lineIn(site2, LAVROV, '  - rule: forum-rank-label')}:5: \`removed\` lists “The video is also available on BitChute and Dailymotion\\.” as taken out by rule \`forum-rank-label\` \\(content/import-rules/\\S+:\\d+\\), which does not match that line \\[removal-rule-mismatch\\]\n`)),
    );
  });
});

describe('the anchor ledger’s messages', () => {
  it('works out the anchors it publishes only when asked (npm run ledger), and they are the ones the ledger records', () => {
    const site = copy();
    const edition = site.compile();
    // Not held while the pages are made: the build never asks for it.
    expect(Object.getOwnPropertyDescriptor(edition, 'published')?.get).toBeTypeOf('function');
    const published = edition.published;
    expect(Object.keys(published.articles).sort()).toEqual(edition.articles.filter((facts) => !facts.draft).map((facts) => facts.slug).sort());
    expect(Object.keys(published.articles[COMPILATION]!)).toContain(`note-${edition.rendered.get(COMPILATION)!.notes[0]!.id}`);
    const check = checkLedger(parseLedger(readFileSync(join(site.root, LEDGER_FILE), 'utf8')), published);
    // Every anchor is recorded and none is gone (a note's words may have changed since: a correction).
    expect({ unrecorded: check.unrecorded, missing: check.missing }).toEqual({ unrecorded: [], missing: [] });
  });

  it('gives the alias line to add under the article’s own aliases when it has some, not a second key that breaks the YAML', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('^war-fears-mounted-ukrainian-authorities', '^civil-defense-drills-ukraine'));
    const problem = problemsOf(site.compile).find((p) => p.includes('[anchor-gone]'));
    const lines = readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n');
    const aliasesLine = lines.indexOf('  russian-bombers-fly-over-belarus:', lines.indexOf('aliases:')) + 1;
    expect(problem!.slice(problem!.indexOf('Fix:'))).toBe(
      `Fix: keep old links alive: add this line under \`  russian-bombers-fly-over-belarus:\` in \`aliases:\` (content/anchors.yaml:${aliasesLine}, where the article has aliases already):\n    war-fears-mounted-ukrainian-authorities: civil-defense-drills-ukraine`,
    );
  });

  it('places a renamed note on its line, and tells an older alias that led to it to follow, not to be added again', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replaceAll('bomber-patrols-over-belarus', 'bomber-patrols'));
    site.edit('content/claims/russian-bombers-fly-over-belarus.yaml', (text) => text.replaceAll('bomber-patrols-over-belarus', 'bomber-patrols'));
    const problems = problemsOf(site.compile).filter((p) => p.includes('[anchor-gone]'));
    const ledger = readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n');
    const aliasLine = ledger.findIndex((line) => line.trim() === 'note-tu22m3-patrol: note-bomber-patrols-over-belarus') + 1;
    const noteLine = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').findIndex((line) => line.startsWith('<Note id="bomber-patrols"')) + 1;
    expect(problems.map((p) => p.split('\n')[0])).toEqual([
      `content/anchors.yaml:${aliasLine}:5: note \`tu22m3-patrol\` of \`russian-bombers-fly-over-belarus\` was published, but its alias leads to \`note-bomber-patrols-over-belarus\`, which is not on the page either [anchor-gone]`,
      `${BOMBERS}:${noteLine}:1: note \`bomber-patrols-over-belarus\` was published, but it is no longer on the page and has no alias; its text is now \`#note-bomber-patrols\`, with the same fingerprint [anchor-gone]`,
    ]);
    expect(problems[0]).toContain("Fix: keep `note-bomber-patrols-over-belarus`'s links alive (its own error says how): this id follows its alias there.");
  });

  it('tells an editor who deleted a published note to restore the <Note>, and where the ledger records it', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/\n<Note id="troop-estimate"[\s\S]*?<\/Note>\n/, '\n').replace(/<Passage note="troop-estimate">([\s\S]*?)<\/Passage>/, '$1'));
    const problem = problemsOf(site.compile).find((p) => p.includes('note `troop-estimate` was published'));
    const ledgerAt = readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n').findIndex((line) => line.trim().startsWith('note-troop-estimate:')) + 1;
    expect(problem?.split('\n')[0]).toBe(`${BOMBERS}: note \`troop-estimate\` was published (content/anchors.yaml:${ledgerAt}), but it is no longer on the page and has no alias [anchor-gone]`);
    expect(problem).toContain(`Fix: restore the note (\`<Note id="troop-estimate" …>\`, after the paragraph it followed: \`git diff ${BOMBERS}\` shows it), or add this line`);
    expect(problem).not.toContain('^troop-estimate');
  });

  it('reports, with its own problems, a timeline event that names a note it no longer has: in one list, not in a second round', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/\n<Note id="kharkiv-distance-from-border"[\s\S]*?<\/Note>\n/, '\n').replace(/<Passage note="kharkiv-distance-from-border">([\s\S]*?)<\/Passage>/, '$1'));
    const rules = (problems: string[]) => problems.map((problem) => /\[([a-z-]+)\]$/m.exec(problem.split('\n')[0]!)?.[1]);
    expect(rules(problemsOf(site.compile))).not.toContain('timeline-unknown-note');
    const together = problemsOf(() => compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), alsoCheck: timelineProblems }));
    expect(rules(together)).toEqual(expect.arrayContaining(['anchor-gone', 'timeline-unknown-note']));
    const found = together.find((problem) => problem.includes('[timeline-unknown-note]'));
    expect(found).toMatch(/^content\/timeline\/events\.yaml:\d+:\d+: event `kharkiv-unity-march` names the note `kharkiv-distance-from-border`, which no text has\./);
    // Placed on the id itself, not on the event's first line.
    const [, line, column] = /^[^:]+:(\d+):(\d+):/.exec(found!)!;
    const events = readFileSync(join(site.root, 'content/timeline/events.yaml'), 'utf8').split('\n');
    expect(events[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^kharkiv-distance-from-border\b/);
  });

  it('follows a renamed note’s alias from a timeline event that names it by its old id, as it follows a passage’s', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replaceAll('kharkiv-distance-from-border', 'kharkiv-march-distance'));
    site.edit('content/anchors.yaml', (text) => text.replace('aliases:\n  russian-bombers-fly-over-belarus:\n', 'aliases:\n  russian-bombers-fly-over-belarus:\n    note-kharkiv-distance-from-border: note-kharkiv-march-distance\n'));
    const rules = (problems: string[]) => problems.map((problem) => /\[([a-z-]+)\]$/m.exec(problem.split('\n')[0]!)?.[1]);
    const problems = problemsOf(() => compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), alsoCheck: timelineProblems }));
    expect(rules(problems)).not.toContain('timeline-unknown-note');
  });

  it('names a renamed paragraph’s new id in the claims inventory that still uses the old one', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace('^war-fears-mounted-ukrainian-authorities', '^civil-defense-drills-ukraine'));
    const problem = problemsOf(site.compile).find((p) => p.includes('[claim-unknown-passage]'));
    expect(problem).toContain('names the paragraph `war-fears-mounted-ukrainian-authorities`, which content/articles/russian-bombers-fly-over-belarus.mdx now calls `civil-defense-drills-ukraine` (the same words)');
    expect(problem).toContain('Fix: record the alias the anchor ledger asks for (russian-bombers-fly-over-belarus: war-fears-mounted-ukrainian-authorities: civil-defense-drills-ukraine), which this inventory follows, or write passage: civil-defense-drills-ukraine here.');
  });

  it('names a renamed note’s new id in the claims inventory that still uses the old one', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replaceAll('lukashenko-russian-support-sanctions', 'lukashenko-kremlin-support'));
    const problem = problemsOf(site.compile).find((p) => p.includes('[claim-unknown-note]'));
    expect(problem).toContain('is treated by note `lukashenko-russian-support-sanctions`, which content/articles/russian-bombers-fly-over-belarus.mdx now calls `lukashenko-kremlin-support`');
    expect(problem).toContain('Fix: write note: lukashenko-kremlin-support here.');
  });

  it('says a furniture rule removed a published paragraph, places it on the rule in the front matter, and gives the alias to the paragraph before it', () => {
    const site = copy();
    const BILD = /^(On Saturday, the German newspaper Bild .*) \^saturday-german-newspaper-bild-published\n/mu;
    // What a re-import does after a rule that matches the paragraph: the text gone, the removal recorded.
    site.edit(BOMBERS, (text) => {
      const words = BILD.exec(text)![1]!;
      return text.replace(BILD, '').replace('removed: []\n', `removed:\n  - rule: bild-teaser\n    reason: The site’s teaser for another article.\n    occurrences:\n      - lines: "99"\n        text: ${JSON.stringify(words)}\n`);
    });
    const problems = problemsOf(site.compile);
    const problem = problems.find((p) => p.includes('[anchor-gone]')) ?? problems.join('\n');
    const ruleLine = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').indexOf('  - rule: bild-teaser') + 1;
    expect(problem).toBe(
      `${BOMBERS}:${ruleLine}:5: paragraph \`#saturday-german-newspaper-bild-published\` was published, but it is no longer on the page and has no alias; rule \`bild-teaser\` removes its text (source line 99) [anchor-gone]\n` +
        '    Fix: keep old links alive with an alias to the paragraph that stood before it: add this line under `  russian-bombers-fly-over-belarus:` in `aliases:`' +
        ` (content/anchors.yaml:${readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n').lastIndexOf('  russian-bombers-fly-over-belarus:') + 1}, where the article has aliases already):\n` +
        '    saturday-german-newspaper-bild-published: west-called-russia-pull-back',
    );
  });

  it('asks for one key per article when several of its anchors need an alias, so that pasting every fix keeps the YAML valid', () => {
    const site = copy();
    site.edit('content/articles/russia-new-steps-western-border.mdx', (text) => text.replace('^listened-president-belarus', '^president-of-belarus').replace('^belarus-seems-small-country-when', '^small-country'));
    const fixes = problemsOf(site.compile).filter((p) => p.includes('[anchor-gone]')).map((p) => p.slice(p.indexOf('Fix:')));
    expect(fixes).toEqual([
      'Fix: keep old links alive: add under `aliases:` in content/anchors.yaml, with one `  russia-new-steps-western-border:` line above the 2 aliases of this article:\n  russia-new-steps-western-border:\n    listened-president-belarus: president-of-belarus',
      'Fix: keep old links alive: add under `aliases:` in content/anchors.yaml, with one `  russia-new-steps-western-border:` line above the 2 aliases of this article:\n  russia-new-steps-western-border:\n    belarus-seems-small-country-when: small-country',
    ]);
  });

  it('refuses a published glossary entry reworded with nothing said of it, and takes it once corrected or recorded', () => {
    const site = copy();
    const reword = (text: string) => text.replace('it sent troops to Kazakhstan.', 'it sent troops to Kazakhstan at its president\'s request.');
    site.edit('content/glossary/csto.md', reword);
    const problems = problemsOf(site.compile);
    expect(problems).toHaveLength(1);
    // (The entry was corrected before: its `updated` is that correction's.)
    expect(problems[0]!.split('\n')[0]).toMatch(/^content\/glossary\/csto\.md:\d+:1: glossary entry `csto` was published in other words \(its fingerprint in content\/anchors\.yaml is not that of what it says now\), and its `updated` \(\d{4}-\d\d-\d\d\) is that of an earlier correction \[term-changed-unrecorded\]$/);
    expect(problems[0]).toMatch(/Fix: if you changed it again on (\d{4}-\d\d-\d\d), the day of that correction, make its `change` say what both edits changed and record the new wording with `npm run ledger`; if this corrects it on another day, set `updated` to that day, say in `change` what changed and run `npm run correction -- term:csto --append`; if it only mends a typo or a link, record the new wording with `npm run ledger`\.$/);
    // A correction of the day, with its earlier wording recorded: taken.
    const corrected = copy();
    const before = termWordingOf(corrected.compile().terms.find((term) => term.id === 'csto')!);
    corrected.edit('content/glossary/csto.md', (text) => reword(text).replace(/^updated: .*\nchange: .*\n/m, '').replace(/^term: .*\n/m, (line) => `${line}updated: 2026-12-07\nchange: The entry now says at whose request the troops were sent.\n`));
    corrected.edit('content/corrections.yaml', (text) => `${text.trimEnd()}\n- item: term:csto\n  date: 2026-12-07\n  before: |\n${before.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n`);
    const after = problemsIfAny(corrected.compile);
    // Taken: what is left is the earlier correction's sentence, which `npm run correction` moves into its record.
    expect(after.map((problem) => problem.split('\n')[0])).toEqual([expect.stringMatching(/the record of `term:csto` is dated \d{4}-\d\d-\d\d, but the item's `updated` is 2026-12-07 .* \[correction-date\]$/)]);
  });

  it('refuses a published provenance reworded with nothing said of it, and takes it once recorded in the ledger', () => {
    const site = copy();
    site.edit(BOMBERS, (text) => text.replace(/^summary: >-\n {2}/m, (start) => `${start}An agency report. `));
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([
      // On the first of the fields it covers.
      `${BOMBERS}:${readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').findIndex((line) => /^(summary|copy|defects):/.test(line)) + 1}:1: the provenance of \`russian-bombers-fly-over-belarus\` (its summary, where the copy came from, or a defect) was published in other words (its fingerprint in content/anchors.yaml is not that of what it says now), and the article says nothing of the change [provenance-changed-unrecorded]`,
    ]);
    expect(problems[0]).toContain('run `npm run correction -- provenance:russian-bombers-fly-over-belarus --append`');
    // A typo mended is recorded as the provenance's new wording.
    const ledgerFile = join(site.root, LEDGER_FILE);
    writeFileSync(ledgerFile, serializeLedger(recordPublished(parseLedger(readFileSync(ledgerFile, 'utf8')), compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true }).published)));
    expect(() => site.compile()).not.toThrow();
  });

  it('refuses a published paragraph in other words (its raw copy edited and imported again), and takes it with a correction of the provenance', () => {
    const site = copy();
    const raw = 'content/sources/004_46ac758a32718590.txt';
    const reword = (text: string) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian');
    site.edit(raw, reword);
    site.edit(BOMBERS, reword);
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([
      `${BOMBERS}:${readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').findIndex((line) => line.startsWith('As war fears grew')) + 1}:1: paragraph \`#war-fears-mounted-ukrainian-authorities\` of a published text was published in other words (its fingerprint in content/anchors.yaml): a reader who quoted it, or a link made to it, would find other words, and nothing would say so [text-changed]`,
    ]);
    expect(problems[0]).toContain(`\`git restore -- ${raw} ${BOMBERS}\` undoes it`);
    // Nor does recording the ledger take it in.
    expect(() => compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true })).toThrow(/\[text-changed\]/);
    // A better copy, said as a correction of the provenance: taken.
    site.edit(BOMBERS, (text) => text.replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-07\nchange: A better copy replaced the one received.').replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'));
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([expect.stringMatching(/\[correction-without-earlier-wording\]$/)]);
    // Its record keeps the provenance's earlier words but not the paragraph's: /corrections/ would not show what changed in the text.
    const earlier = wordingInSource('provenance:russian-bombers-fly-over-belarus', readFileSync(join(ROOT, BOMBERS), 'utf8'))!.wording;
    const provenance = (words: string) => `- item: provenance:russian-bombers-fly-over-belarus\n  date: 2026-12-07\n  before: |\n${earlier.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n${words}`;
    const records = readFileSync(join(site.root, 'content/corrections.yaml'), 'utf8');
    site.edit('content/corrections.yaml', (text) => `${text}${provenance('')}`);
    const paragraphLine = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').findIndex((line) => line.startsWith('As war fears grew')) + 1;
    const recordLine = records.split('\n').length;
    const unkept = problemsOf(site.compile);
    expect(unkept.map((problem) => problem.split('\n')[0])).toEqual([
      `${BOMBERS}:${paragraphLine}:1: paragraph \`#war-fears-mounted-ukrainian-authorities\` of a published text is in other words, and the correction of its provenance on 2026-12-07 does not keep the words it was published with (content/corrections.yaml:${recordLine}): /corrections/ would not show what changed [text-changed]`,
    ]);
    expect(unkept[0]).toContain('run `npm run correction -- provenance:russian-bombers-fly-over-belarus --append`');
    // `paragraphs:` with nothing under it yet: the same, not a schema's "expected record, received null".
    site.edit('content/corrections.yaml', () => `${records}${provenance('  paragraphs:\n')}`);
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([unkept[0]!.split('\n')[0]]);
    // Other words kept than were published: refused too.
    const published = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n')[paragraphLine - 1]!.replace(' ^war-fears-mounted-ukrainian-authorities', '').replace('As war fears grew', 'As war fears mounted');
    site.edit('content/corrections.yaml', () => `${records}${provenance(`  paragraphs:\n    war-fears-mounted-ukrainian-authorities: |\n      ${published.replace('Ukrainian', 'Ukrainan')}\n`)}`);
    // Placed on the kept entry's own line.
    const entryLine = (id: string) => readFileSync(join(site.root, 'content/corrections.yaml'), 'utf8').split('\n').lastIndexOf(`    ${id}: |`) + 1;
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([expect.stringContaining(`keeps other words for it than it was published with (content/corrections.yaml:${entryLine('war-fears-mounted-ukrainian-authorities')})`)]);
    // The words it was published with: taken, and the correction's page shows them beside the words now.
    site.edit('content/corrections.yaml', () => `${records}${provenance(`  paragraphs:\n    war-fears-mounted-ukrainian-authorities: |\n      ${published}\n`)}`);
    const correction = site.compile().corrections.find((entry) => entry.item === 'provenance:russian-bombers-fly-over-belarus');
    expect(correction?.paragraphs).toEqual([{ id: 'war-fears-mounted-ukrainian-authorities', href: 'articles/russian-bombers-fly-over-belarus/#war-fears-mounted-ukrainian-authorities', before: published, after: published.replace('As war fears mounted', 'As war fears grew') }]);
    // Kept words of a paragraph the text does not have, or of a note's correction: named on the record.
    site.edit('content/corrections.yaml', () => `${records}${provenance(`  paragraphs:\n    war-fears-mounted-ukrainian-authorities: |\n      ${published}\n    war-fears-mounted-ukrainian-authoritie: |\n      Other words.\n`)}`);
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([
      `content/corrections.yaml:${entryLine('war-fears-mounted-ukrainian-authoritie')}:1: the record of \`provenance:russian-bombers-fly-over-belarus\` keeps the earlier words of paragraph \`#war-fears-mounted-ukrainian-authoritie\`, which the text (${BOMBERS}) does not have [correction-paragraphs]`,
    ]);
    expect(problemsOf(site.compile)[0]).toContain('Did you mean `war-fears-mounted-ukrainian-authorities`?');
  });

  it('takes a paragraph changed again on the day of a text’s correction, once recorded in the ledger, as part of that correction, never without its published words', () => {
    const site = copy();
    const raw = 'content/sources/004_46ac758a32718590.txt';
    // The correction is today's: a second edit of its day is part of it, a later day's is not.
    const today = new Date().toISOString().slice(0, 10);
    const both = (change: (text: string) => string) => {
      site.edit(raw, change);
      site.edit(BOMBERS, change);
    };
    const first = 'war-fears-mounted-ukrainian-authorities';
    const source = readFileSync(join(site.root, BOMBERS), 'utf8');
    const wordsOf = (id: string) => readFileSync(join(site.root, BOMBERS), 'utf8').split('\n').find((line) => line.endsWith(` ^${id}`))!.replace(` ^${id}`, '');
    const published = wordsOf(first);
    const earlier = wordingInSource('provenance:russian-bombers-fly-over-belarus', source)!.wording;
    // The text corrected with a better copy, its record keeping the paragraph's published words, and the ledger recorded.
    both((text) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian'));
    site.edit(BOMBERS, (text) => text.replace(/^sections: \[\]$/m, `sections: []\nupdated: ${today}\nchange: A better copy replaced the one received.`).replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'));
    const records = readFileSync(join(site.root, 'content/corrections.yaml'), 'utf8');
    const recordLine = records.split('\n').length;
    const record = (paragraphs: [string, string][]) => `${records}- item: provenance:russian-bombers-fly-over-belarus\n  date: ${today}\n  before: |\n${earlier.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n  paragraphs:\n${paragraphs.map(([id, words]) => `    ${id}: |\n      ${words}\n`).join('')}`;
    site.edit('content/corrections.yaml', () => record([[first, published]]));
    const recordLedger = () => {
      const ledgerFile = join(site.root, LEDGER_FILE);
      writeFileSync(ledgerFile, serializeLedger(recordPublished(parseLedger(readFileSync(ledgerFile, 'utf8')), compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true }).published)));
    };
    recordLedger();
    expect(() => site.compile()).not.toThrow();
    // Another paragraph changed the same day: its published words are asked for.
    const second = 'ukrainian-president-volodymyr-zelenskyy-also';
    const secondWords = wordsOf(second);
    both((text) => text.replace(secondWords, secondWords.replace('de-esclated', 'de-escalated')));
    const unkept = problemsOf(site.compile);
    expect(unkept.map((problem) => problem.split('\n')[0])).toEqual([expect.stringContaining(`paragraph \`#${second}\` of a published text is in other words than the ledger records, and the correction of its provenance on ${today}, recorded already, does not keep the words it was published with (content/corrections.yaml:${recordLine}) [text-changed]`)]);
    expect(unkept[0]).toContain('run `npm run correction -- provenance:russian-bombers-fly-over-belarus --append`');
    site.edit('content/corrections.yaml', () => record([[first, published], [second, secondWords]]));
    expect(() => site.compile()).not.toThrow();
    // The first paragraph changed a second time that day: part of the day's correction, which the ledger takes in.
    both((text) => text.replace('As war fears grew, Ukrainian', 'As war fears rose, Ukrainian'));
    const again = problemsOf(site.compile);
    expect(again.map((problem) => problem.split('\n')[0])).toEqual([expect.stringContaining(`keeps its words from before that day (content/corrections.yaml:${recordLine}) [text-changed]`)]);
    expect(again[0]).toContain('record the new words with `npm run ledger`');
    recordLedger();
    // A day later (the same correction, dated before today): a change of its words is refused, by the check and the ledger.
    site.edit(BOMBERS, (text) => text.replace(`updated: ${today}`, 'updated: 2026-12-01'));
    site.edit('content/corrections.yaml', (text) => text.replace(`- item: provenance:russian-bombers-fly-over-belarus\n  date: ${today}`, '- item: provenance:russian-bombers-fly-over-belarus\n  date: 2026-12-01'));
    recordLedger();
    both((text) => text.replace('As war fears rose, Ukrainian', 'As war fears climbed, Ukrainian'));
    const later = problemsOf(site.compile);
    expect(later.map((problem) => problem.split('\n')[0])).toEqual([expect.stringContaining('keeps its words from before that day')]);
    expect(later[0]).toContain('that correction was made on 2026-12-01, and this change comes after it');
    expect(() => compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true })).toThrow(/\[text-changed\]/);
    both((text) => text.replace('As war fears climbed, Ukrainian', 'As war fears rose, Ukrainian'));
    // The correction shows each paragraph from the words it was published with to its words now.
    const shown = site.compile().corrections.find((entry) => entry.item === 'provenance:russian-bombers-fly-over-belarus')!.paragraphs!;
    expect(shown).toEqual([
      { id: first, href: `articles/russian-bombers-fly-over-belarus/#${first}`, before: published, after: published.replace('As war fears mounted', 'As war fears rose') },
      { id: second, href: `articles/russian-bombers-fly-over-belarus/#${second}`, before: secondWords, after: secondWords.replace('de-esclated', 'de-escalated') },
    ]);
  });

  it('takes a published paragraph split in two, the id kept by either part, or others merged into it, as its words cut otherwise', () => {
    const first = 'I am here to learn how to defend myself, defend my relatives and also understand how to act in the situation, Kyiv resident Ilya Goncharov said after taking part in drills on the outskirts of the Ukrainian capital.';
    const id = 'am-here-learn-how-defend';
    const claims = 'content/claims/russian-bombers-fly-over-belarus.yaml';
    // The id kept by the first part, the second given a new one.
    const kept = copy();
    kept.edit(BOMBERS, (text) => text.replace(`${first} I am happy`, `${first} ^${id}\n\nI am happy`).replace(`first aid. ^${id}`, 'first aid. ^am-happy-came-here-learn'));
    expect(() => kept.compile()).not.toThrow();
    // The id kept by the second part, where it stood; the claim that quotes the first part follows it there.
    const moved = copy();
    moved.edit(BOMBERS, (text) => text.replace(`${first} I am happy`, `${first} ^goncharov-learn-defend\n\nI am happy`));
    moved.edit(claims, (text) => text.replace(`passage: ${id}`, 'passage: goncharov-learn-defend'));
    expect(() => moved.compile()).not.toThrow();
    // Merged: published as its first sentence alone, the second another paragraph's, whose id the
    // ledger leads here.
    const second = 'I am happy that I came here to learn the basics of self defense and first aid.';
    const merged = copy();
    merged.edit(LEDGER_FILE, (text) =>
      text
        .replace(new RegExp(`^( {4}${id}: )"?[0-9a-f]{8}"?$`, 'm'), `$1"${fingerprint(first)}"\n    goncharov-happy-basics: "${fingerprint(second)}"`)
        .replace(/^aliases:\n {2}russian-bombers-fly-over-belarus:\n/m, (start) => `${start}    goncharov-happy-basics: ${id}\n`),
    );
    expect(() => merged.compile()).not.toThrow();
    // Without the alias that says another paragraph was merged in, its words are others: refused.
    const unsaid = copy();
    unsaid.edit(LEDGER_FILE, (text) => text.replace(new RegExp(`^( {4}${id}: )"?[0-9a-f]{8}"?$`, 'm'), `$1"${fingerprint(first)}"`));
    expect(problemsOf(unsaid.compile).map((problem) => /\[([a-z-]+)\]/.exec(problem)?.[1])).toEqual(['text-changed']);
    // Words of its own changed, with its raw copy: not a cut, refused.
    merged.edit('content/sources/004_46ac758a32718590.txt', (text) => text.replace('first aid.', 'first aid and more.'));
    merged.edit(BOMBERS, (text) => text.replace('first aid.', 'first aid and more.'));
    expect(problemsOf(merged.compile).map((problem) => /\[([a-z-]+)\]/.exec(problem)?.[1])).toEqual(['text-changed']);
  });

  it('refuses redirects and aliases that go round, lead to nothing published, or are never followed, each on its line', () => {
    const site = copy();
    site.edit('content/anchors.yaml', (text) =>
      text
        .replace(/^redirects: \{\}$/m, 'redirects:\n  gone-a: gone-b\n  gone-b: gone-a\n  old-text: no-such-article\n  "Bad Slug": lavrov-speaks-out-against-nato-at-un\n  russian-bombers-fly-over-belarus: lavrov-speaks-out-against-nato-at-un\n  old-fine: russian-bombers-fly-over-belarus')
        .replace(/^aliases:\n  russian-bombers-fly-over-belarus:\n/m, (start) => `${start}    old-a: old-b\n    old-b: old-a\n    old-c: does-not-exist\n    old-d: 2014-russia-annexed-ukraines-crimean\n    2014-russia-annexed-ukraines-crimean: old-d\n`),
    );
    const ledger = readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n');
    const at = (key: string) => ledger.findIndex((line) => line.trim().startsWith(`${key}:`)) + 1;
    expect(problemsOf(site.compile).map((problem) => problem.split('\n')[0])).toEqual([
      `content/anchors.yaml:${at('gone-a')}:3: the redirects go round (\`gone-a\` → \`gone-b\` → \`gone-a\`): a reader's browser would be sent back and forth for ever [ledger-redirect]`,
      `content/anchors.yaml:${at('gone-b')}:3: the redirects go round (\`gone-b\` → \`gone-a\` → \`gone-b\`): a reader's browser would be sent back and forth for ever [ledger-redirect]`,
      `content/anchors.yaml:${at('old-text')}:3: \`old-text\` redirects to \`no-such-article\`, which is not published [ledger-redirect]`,
      `content/anchors.yaml:${at('"Bad Slug"')}:3: \`Bad Slug\` under \`redirects:\` is no article's address [ledger-redirect]`,
      `content/anchors.yaml:${ledger.findIndex((line) => line === '  russian-bombers-fly-over-belarus: lavrov-speaks-out-against-nato-at-un') + 1}:3: article \`russian-bombers-fly-over-belarus\` is published, so its redirect to \`lavrov-speaks-out-against-nato-at-un\` is never followed [ledger-redirect]`,
      `content/anchors.yaml:${at('old-a')}:5: the aliases of \`russian-bombers-fly-over-belarus\` go round (\`#old-a\` → \`#old-b\` → \`#old-a\`): a link to \`#old-a\` would land nowhere [ledger-alias]`,
      `content/anchors.yaml:${at('old-b')}:5: the aliases of \`russian-bombers-fly-over-belarus\` go round (\`#old-b\` → \`#old-a\` → \`#old-b\`): a link to \`#old-b\` would land nowhere [ledger-alias]`,
      `content/anchors.yaml:${at('old-c')}:5: the alias of \`#old-c\` in \`russian-bombers-fly-over-belarus\` leads to \`#does-not-exist\`, which is not on the page [ledger-alias]`,
      `content/anchors.yaml:${ledger.findIndex((line) => line === '    2014-russia-annexed-ukraines-crimean: old-d') + 1}:5: \`#2014-russia-annexed-ukraines-crimean\` is on the page of \`russian-bombers-fly-over-belarus\`, so its alias to \`#old-d\` is never followed [ledger-alias]`,
    ]);
  });

  it('names, on its line, a ledger value that is no id and a section that is misspelt, before anything follows them', () => {
    const site = copy();
    site.edit('content/anchors.yaml', (text) =>
      text
        // An alias left empty while its successor is looked up, a number, a list; a misspelt section.
        .replace(/^aliases:\n  russian-bombers-fly-over-belarus:\n/m, (start) => `${start}    old-a:\n    old-b: 2014\n    old-c: [a, b]\n`)
        .replace(/^redirects: \{\}$/m, 'redirect:\n  old-slug: russian-bombers-fly-over-belarus\nredirects:\n  gone:'),
    );
    const ledger = readFileSync(join(site.root, 'content/anchors.yaml'), 'utf8').split('\n');
    const at = (key: string) => ledger.findIndex((line) => line.trim().startsWith(`${key}:`)) + 1;
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([
      `content/anchors.yaml:${at('old-a')}:11: \`aliases\` › \`russian-bombers-fly-over-belarus\` › \`old-a\` has no successor [ledger-shape]`,
      `content/anchors.yaml:${at('old-b')}:12: \`aliases\` › \`russian-bombers-fly-over-belarus\` › \`old-b\` has the number 2014 where its successor goes, which is not text [ledger-shape]`,
      `content/anchors.yaml:${at('old-c')}:12: \`aliases\` › \`russian-bombers-fly-over-belarus\` › \`old-c\` has a list or a map where its successor goes [ledger-shape]`,
      `content/anchors.yaml:${at('redirect')}:1: \`redirect:\` is not a section of the ledger, so nothing reads its lines [ledger-shape]`,
      `content/anchors.yaml:${at('gone')}:8: \`redirects\` › \`gone\` has no successor [ledger-shape]`,
    ]);
    expect(problems[1]).toContain('Fix: write it in quotes, as text: `old-b: "2014"`');
    expect(problems[3]).toContain('Did you mean `redirects`?');
    expect(problems.join('\n')).not.toMatch(/TypeError|Stack trace|at \w+ \(/);
  });

  it('tells an alias line pasted two spaces in, beside the texts’ keys, to go four spaces in under its text', () => {
    const site = copy();
    site.edit('content/anchors.yaml', (text) => text.replace(/^( {4}note-tu22m3-patrol: note-bomber-patrols-over-belarus)$/m, '$1\n  war-fears-mounted-ukrainian-authorities: belarus-authoritarian-leader-alexander'));
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([expect.stringMatching(/`aliases` › `war-fears-mounted-ukrainian-authorities` holds a single value where a list of `<id>: <successor>` lines goes \[ledger-shape\]$/)]);
    expect(problems[0]).toContain('Fix: if `war-fears-mounted-ukrainian-authorities: belarus-authoritarian-leader-alexander` is a line of a text\'s list, indent it four spaces, under that text\'s key (`  <slug>:`), as its other lines are');
  });

  it('gives one fix when an id is moved onto another paragraph whose own id is renamed: give the id back, not an alias to it', () => {
    const site = copy();
    // Paragraph X takes a new id; paragraph Y's published id is given to X's words.
    site.edit(BOMBERS, (text) => text.replace(' ^kharkiv-ukraines-second-largest-city', ' ^kharkiv-new-id').replace(' ^moscow-russia-saturday-sent-pair', ' ^kharkiv-ukraines-second-largest-city'));
    const rules = problemsOf(site.compile).map((problem) => /\[([a-z-]+)\]$/m.exec(problem.split('\n')[0]!)?.[1]);
    expect(rules).toContain('anchor-moved');
    // The published `#moscow-…` is gone; no alias to the moved id is offered for it.
    const gone = problemsOf(site.compile).find((problem) => problem.includes('`#moscow-russia-saturday-sent-pair` was published'));
    expect(gone ?? '').not.toContain('moscow-russia-saturday-sent-pair: kharkiv-ukraines-second-largest-city');
  });

  it('names a key written with nothing after it in a flow map, and quotes a number as the editor wrote it', () => {
    const site = copy();
    site.edit('content/anchors.yaml', (text) => text.replace(/^redirects: \{\}$/m, 'redirects: { old-slug, other-slug: 12e4 }'));
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([
      expect.stringMatching(/^content\/anchors\.yaml:\d+:\d+: `redirects` › `old-slug` has no successor \[ledger-shape\]$/),
      expect.stringMatching(/^content\/anchors\.yaml:\d+:\d+: `redirects` › `other-slug` has the number 120000 where its successor goes, which is not text \[ledger-shape\]$/),
    ]);
    expect(problems[1]).toContain('Fix: write it in quotes, as text: `other-slug: "12e4"`.');
  });

  it('refuses a published paragraph id moved onto other words, naming the id those words were published under', () => {
    const site = copy();
    // Two ids swapped, and the claims and timeline that point at them swapped too: nothing else would tell.
    const swap = (text: string) => text.replaceAll('kharkiv-ukraines-second-largest-city', '@').replaceAll('moscow-russia-saturday-sent-pair', 'kharkiv-ukraines-second-largest-city').replaceAll('@', 'moscow-russia-saturday-sent-pair');
    site.edit(BOMBERS, swap);
    site.edit('content/claims/russian-bombers-fly-over-belarus.yaml', swap);
    site.edit('content/timeline/events.yaml', swap);
    const lines = readFileSync(join(site.root, BOMBERS), 'utf8').split('\n');
    const at = (id: string) => lines.findIndex((line) => line.endsWith(` ^${id}`)) + 1;
    const problems = problemsOf(site.compile);
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual([
      `${BOMBERS}:${at('kharkiv-ukraines-second-largest-city')}:1: paragraph \`#kharkiv-ukraines-second-largest-city\` now holds the words published as \`#moscow-russia-saturday-sent-pair\`: every link made to \`#kharkiv-ukraines-second-largest-city\` would land on other words than the ones it was made for [anchor-moved]`,
      `${BOMBERS}:${at('moscow-russia-saturday-sent-pair')}:1: paragraph \`#moscow-russia-saturday-sent-pair\` now holds the words published as \`#kharkiv-ukraines-second-largest-city\`: every link made to \`#moscow-russia-saturday-sent-pair\` would land on other words than the ones it was made for [anchor-moved]`,
    ]);
    expect(problems[0]).toContain(`Fix: an id stays with its words: end this paragraph with \` ^moscow-russia-saturday-sent-pair\` again, and the one at line ${at('moscow-russia-saturday-sent-pair')}`);
    // npm run ledger does not take the moved ids in as their words from then on.
    expect(() => compileEdition({ root: site.root, cacheDir: join(site.root, '.cache'), recordingLedger: true })).toThrow(/\[anchor-moved\]/);
  });

  it('places a ledger that is not valid YAML on its line and column, with a fix that keeps the work', () => {
    const site = copy();
    site.edit('content/anchors.yaml', (text) => text.replace(/^aliases:\n/m, 'aliases:\n  russian-bombers-fly-over-belarus:\n    a: b\n'));
    const [problem] = problemsOf(site.compile);
    expect(problem).toMatch(/^content\/anchors\.yaml:\d+:3: the ledger is not valid YAML: Map keys must be unique \[ledger-yaml\]\n    Fix: /u);
    expect(problem).not.toContain('git checkout');
  });
});
