/**
 * The import CLI on a throw-away copy of the site: a wire story imported, annotated and published,
 * then re-imported after a new furniture rule and after a corrected copy, and hostile command lines.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../../helpers/fixture-site.ts';
import { buildEnv, ROOT } from '../../helpers/site.ts';
import { npmTook, swallowedByNpm } from '../../../scripts/lib/args.ts';

const STORY = readFileSync(join(ROOT, 'tests/fixtures/importer/wire-story/input.txt'), 'utf8');
const ARTICLE = 'content/articles/poland-moves-troops-belarus-border.mdx';

let site: FixtureSite;
const read = (path: string) => readFileSync(join(site.dir, path), 'utf8');
const run = (...args: string[]) => site.node('scripts/import.ts', ...args);

/** What an editor does: finishes the front matter, publishes, marks a passage and writes its note. */
function annotate(mdx: string): string {
  return mdx
    .replace('title: Poland moves troops to Belarus border\n', 'title: Poland sends more troops to the Belarus border\n')
    .replace('outlets:', 'form: News agency report\nkind: news-agency\noutlets:')
    .replace('  from: ""', '  from: >-\n    A fake wire story, written for this test;\n    no outlet published it.')
    .replace('summary: ""', 'summary: A short fake agency report on Polish troops at the border with Belarus.')
    .replace('draft: true\n', '')
    .replace(/todo:\n(?: {2}- .*\n)+/u, '')
    .replace('said 15,000 troops were now deployed', 'said <Passage note="poland-troops-15000">15,000 troops were now deployed</Passage>')
    .replace(
      '^defense-ministry-said-15000-troops\n',
      '^defense-ministry-said-15000-troops\n\n<Note id="poland-troops-15000" kind="fact-check" finding="accurate" added="2026-12-03">\nWhat the record shows.\n\n<Source title="A source" url="https://example.org/a" date="2021-11-10" />\n</Note>\n',
    );
}

