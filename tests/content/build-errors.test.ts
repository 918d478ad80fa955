/**
 * Broken content fails the build, with a message that names the file and what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { selectAll } from 'hast-util-select';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

const ARTICLE = 'content/articles/russian-bombers-fly-over-belarus.mdx';

describe('content errors fail the build', () => {
  let site: FixtureSite;
  let original: string;
  beforeAll(() => {
    site = createFixtureSite();
    site.edit(ARTICLE, (text) => (original = text));
  });
  afterAll(() => site.remove());

  const restore = () => site.edit(ARTICLE, () => original);

  it('names the file and the field of a front-matter value the schema refuses', () => {
    site.edit(ARTICLE, (text) => text.replace('kind: news-agency\n', 'kind: newspaper\n'));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toContain('russian-bombers-fly-over-belarus');
    expect(output).toMatch(/kind/);
    expect(output).toMatch(/news-agency/);
  });

  it('names the file and the field when a required field is missing', () => {
    site.edit(ARTICLE, (text) => text.replace(/^copy:\n(?: {2}.*\n)+/m, ''));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toContain('russian-bombers-fly-over-belarus');
    expect(output).toMatch(/\bcopy\b/);
  });

  it('refuses to publish an article whose to-do list is not empty', () => {
    site.edit(ARTICLE, (text) => text.replace('sections: []\n', 'sections: []\ntodo:\n  - "summary: write it"\n'));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toMatch(/todo/);
    expect(output).toMatch(/finish the items listed under todo/);
  });

  it('names the file and line of a paragraph without a passage id', () => {
    site.edit(ARTICLE, (text) => text.replace(/\n\nAs war fears mounted, (.*) \^[a-z0-9-]+\n/, '\n\nAs war fears mounted, $1\n'));
    const { code, output } = site.astro('build');
    restore();
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/articles\/russian-bombers-fly-over-belarus\.mdx:\d+:1: paragraph “As war fears mounted/);
    expect(output).toMatch(/Fix: end it with a space and a caret id, e\.g\. ` \^/);
  });

  /** Builds with `change` made to the article, restores it, and returns the build's result. */
  const buildWith = (change: (text: string) => string, path = ARTICLE) => {
    let before = '';
    site.edit(path, (text) => change((before = text)));
    const result = site.astro('build');
    site.edit(path, () => before);
    return result;
  };
  const WAR_FEARS = 'As war fears mounted, Ukrainian authorities';
  /** The line of the article (as the fixture has it) that holds `needle`: where an edit there is reported. */
  const lineOf = (needle: string) => original.split('\n').findIndex((line) => line.includes(needle)) + 1;
  const FILE = 'content/articles/russian-bombers-fly-over-belarus.mdx';

  it('fails on a domain table the check refuses, rather than publishing every citation as unclassed', () => {
    const { code, output } = buildWith((text) => text.replace(/^24hod\.sk: \{ category: press/m, '24hod.sk: { category: newspaper'), 'content/source-categories.yaml');
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/source-categories\.yaml:\d+:1: `24hod\.sk`: .*\[source-categories\]/);
  });

  it('refuses a citation of a broadcaster whose title does not name its funding, or a title in another language that does not say which, as `npm run check` does', () => {
    const UNIAN = 'Belarus: EU officially imposes sanctions on 40 officials (UNIAN)';
    const { code, output } = buildWith((text) => text.replace('(RFE/RL, US government-funded)', '(RFE/RL)').replace(UNIAN, 'Беларусь: ЕС ввёл санкции (UNIAN)'));
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`${FILE}:\\d+:1: the source https://rferl\\.org/\\S+ \\(“Thousands rally in Kharkiv \\(RFE/RL\\)”\\) does not say “US government-funded”, as content/source-categories\\.yaml asks of rferl\\.org \\[source-label\\]`));
    expect(output).toContain(`${FILE}:${lineOf(UNIAN)}:1: the source https://`);
    expect(output).toMatch(/\(“Беларусь: ЕС ввёл санкции \(UNIAN\)”\): the title is not in English, and its label does not say what language it is in \[source-language\]/);
  });

  it('refuses a line of text beginning with import or export, which MDX would run as code', () => {
    for (const line of ['import fs from "node:fs"', 'export const secret = process.env']) {
      const { code, output } = buildWith((text) => text.replace(`\n\n${WAR_FEARS}`, `\n\n${line}\n\n${WAR_FEARS}`));
      expect(code).not.toBe(0);
      const word = line.split(' ')[0]!;
      expect(output).toContain(`${FILE}:${lineOf(WAR_FEARS)}:1: a line beginning with \`${word}\`, which MDX runs as JavaScript`);
      expect(output).toContain(`&#${word.charCodeAt(0)};${word.slice(1)} …`);
    }
  });

  it('refuses a JavaScript expression, an unknown element and raw links in the text', () => {
    const { code, output } = buildWith((text) =>
      text.replace(WAR_FEARS, `As {process.exit(0)} war <img src="x" /> fears [mounted](term:nope) and [here](passage:nope#x), Ukrainian authorities`),
    );
    expect(code).not.toBe(0);
    expect(output).toContain('[ContentError] 4 content errors:');
    expect(output).toContain(`${FILE}:${lineOf(WAR_FEARS)}:4: \`{…}\`, which MDX runs as a JavaScript expression`);
    expect(output).toMatch(new RegExp(`:${lineOf(WAR_FEARS)}:\\d+: the element \`<img>\`, which an article may not use`));
    expect(output).toMatch(new RegExp(`:${lineOf(WAR_FEARS)}:\\d+: a link to \`term:nope\` in the text`));
    expect(output).toMatch(new RegExp(`:${lineOf(WAR_FEARS)}:\\d+: a link to \`passage:nope#x\` in the text`));
  });

  it('refuses control, noncharacter and bidirectional-override characters, in the text and in the title', () => {
    const { code, output } = buildWith((text) => text.replace(/^title: (.*)$/m, 'title: "Russian bombers\u202E fly"').replace('As war fears', 'As war\u0000 fears\uFFFE'));
    expect(code).not.toBe(0);
    expect(output).toContain(`${FILE}:2:24: bidirectional formatting character U+202E, which cannot be shown as text`);
    expect(output).toContain(`${FILE}:${lineOf(WAR_FEARS)}:7: control character U+0000, which cannot be shown as text`);
    expect(output).toContain(`${FILE}:${lineOf(WAR_FEARS)}:14: noncharacter U+FFFE, which cannot be shown as text`);
  });

  it('refuses quotations nested hundreds deep, which would crash the bundler, with a message instead of a segfault', () => {
    const { code, output } = buildWith((text) => text.replace(`\n\n${WAR_FEARS}`, `\n\n${'> '.repeat(400)}deep ^deep-quote\n\n${WAR_FEARS}`));
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`russian-bombers-fly-over-belarus\\.mdx:${lineOf(WAR_FEARS)}:\\d+: quotations, lists or elements nested more than 32 deep`));
  });

  it('names the note, file and line of a note linking to a missing term, article or passage', () => {
    const { code, output } = buildWith((text) =>
      text.replace('For what the two leaders said in December 2022, see', 'See [a](term:no-such-term), [b](article:no-such-article), [c](passage:russia-new-steps-western-border#no-such-passage). For what the two leaders said in December 2022, see'),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`russian-bombers-fly-over-belarus\\.mdx:${lineOf('For what the two leaders said in December 2022, see')}:\\d+: .*the unknown term \`no-such-term\``));
    expect(output).toMatch(new RegExp(`russian-bombers-fly-over-belarus\\.mdx:${lineOf('For what the two leaders said in December 2022, see')}:\\d+: .*the unknown article \`no-such-article\``));
    expect(output).toMatch(new RegExp(`russian-bombers-fly-over-belarus\\.mdx:${lineOf('For what the two leaders said in December 2022, see')}:\\d+: .*has no passage \`no-such-passage\``));
  });

  it('names the line of a timeline event that cites a missing note, and fails `npm run check` and the build alike', () => {
    const EVENTS = 'content/timeline/events.yaml';
    let before = '';
    site.edit(EVENTS, (text) => (before = text).replace('notes: [open-skies-34-states-parties]\n  terms: [open-skies]\n- id: open-skies-treaty-in-force', 'notes: [open-skies-34-state-parties]\n  terms: [open-skies]\n- id: open-skies-treaty-in-force'));
    const check = site.node('scripts/check.ts');
    const build = site.astro('build');
    site.edit(EVENTS, () => before);
    for (const { code, output } of [check, build]) {
      expect(code).not.toBe(0);
      expect(output).toMatch(/content\/timeline\/events\.yaml:\d+:\d+: event `open-skies-treaty-signed` names the note `open-skies-34-state-parties`, which no text has\. Did you mean `open-skies-34-states-parties`\?/);
      expect(output).toContain('Fix: write the id of an existing `<Note id="…">`');
    }
  });

  it('lists a YAML file that does not read by its first error, and nothing that follows only from it', () => {
    const TABLE = 'content/source-categories.yaml';
    const EVENTS = 'content/timeline/events.yaml';
    let table = '';
    let events = '';
    site.edit(TABLE, (text) => (table = text).replace(/ \}\n/, '\n'));
    site.edit(EVENTS, (text) => (events = text).replace('terms: [open-skies]', 'terms: [open-skies'));
    const timeline = site.node('scripts/check.ts');
    site.edit(EVENTS, () => events);
    const domains = site.node('scripts/check.ts');
    site.edit(TABLE, () => table);
    expect(timeline.code).toBe(1);
    expect(timeline.output.match(/\[frontmatter-yaml\]/g)).toHaveLength(1);
    expect(timeline.output).toMatch(/content\/timeline\/events\.yaml:\d+:\d+: the file is not valid YAML \(/);
    expect(timeline.output).not.toContain('between the `---` lines');
    expect(domains.code).toBe(1);
    expect(domains.output).toMatch(/content\/source-categories\.yaml:\d+:\d+: the domain table is not valid YAML/);
    expect(domains.output).toContain('sources by category: not counted until content/source-categories.yaml reads');
    expect(domains.output).not.toContain('unclassified:');
    // Nothing is said to be ok above the errors: an editor reading the first lines would stop there.
    expect(domains.output).not.toMatch(/^ok: /m);
  });

  it('names the note, file and line of a correction whose earlier wording is not recorded (issue 19)', () => {
    let before = '';
    site.edit('content/corrections.yaml', (text) => (before = text).replace(/- item: note:iskander-range-poland\n(?: {2}.*\n|\n)*/, ''));
    const { code, output } = site.astro('sync');
    site.edit('content/corrections.yaml', () => before);
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/articles\/russia-new-steps-western-border\.mdx:\d+:1: `note:iskander-range-poland` is corrected on 2026-12-03, but content\/corrections\.yaml keeps no earlier wording/);
    expect(output).toContain('Fix: run `npm run correction -- note:iskander-range-poland --append`');
  });

  it('names the file and line of a <Term> naming no glossary entry', () => {
    const { code, output } = buildWith((text) => text.replace(WAR_FEARS, `As <Term id="no-such-term">war</Term> fears mounted, Ukrainian authorities`));
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`russian-bombers-fly-over-belarus\\.mdx:${lineOf(WAR_FEARS)}:\\d+: <Term id="no-such-term"> names no glossary entry`));
  });

  it('names the glossary file and line of a related term that does not exist', () => {
    const { code, output } = buildWith((text) => text.replace('related: [s-400,', 'related: [s-four-hundred,'), 'content/glossary/iskander.md');
    expect(code).not.toBe(0);
    expect(output).toContain('content/glossary/iskander.md:17:1: `related` names `s-four-hundred`, which is not a glossary entry [unknown-related-term]\n    Fix: use the id of an entry (its file name without .md).');
  });
});

describe('hostile text through the importer', () => {
  let site: FixtureSite;
  const HOSTILE = [
    'A hostile {title} <b>bold</b>',
    '',
    'import fs from "node:fs"',
    '',
    'export const a = {b: 1}',
    '',
    `${'> '.repeat(300)}deep`,
    '',
    'A bidi \u202E override and a NUL \u0000 here.',
    '',
    '<script>alert(1)</script> and {props.x} and [a](term:nato) and &amp; and a caret ^not-an-id',
    '',
  ].join('\n');

  beforeAll(() => {
    site = createFixtureSite();
    writeFileSync(join(site.dir, 'hostile.txt'), HOSTILE);
  });
  afterAll(() => site.remove());

  it('stops at a control character, naming the file, line and column, unless told to strip it', () => {
    const refused = site.node('scripts/import.ts', 'hostile.txt', '--slug', 'hostile-text');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('hostile.txt:9:8: the text holds 2 characters that cannot be shown as text:\n  U+202E bidirectional formatting character at line 9, column 8\n  U+0000 control character at line 9, column 29\n');
    expect(refused.output).toContain('--strip-controls');
  });

  it('makes an article that builds and shows every character of the text as text', () => {
    const imported = site.node('scripts/import.ts', 'hostile.txt', '--slug', 'hostile-text', '--strip-controls');
    expect(imported.code, imported.output).toBe(0);
    // Published as an editor would: the to-do list done.
    site.edit('content/articles/hostile-text.mdx', (text) =>
      text
        .replace('outlets: []', 'form: Test text\nkind: blog\noutlets:\n  - name: Test outlet\n    kind: blog')
        .replace('dates: []', 'dates: [2022-01-01]')
        .replace('  from: ""', '  from: a test')
        .replace('summary: ""', 'summary: A text made of everything MDX would misread.')
        .replace('draft: true', 'draft: false')
        .replace(/todo:\n(?: {2}- .*\n)+/, 'todo: []\n'),
    );
    const { code, output } = site.astro('build');
    expect(code, output).toBe(0);
    const html = readFileSync(join(site.dir, 'dist/articles/hostile-text/index.html'), 'utf8');
    const tree = fromHtml(html);
    const text = toString(tree);
    for (const expected of ['import fs from "node:fs"', 'export const a = {b: 1}', '<script>alert(1)</script> and {props.x} and [a](term:nato) and &amp; and a caret ^not-an-id', 'A bidi override and a NUL here.']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/(> ){299}>\s*deep/);
    expect(selectAll('b', tree)).toHaveLength(0);
    expect(selectAll('script', tree).filter((script) => toString(script).includes('alert'))).toHaveLength(0);
    // The headline is the source's: quoted and attributed to its outlet (issue 15).
    expect(html).toContain('<title>“A hostile {title} &lt;b&gt;bold&lt;/b&gt;” —\u00a0Test outlet · Borderlines</title>');
  });
});

describe('a build for an address that is not one', () => {
  it('names SITE_URL and the fix, where Astro said only “Invalid URL”', () => {
    const site = createFixtureSite({ SITE_URL: 'borderlines.example' });
    try {
      const { code, output } = site.astro('build');
      expect(code).toBe(1);
      expect(output.trim()).toBe('SITE_URL is "borderlines.example", which is not an address readers can open.\n  Fix: give it whole, with https:// (or http://) and the host, e.g. SITE_URL=https://borderlines.example npm run build');
    } finally {
      site.remove();
    }
  });
});