describe('npm run import', { timeout: 60_000 }, () => {
  beforeAll(() => {
    site = createFixtureSite();
    writeFileSync(join(site.dir, 'wire.txt'), STORY);
  });
  afterAll(() => site.remove());

  it('imports a new text as a draft', () => {
    const { code, output } = run('wire.txt');
    expect(code, output).toBe(0);
    expect(read(ARTICLE)).toMatch(/^draft: true$/mu);
    // The next steps are the README's: the one check, the suggestions, and the ledger at publication.
    expect(output.slice(output.indexOf('Next:')).trim()).toMatchInlineSnapshot(`
      "Next: finish the draft by hand (the todo list in its front matter), then
        npm run check     everything the build checks, in seconds: run it after each edit
        npm run dev       read it at http://localhost:4321/articles/poland-moves-troops-belarus-border/ (drafts show in dev only, with what to annotate next)
        npm run suggest -- poland-moves-troops-belarus-border   what to annotate next
      and publish: delete "draft: true" and the empty todo list, \`npm run check\`, \`npm run ledger\` (records the new anchors), commit."
    `);
  });

  it('says an emptied article, or one whose front matter is left open or behind a byte-order mark, is broken, not another text’s, and --replace starts it again after a backup', () => {
    const article = 'content/articles/russian-bombers-fly-over-belarus.mdx';
    const kept = readFileSync(join(site.dir, article), 'utf8');
    const raw = 'content/sources/004_46ac758a32718590.txt';
    writeFileSync(join(site.dir, article), '');
    const emptied = run(raw, '--force');
    expect(emptied.code).toBe(1);
    expect(emptied.output.trim()).toBe(
      `${article} already exists, and cannot be told which source it was made from: the file is empty.\n` +
        `  Fix: restore it from git (git diff ${article} shows what changed), or re-import with --replace to start again (the article is backed up first).`,
    );
    // Its front matter left open: the re-import says so, not that the file does not start with one.
    writeFileSync(join(site.dir, article), kept.replace(/\n---\n/, '\n'));
    expect(run(raw, '--force').output).toContain(`${article}:1: front matter: the front matter opened with \`---\` on line 1 is never closed\n  Fix: add a line \`---\` after its last field`);
    writeFileSync(join(site.dir, article), `\uFEFF${kept}`);
    expect(run(raw, '--force').output).toContain(`${article}:1: front matter: the file begins with a byte-order mark`);
    const replaced = run(raw, '--replace');
    expect(replaced.code, replaced.output).toBe(0);
    expect(replaced.output).toMatch(/backups\//);
    expect(readFileSync(join(site.dir, article), 'utf8')).toMatch(/^---\n[^]*\n---\n/);
    writeFileSync(join(site.dir, article), kept);
  });

  it('keeps the Windows line endings of an article it re-imports into, not a file of both', () => {
    const article = 'content/articles/russian-bombers-fly-over-belarus.mdx';
    const kept = readFileSync(join(site.dir, article), 'utf8');
    writeFileSync(join(site.dir, article), kept.replace(/\n/g, '\r\n'));
    const result = run('content/sources/004_46ac758a32718590.txt', '--force');
    expect(result.code, result.output).toBe(0);
    const text = readFileSync(join(site.dir, article), 'utf8');
    expect(text.match(/(?<!\r)\n/g)).toBeNull();
    expect(text.replace(/\r\n/g, '\n')).toBe(kept);
    writeFileSync(join(site.dir, article), kept);
  });

  it('refuses to touch an existing article without --force or --replace, and says which to use', () => {
    writeFileSync(join(site.dir, ARTICLE), annotate(read(ARTICLE)));
    const { code, output } = run('wire.txt');
    expect(code).toBe(1);
    expect(output.trim()).toMatchInlineSnapshot(`
      "content/articles/poland-moves-troops-belarus-border.mdx already exists (published) and may hold finished editing.
        Fix: re-run with --force to re-import into it, keeping its front matter, notes, passages, ids and published state; --replace starts again from a fresh draft (a backup is written first)."
    `);
  });

  it('keeps the front matter, the note, the passage, the ids and the published state when re-importing after a new rule', () => {
    const before = read(ARTICLE);
    writeFileSync(join(site.dir, 'content/import-rules/wire.yaml'), 'rules:\n  - id: share-prompt\n    reason: The site share prompt, not article text.\n    lines: [Share this article]\n');
    const { code, output } = run('wire.txt', '--force');
    expect(code, output).toBe(0);
    const after = read(ARTICLE);
    expect(after).not.toContain('Share this article ^');
    // Everything else is the editor's file, line for line.
    const removedBlock = /removed:\n(?: {2}.*\n)+/u.exec(after)![0];
    expect(after).toBe(before.replace('removed: []\n', removedBlock).replace('\nShare this article ^share-article\n', '').replace('\n\nShare this article ^share-article-2', ''));
  });

  it('backs the article up before a re-import puts back the source’s words over a hand edit, and names the paragraph', () => {
    const edited = read(ARTICLE).replace('up from 12,000 a day earlier', 'up from twelve thousand a day earlier');
    writeFileSync(join(site.dir, ARTICLE), edited);
    const { code, output } = run('wire.txt', '--force');
    expect(code, output).toBe(0);
    const backups = [...output.matchAll(/^Backed up content\/articles\/poland-moves-troops-belarus-border\.mdx → (\.import-backups\/\S+)$/gmu)].map((m) => m[1]!);
    expect(backups).toHaveLength(1);
    expect(read(backups[0]!)).toBe(edited);
    expect(read(ARTICLE)).toContain('up from 12,000 a day earlier');
    expect(output).toMatch(/the source's words replace the article's in \^defense-ministry-said-15000-troops \(found by (same id|similar text)\)/u);
    // Run again at once: the second backup does not overwrite the first.
    writeFileSync(join(site.dir, ARTICLE), edited);
    const again = run('wire.txt', '--force');
    const second = /→ (\.import-backups\/\S+\.mdx)$/mu.exec(again.output)![1]!;
    expect(second).not.toBe(backups[0]);
    expect(read(backups[0]!)).toBe(edited);
    expect(read(second)).toBe(edited);
  });

  it('stops, writing nothing, when a corrected copy loses the words of a passage', () => {
    const before = read(ARTICLE);
    writeFileSync(join(site.dir, 'wire.txt'), STORY.replace('15,000 troops were now deployed', '15,000 soldiers were deployed'));
    const { code, output } = run('wire.txt', '--force');
    expect(code).toBe(1);
    expect(output.trim()).toMatchInlineSnapshot(`
      "content/articles/poland-moves-troops-belarus-border.mdx:36:27: <Passage note="poland-troops-15000">: it marks “15,000 troops were now deployed”, words that paragraph ^defense-ministry-said-15000-troops no longer has after the re-import; the paragraph now reads “The Defense Ministry said 15,000 soldiers were deployed along the border, up from 12,000 a day earlier.”
        Fix: mark words that are still in the paragraph (or remove the mark and re-add it after the import), then re-run the import; if the words should be there, correct the raw copy or the rule that removed them.

      1 thing of the editor's could not be placed in the re-imported text. Nothing was written.
        Fix: deal with each as its Fix says and re-run; or, to start again from a fresh draft, --replace (the article is backed up first)."
    `);
    expect(read(ARTICLE)).toBe(before);
    expect(read('content/sources/wire.txt')).toBe(STORY);
  });

  it('backs the article up before --replace discards its editing, and says where', () => {
    const before = read(ARTICLE);
    const { code, output } = run('wire.txt', '--replace');
    expect(code, output).toBe(0);
    const backups = [...output.matchAll(/→ (\.import-backups\/\S+)/gu)].map((m) => m[1]!);
    expect(backups.map((b) => b.replace(/\d{8}T\d{6}Z(?:-\d+)?/u, '<time>'))).toEqual(['.import-backups/poland-moves-troops-belarus-border.<time>.mdx', '.import-backups/wire.<time>.txt']);
    expect(read(backups[0]!)).toBe(before);
    expect(read(ARTICLE)).toMatch(/^draft: true$/mu);
  });

  it('lists every control character of a text, and a re-import strips them again as the article records', () => {
    writeFileSync(join(site.dir, 'ctl.txt'), 'A title\n\nNA\u200BTO met \u0007 today.\n\nAnother paragraph.\n');
    const refused = run('ctl.txt');
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toMatchInlineSnapshot(`
      "ctl.txt:3:3: the text holds 2 characters that cannot be shown as text:
        U+200B zero-width space at line 3, column 3
        U+0007 control character at line 3, column 11
        Fix: remove them from the source text, or run the importer with --strip-controls to drop every such character (each one is then listed in the front matter under \`removed\`)."
    `);
    expect(run('ctl.txt', '--strip-controls').code).toBe(0);
    const again = run('ctl.txt', '--force');
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('Stripping control and invisible characters again, as content/articles/title.mdx records.');
  });

  it('refuses a copy of a text already imported, wrapped otherwise, with a line added at its head or in its middle, or a part of it, and imports nothing', () => {
    const kept = 'content/sources/004_46ac758a32718590.txt';
    const text = readFileSync(join(site.dir, kept), 'utf8');
    // A note of where it was copied from, and the same text folded at 72 characters (a long address cut in two).
    writeFileSync(join(site.dir, 'ap-noted.txt'), `Copied from concordmonitor.com\n\n${text}`);
    writeFileSync(join(site.dir, 'ap-folded.txt'), text.replace(/(.{1,72})(?: |(?=.))/g, (line) => `${line}\n`));
    // A line of the page's furniture copied in the middle, and the first part of the text alone.
    const lines = text.split('\n');
    writeFileSync(join(site.dir, 'ap-advert.txt'), [...lines.slice(0, 11), 'Advertisement', ...lines.slice(11)].join('\n'));
    writeFileSync(join(site.dir, 'ap-part.txt'), text.slice(0, 2000));
    const articles = () => readdirSync(join(site.dir, 'content/articles')).sort();
    const before = articles();
    for (const [file, ...args] of [['ap-noted.txt'], ['ap-folded.txt', '--wrap', 'lines'], ['ap-advert.txt'], ['ap-part.txt']] as const) {
      const { code, output } = run(file, ...args);
      expect(code, output).toBe(1);
      expect(output.trim()).toBe(
        `${file} has the words of ${kept}, imported as content/articles/russian-bombers-fly-over-belarus.mdx, wrapped otherwise, with a few lines more, fewer or changed, or a part of them: it is the same text.\n` +
          `  Fix: a text is imported once. If this is a better copy of it, put it in the place of that one (cp "${file}" ${kept}) and re-import it (npm run import -- ${kept} --force), which backs the article up; a published text's words then change only with a correction of its provenance.`,
      );
    }
    expect(articles()).toEqual(before);
    // A passage from the middle of a kept text, a tenth of it (a statement a report quotes whole): a text of its own.
    const middle = lines.slice(Math.floor(lines.length / 2), Math.floor(lines.length / 2) + 3).join('\n');
    expect(middle.split(/\s+/).length).toBeGreaterThan(50);
    writeFileSync(join(site.dir, 'ap-quoted.txt'), middle);
    const quoted = run('ap-quoted.txt', '--slug', 'ap-quoted');
    expect(quoted.code, quoted.output).toBe(0);
    rmSync(join(site.dir, 'content/articles/ap-quoted.mdx'));
    rmSync(join(site.dir, 'content/sources/ap-quoted.txt'));
    // Said to be a text of its own, with a preface of its own: imported, as a draft of its own.
    const preface = 'Editor’s note: we reprint the Associated Press report below in full because our readers asked how the agency described the flight. Our own reporting on the drills near Kyiv follows next week, with interviews from the city.';
    writeFileSync(join(site.dir, 'ap-prefaced.txt'), `${preface}\n\n${text}`);
    // Without the option, refused, and told of it (the files above, with no words of their own, are not).
    expect(run('ap-prefaced.txt').output).toContain('If it is another text that holds nearly all of that one\'s words (a reprint with a preface of its own, a statement quoted whole), import it with --another-text.');
    const own = run('ap-prefaced.txt', '--another-text', '--slug', 'ap-reprint');
    expect(own.code, own.output).toBe(0);
    expect(articles()).toEqual([...before, 'ap-reprint.mdx'].sort());
    expect(readFileSync(join(site.dir, 'content/articles/ap-reprint.mdx'), 'utf8')).toMatch(/^draft: true$/m);
    rmSync(join(site.dir, 'content/articles/ap-reprint.mdx'));
    rmSync(join(site.dir, 'content/sources/ap-prefaced.txt'));
    // Kept already in other words (spaced otherwise, under a name that sorts after the text it quotes): the same text, whichever copy comes first.
    writeFileSync(join(site.dir, 'content/sources/zz-prefaced.txt'), `${preface}\n\n${text}`.replace(/\n/g, '\n\n'));
    const kept2 = run('ap-prefaced.txt', '--another-text', '--slug', 'ap-reprint');
    expect(kept2.code).toBe(1);
    expect(kept2.output).toContain('every word of this file is in content/sources/zz-prefaced.txt');
    rmSync(join(site.dir, 'content/sources/zz-prefaced.txt'));
    // The same words, however spaced, a part of them, or a line more than them are the same text, whatever the editor says.
    writeFileSync(join(site.dir, 'ap-same.txt'), text);
    writeFileSync(join(site.dir, 'ap-spaced.txt'), text.replace(/\n/g, '\n\n'));
    writeFileSync(join(site.dir, 'ap-part.txt'), text.split('\n').slice(3).join('\n'));
    for (const [file, said] of [
      ['ap-same.txt', `ap-same.txt is the same text as ${kept}`],
      ['ap-spaced.txt', `every word of this file is in ${kept} (it is that text, or a part of it)`],
      ['ap-part.txt', `every word of this file is in ${kept} (it is that text, or a part of it)`],
      ['ap-noted.txt', `this file has only 27 letters of its own beyond the words of ${kept}`],
    ]) {
      const again = run(file!, '--another-text', '--slug', 'ap-again');
      expect(again.code, again.output).toBe(1);
      expect(again.output).toContain(said);
    }
    expect(articles()).toEqual(before);
  });

  it('answers bad command lines with what to do, without a stack trace', () => {
    writeFileSync(join(site.dir, 'latin1.txt'), Buffer.from('A title\n\nCaf\xe9 au lait.\n', 'latin1'));
    writeFileSync(join(site.dir, 'other.txt'), 'Another text entirely\n\nIts body.\n');
    writeFileSync(join(site.dir, 'content/sources/other.txt'), 'A different copy\n\nOf something.\n');
    writeFileSync(join(site.dir, 'My Text (final).txt'), STORY);
    writeFileSync(join(site.dir, 'shout.TXT'), STORY);
    writeFileSync(join(site.dir, 'Résumé (v2).TXT'), STORY);
    writeFileSync(join(site.dir, 'wire-again.txt'), readFileSync(join(site.dir, 'content/sources/wire.txt')));
    // The same text saved again with Windows line endings and a newline more at its end.
    writeFileSync(join(site.dir, 'wire-crlf.txt'), `${readFileSync(join(site.dir, 'content/sources/wire.txt'), 'utf8').replace(/\n/g, '\r\n')}\r\n`);
    writeFileSync(join(site.dir, 'content/sources/kept-only.txt'), 'Kept in the edition\n\nOnly there.\n');
    writeFileSync(join(site.dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(site.dir, 'data.txt'), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)));
    writeFileSync(join(site.dir, 'nobom.txt'), Buffer.from('A title\n\nA line of text.\n', 'utf16le'));
    writeFileSync(join(site.dir, 'page.txt'), '<!DOCTYPE html>\n<html lang="en"><head><title>Troops</title></head><body><p>Poland moved troops.</p></body></html>\n');
    // A copy wrapped at a width with no blank line between its paragraphs: one paragraph of five lines.
    writeFileSync(join(site.dir, 'lines.txt'), 'Poland moves troops to the border with Belarus as the crisis grows\nWARSAW (AP) — Poland moved thousands of troops on Monday to its border\nwith Belarus, the defence ministry said, as the crisis over the migrants\nstranded in the forest grew. The ministry said that no one had been hurt\nand that the soldiers would stay for as long as they were needed there.\n');
    const outputs = [
      run('latin1.txt'),
      run('other.txt'),
      run('other.txt', '--slug', 'poland-moves-troops-belarus-border', '--force'),
      run('wire.txt', '--force', '--replace'),
      run('nowhere.txt'),
      run('content'),
      run('wire.txt', '--slug', 'Not A Slug', '--stdout'),
      run('wire.txt', '--wrap', 'sideways'),
      run('My Text (final).txt'),
      run('shout.TXT'),
      run('Résumé (v2).TXT'),
      run('wire.txt', '--slug', '', '--stdout'),
      run('wire-again.txt'),
      run('wire-crlf.txt'),
      run('wire.txt', '--frce'),
      run('kept-only.txt'),
      run('image.txt'),
      run('data.txt'),
      run('nobom.txt'),
      run('page.txt'),
      run('lines.txt'),
    ].map(({ code, output }) => `${code}: ${output.trim()}`);
    for (const output of outputs) expect(output).not.toMatch(/^\s+at /mu);
    expect(outputs.join('\n\n')).toMatchInlineSnapshot(`
      "1: latin1.txt:3: the file is not valid UTF-8.
        Fix: convert it, e.g. iconv -f windows-1252 -t utf-8 latin1.txt > fixed.txt

      1: content/sources/other.txt already exists with other content.
        Fix: if this is a corrected copy of the same text, re-run with --force (the old copy is backed up); if it is another text, rename the file.

      1: content/articles/poland-moves-troops-belarus-border.mdx already exists and was made from another source, not other.txt.
        Fix: pass --slug <another-slug> for this text.

      2: --force keeps the editing and --replace discards it: give one of them.
        Fix: --force to re-import into the article keeping its work (what you want after a new rule).

      1: nowhere.txt: no such file.
        Fix: give the path of the plain-text source, relative to the project folder or absolute, e.g. npm run import -- ~/Downloads/report.txt

      1: content: not a file.
        Fix: give the path of the plain-text source file, not of a folder.

      1: wire.txt is already imported as content/articles/poland-moves-troops-belarus-border.mdx, not Not A Slug.
        Fix: drop --slug to re-import into content/articles/poland-moves-troops-belarus-border.mdx (with --force), or rename the new file if it is another text.

      2: --wrap must be auto, lines or wrapped, not "sideways".
        Fix: e.g. --wrap lines for a text with one paragraph per line.

      1: My Text (final).txt: the name holds characters a source's name may not (spaces, brackets, accents…).
        Fix: rename it with letters, digits, dots, hyphens and underscores and a lower-case .txt, e.g. mv "My Text (final).txt" "My-Text-final.txt"

      1: shout.TXT: the name ends in an upper-case .TXT.
        Fix: rename it with letters, digits, dots, hyphens and underscores and a lower-case .txt, e.g. mv "shout.TXT" "shout.txt"

      1: Résumé (v2).TXT: the name holds characters a source's name may not (spaces, brackets, accents…).
        Fix: rename it with letters, digits, dots, hyphens and underscores and a lower-case .txt, e.g. mv "Résumé (v2).TXT" "Resume-v2.txt"

      1: --slug is empty.
        Fix: give the slug the article should have, e.g. --slug poland-moves-troops-to-border, or leave --slug out.

      1: wire-again.txt is the same text as content/sources/wire.txt, imported as content/articles/poland-moves-troops-belarus-border.mdx.
        Fix: re-import that one (npm run import -- content/sources/wire.txt --force); a text is imported once.

      1: wire-crlf.txt is the same text as content/sources/wire.txt, imported as content/articles/poland-moves-troops-belarus-border.mdx.
        Fix: re-import that one (npm run import -- content/sources/wire.txt --force); a text is imported once.

      2: Unknown option '--frce'.
        Fix: did you mean --force? Usage: npm run import -- <file.txt> [options] (npm run import -- --help lists them)

      1: kept-only.txt: no such file.
        Fix: did you mean content/sources/kept-only.txt? Give the path of the plain-text source, relative to the project folder or absolute, e.g. npm run import -- ~/Downloads/report.txt

      1: image.txt: this is not a text file: it is a PNG image.
        Fix: open the document in the program that made it and save or export it as plain text (UTF-8, .txt), then import that file.

      1: data.txt: this is not a text file: it looks like binary data (11 % of its first bytes are control characters).
        Fix: open the document in the program that made it and save or export it as plain text (UTF-8, .txt), then import that file.

      1: nobom.txt: the file looks like UTF-16LE (every other byte is zero), not UTF-8.
        Fix: convert it, e.g. iconv -f utf-16le -t utf-8 nobom.txt > fixed.txt

      1: page.txt: this is a web page (it begins with <!DOCTYPE html>), not the plain text of the article.
        Fix: open the page in a browser, copy the article's words (its headline, dateline and paragraphs) into a plain-text file saved as UTF-8, and import that file.

      1: lines.txt:1: the text has a title but no body
        Fix: the first paragraph is read as the title; a text needs at least one more paragraph. The copy has no blank line between its paragraphs: put one after the title and after each paragraph, or, if each of its lines is a paragraph, import it with --wrap lines."
    `);
    expect(existsSync(join(site.dir, 'content/sources/My Text (final).txt'))).toBe(false);
    expect(existsSync(join(site.dir, 'content/articles/not-a-slug.mdx'))).toBe(false);
  });

  it('does nothing when npm took its options (`--` left out), and says how to write the command', () => {
    writeFileSync(join(site.dir, 'fresh.txt'), 'A fresh wire story\n\nIts only paragraph, which nobody has imported.\n');
    // As npm runs it: `npm run import fresh.txt --stdout` passes no --stdout and sets npm_config_stdout.
    const result = spawnSync('npm', ['run', '--silent', 'import', 'fresh.txt', '--stdout'], { cwd: site.dir, encoding: 'utf8', env: buildEnv({ CACHE_DIR: join(site.dir, '.cache') }), timeout: 60_000 });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain("npm took --stdout as its own option, not this command's: nothing was done.\n  Fix: put `--` after the script's name, so that npm passes the rest on: npm run import -- fresh.txt --stdout");
    expect(existsSync(join(site.dir, 'content/articles/fresh-wire-story.mdx'))).toBe(false);
    expect(existsSync(join(site.dir, 'content/sources/fresh.txt'))).toBe(false);
  });

  it('tells a flag npm took from one that reached the command, and one npm’s configuration sets', () => {
    const env = { npm_lifecycle_event: 'import', npm_config_stdout: 'true', npm_config_force: 'true', npm_config_replace_registry_host: 'never' };
    const flags = { stdout: { type: 'boolean' }, force: { type: 'boolean' }, replace: { type: 'boolean' } } as const;
    expect(swallowedByNpm(flags, env, ['fresh.txt', '--force'])).toEqual([{ name: 'stdout' }]);
    expect(swallowedByNpm(flags, { ...env, npm_lifecycle_event: undefined }, ['fresh.txt'])).toEqual([]);
    expect(swallowedByNpm(flags, { npm_lifecycle_event: 'import', npm_config_replace_registry_host: 'fresh.txt' }, [])).toEqual([{ name: 'replace' }]);
  });

  // What npm 11 sets, measured: `--slug=minsk` gives npm_config_slug=minsk; `--slug minsk` gives
  // "true" and passes "minsk" on as an argument; `--no-pieces` gives npm_config_pieces="".
  const IMPORT = { slug: { type: 'string' }, wrap: { type: 'string' }, 'no-pieces': { type: 'boolean' }, stdout: { type: 'boolean' } } as const;

  it('tells an option with a value and a negated switch npm took, which it once let through to write with the defaults', () => {
    const env = { npm_lifecycle_event: 'import' };
    expect(swallowedByNpm(IMPORT, { ...env, npm_config_slug: 'minsk-drills' }, ['fresh.txt'])).toEqual([{ name: 'slug', value: 'minsk-drills' }]);
    expect(swallowedByNpm(IMPORT, { ...env, npm_config_pieces: '' }, ['fresh.txt'])).toEqual([{ name: 'no-pieces' }]);
    expect(npmTook('import', IMPORT, 1, { ...env, npm_config_slug: 'minsk-drills' }, ['fresh.txt'])).toContain('npm run import -- fresh.txt --slug minsk-drills (if');
    expect(npmTook('import', IMPORT, 1, { ...env, npm_config_pieces: '' }, ['fresh.txt'])).toContain('npm run import -- fresh.txt --no-pieces (if');
  });

  it('gives an option back the word npm passed on for it, and names the words it cannot place', () => {
    const env = { npm_lifecycle_event: 'import' };
    expect(npmTook('import', IMPORT, 1, { ...env, npm_config_slug: 'true' }, ['fresh.txt', 'minsk-drills'])).toContain('npm run import -- fresh.txt --slug minsk-drills (if');
    expect(npmTook('import', IMPORT, 1, { ...env, npm_config_wrap: 'true', npm_config_stdout: 'true' }, ['fresh.txt', 'lines'])).toContain('npm run import -- fresh.txt --wrap lines --stdout (if');
    // Two values passed on: which is whose is not known, so the editor places them.
    const two = npmTook('import', IMPORT, 1, { ...env, npm_config_slug: 'true', npm_config_wrap: 'true' }, ['fresh.txt', 'lines', 'minsk']);
    expect(two).toContain('npm run import -- fresh.txt --slug <value> --wrap <value>, each <value> one of the words npm passed on as arguments (“lines”, “minsk”) (if');
  });

  it('writes the command out whole for a switch npm took, and leaves a value to the editor, from the options as parseArgs reads them', () => {
    const options = { date: { type: 'string' }, append: { type: 'boolean' }, help: { type: 'boolean' } } as const;
    const env = { npm_lifecycle_event: 'correction', npm_config_append: 'true' };
    expect(npmTook('correction', options, 1, env, ['note:x'])).toContain('npm run correction -- note:x --append (if');
    // npm kept no value of a string option it took with none after it: the editor writes it again.
    expect(npmTook('correction', options, 1, { ...env, npm_config_date: 'true' }, ['note:x'])).toContain('npm run correction -- note:x --date <value> --append (if');
    expect(npmTook('correction', options, 1, { npm_lifecycle_event: 'correction' }, ['note:x', '--append'])).toBeUndefined();
  });

  it('says that a UTF-16 file is UTF-16, with the conversion that keeps its text, not one from windows-1252', () => {
    const text = 'A title\n\nCafé au lait.\n';
    writeFileSync(join(site.dir, 'little.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(site.dir, 'big.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const outputs = [run('little.txt'), run('big.txt')].map(({ code, output }) => `${code}: ${output.trim()}`);
    expect(outputs.join('\n\n')).toMatchInlineSnapshot(`
      "1: little.txt: the file is UTF-16 (it begins with the byte-order mark FF FE), not UTF-8.
        Fix: convert it, e.g. iconv -f utf-16 -t utf-8 little.txt > fixed.txt

      1: big.txt: the file is UTF-16 (it begins with the byte-order mark FE FF), not UTF-8.
        Fix: convert it, e.g. iconv -f utf-16 -t utf-8 big.txt > fixed.txt"
    `);
    expect(existsSync(join(site.dir, 'content/sources/little.txt'))).toBe(false);
  });
});
