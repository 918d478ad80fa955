#!/usr/bin/env node
/**
 * npm run import -- <file.txt> [options]
 *
 * Turns a plain-text source into an MDX draft under content/articles/, keeping a verbatim copy of the
 * source under content/sources/. Re-imports (--force) merge into the existing article, keeping the
 * editor's work. A thin CLI over `importText` and `mergeImport` (src/lib/importer/), which do the work.
 */
import { access, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { argsProblem, npmHint, npmTook } from './lib/args.ts';
import { firstInvalidUtf8, foreignByteOrderMark, frontMatterProblem, utf16Order, formatProblem, ImportError, importText, mergeImport, mergeRuleSets, parseRules, type RuleSet } from '../src/lib/importer/index.ts';
import { isEditorFile } from '../src/lib/files.ts';

const root = resolve(import.meta.dirname, '..');
/** Where --replace and a changed raw copy leave what they replace (gitignored: see .gitignore). */
const BACKUPS = '.import-backups';
const usage = `Usage: npm run import -- <file.txt> [options]

Options:
  --slug <slug>        the article's slug (default: the article already made from this file,
                       else one made from the title)
  --wrap <mode>        auto | lines | wrapped: how line breaks are read (default: auto)
  --no-pieces          do not look for the pieces of a compilation
  --strip-controls     drop control, bidi and invisible characters (each is recorded) instead of stopping
  --another-text       import a file that holds nearly all the words of a text already imported
                       (a reprint with a preface of its own, a statement quoted whole) as a text
                       of its own, with a sentence or two of its own; without it such a file
                       is refused as a second copy (the same words, or a part of them, always)
  --stdout             print the MDX that would be written, and write nothing
  --force              re-import into the existing article (after a new rule or a corrected raw
                       copy): keeps its front matter, notes, passages, ids and publication state;
                       stops, writing nothing, if anything can no longer be placed; the old file
                       is first copied to ${BACKUPS}/
  --replace            start the article again from a fresh draft, discarding its editing; the
                       old file is first copied to ${BACKUPS}/
  -h, --help           show this help`;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function loadRules(stem: string): Promise<RuleSet> {
  const dir = join(root, 'content/import-rules');
  const sets: RuleSet[] = [];
  for (const [name, own] of [['shared.yaml', false], [`${stem}.yaml`, true]] as const) {
    const path = join(dir, name);
    if (!(await exists(path))) continue;
    sets.push(parseRules(await readFile(path, 'utf8'), relative(root, path), own));
  }
  return mergeRuleSets(...sets);
}

/** The articles already made from source `name`, by their `copy.source`. */
async function articlesFrom(name: string): Promise<string[]> {
  const dir = join(root, 'content/articles');
  const found: string[] = [];
  // An editor's lock or swap file (`.#x.mdx`), or a folder so named, is no article: `npm run check` names the latter.
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.mdx') && !isEditorFile(f)).sort()) {
    if (!(await stat(join(dir, file)).catch(() => undefined))?.isFile()) continue;
    const head = (await readFile(join(dir, file), 'utf8')).split('\n---\n', 1)[0]!;
    if (new RegExp(`^  source: ["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?$`, 'mu').test(head)) found.push(file.slice(0, -'.mdx'.length));
  }
  return found;
}

/**
 * A text as compared with the kept copies: without a byte-order mark, line endings as `\n`, no spaces
 * at the ends of lines and no blank lines at its end. A copy saved again by an editor (Windows line
 * endings, a newline added at the end) is the same text.
 */
function comparable(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
}

/**
 * A text's letters and digits alone, lower-cased: its spaces, line breaks and punctuation left out
 * (a copy wrapped at a width cuts a long address or word in two).
 */
function wordsOf(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('');
}

/**
 * Letters and digits a file must have of its own, beyond another text's whole, to be imported as a
 * text of its own with `--another-text` (a sentence or two: more than a note of where it was copied from or a byline).
 */
const OWN_WORDS = 100;

/** A text's runs of five words, lower-cased, each once: what two copies of one text share however a few lines differ. */
function shinglesOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs = new Set<string>();
  for (let at = 0; at + 5 <= words.length; at++) runs.add(words.slice(at, at + 5).join(' '));
  return runs;
}

/** Runs of words a file must have for {@link sameCopy} to compare it run by run: some three sentences. */
const MIN_RUNS = 40;

/**
 * The name of a kept raw copy of the same text, other than `name`, if there is one: the same
 * (`comparable`), or the same words however wrapped, spaced or punctuated, or nearly all of this
 * file's runs of five words in it (this file is that text with a few lines added, dropped or
 * changed, an advertisement's line among them, or a part of it), or nearly all of its runs in this
 * file (this file holds it). `own`: how many letters and digits this file has beyond the other's
 * (none when it is the shorter).
 */
async function sameCopy(buffer: Buffer, name: string): Promise<{ file: string; exact: boolean; own: number } | undefined> {
  const dir = join(root, 'content/sources');
  const text = comparable(buffer.toString('utf8'));
  const words = wordsOf(text);
  const runs = shinglesOf(text);
  let near: { file: string; exact: false; own: number } | undefined;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.txt') && f !== name && !isEditorFile(f)).sort()) {
    const path = join(dir, file);
    const bytes = await readFile(path);
    const kept = bytes.toString('utf8');
    if (bytes.equals(buffer) || comparable(kept) === text) return { file, exact: true, own: 0 };
    const other = wordsOf(kept);
    // Every kept copy is looked at: the one this file holds with the fewest words of its own is the one to name.
    let found: number | undefined;
    // The same words spaced, wrapped or punctuated otherwise (a better copy may restore punctuation), at any length.
    if (words.length > 0 && other === words) found = 0;
    else if (runs.size >= MIN_RUNS) {
      const keptRuns = shinglesOf(kept);
      let shared = 0;
      for (const run of runs) if (keptRuns.has(run)) shared++;
      // This file is that text, a few lines otherwise, or a part of it: half of it or more, or its
      // beginning (a copy cut short); or it holds that text nearly whole. A shorter passage from its
      // middle is not taken for it: a statement that a report quotes whole is a text of its own.
      const inside = shared >= 0.9 * runs.size && (runs.size >= 0.5 * keptRuns.size || [...keptRuns].slice(0, 5).includes([...runs][0]!));
      if (inside || (keptRuns.size >= MIN_RUNS && shared >= 0.9 * keptRuns.size)) found = Math.max(0, words.length - other.length);
    }
    if (found !== undefined && (!near || found < near.own)) near = { file, exact: false, own: found };
  }
  return near;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Copies `path` to the backups folder and returns the copy's path, relative to the root. A backup is
 * never overwritten: a second one in the same second gets `-2`, `-3`… after the time.
 */
async function backup(path: string, name: string, when: Date): Promise<string> {
  const dir = join(root, BACKUPS);
  await mkdir(dir, { recursive: true });
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const target = join(dir, `${name.slice(0, dot)}.${stamp(when)}${n > 1 ? `-${n}` : ''}${name.slice(dot)}`);
    try {
      await copyFile(path, target, constants.COPYFILE_EXCL);
      return relative(root, target);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}

/** File formats a source is sometimes saved in by mistake, by their first bytes. */
const MAGIC: readonly [string, Buffer][] = [
  ['is a PDF document', Buffer.from('%PDF-')],
  ['is a Word document or another zip archive (.docx, .odt, .zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  ['is an old Word or Office document (.doc)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
  ['is a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['is a JPEG image', Buffer.from([0xff, 0xd8, 0xff])],
  ['is a GIF image', Buffer.from('GIF8')],
  ['is a program (ELF)', Buffer.from([0x7f, 0x45, 0x4c, 0x46])],
  ['is a gzip archive', Buffer.from([0x1f, 0x8b])],
];

/**
 * What a file that is not text is, or undefined for a text (asked after {@link utf16Order}, whose
 * zero bytes would count here): a known format by its first bytes, or
 * data in which more than a tenth of the first 8 KB are control bytes (a text, even one with a
 * stray control character, which the importer lists, has almost none).
 */
function binaryKind(buffer: Buffer): string | undefined {
  for (const [kind, magic] of MAGIC) if (buffer.subarray(0, magic.length).equals(magic)) return kind;
  const head = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  return head.length > 0 && control / head.length > 0.1 ? `looks like binary data (${Math.round((100 * control) / head.length)} % of its first bytes are control characters)` : undefined;
}

function fail(message: string, fix: string): number {
  console.error(`${message}\n  Fix: ${fix}`);
  return 1;
}

/** The importer's options (`npm run import -- --help` describes them). */
const OPTIONS = {
  slug: { type: 'string' },
  wrap: { type: 'string', default: 'auto' },
  'no-pieces': { type: 'boolean', default: false },
  'strip-controls': { type: 'boolean', default: false },
  'another-text': { type: 'boolean', default: false },
  stdout: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(): Promise<number> {
  // `npm run import file.txt --stdout` (no `--`) reaches here without --stdout, and would write.
  const took = npmTook('import', OPTIONS, 1);
  if (took) {
    console.error(took);
    return 2;
  }
  const { values, positionals } = parseArgs({ allowPositionals: true, options: OPTIONS });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) {
    console.error(`${input ? `Give one file at a time.${npmHint('import')}` : 'Which file? Give the path of a .txt source.'}\n\n${usage}`);
    return 2;
  }
  const wrap = values.wrap;
  if (wrap !== 'auto' && wrap !== 'lines' && wrap !== 'wrapped') {
    console.error(`--wrap must be auto, lines or wrapped, not "${wrap}".\n  Fix: e.g. --wrap lines for a text with one paragraph per line.`);
    return 2;
  }
  if (values.force && values.replace) {
    console.error('--force keeps the editing and --replace discards it: give one of them.\n  Fix: --force to re-import into the article keeping its work (what you want after a new rule).');
    return 2;
  }
  const source = resolve(process.cwd(), input);
  if (!(await exists(source))) {
    // A source already kept in the edition, named without its folder (as it is in an article's `copy.source`).
    const kept = join('content/sources', basename(input));
    const meant = input !== kept && (await exists(join(root, kept))) ? `did you mean ${kept}? Give ` : 'give ';
    return fail(`${input}: no such file.`, `${meant}the path of the plain-text source, relative to the project folder or absolute, e.g. npm run import -- ~/Downloads/report.txt`);
  }
  const name = basename(source);
  if (!(await stat(source)).isFile()) {
    return fail(`${input}: not a file.`, 'give the path of the plain-text source file, not of a folder.');
  }
  if (!/\.txt$/i.test(name)) {
    return fail(`${input}: the importer reads plain-text sources ending in .txt.`, 'save the text as UTF-8 plain text with a .txt name.');
  }
  // The name is kept in content/sources/ and in the article's copy.source, which takes letters,
  // digits, dots, hyphens and underscores, and a lower-case .txt: a name the build would refuse is
  // refused here, with the one name that fixes everything wrong with it.
  if (!/^[\w.-]+\.txt$/.test(name)) {
    const stem = name.replace(/\.txt$/i, '');
    const suggested = `${stem.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'source'}.txt`;
    const reason = /^[\w.-]+$/.test(stem) ? 'ends in an upper-case .TXT' : "holds characters a source's name may not (spaces, brackets, accents…)";
    return fail(`${input}: the name ${reason}.`, `rename it with letters, digits, dots, hyphens and underscores and a lower-case .txt, e.g. mv "${input}" "${join(dirname(input), suggested)}"`);
  }
  if (values.slug !== undefined && values.slug.trim() === '') {
    return fail('--slug is empty.', 'give the slug the article should have, e.g. --slug poland-moves-troops-to-border, or leave --slug out.');
  }
  const buffer = await readFile(source);
  const mark = foreignByteOrderMark(buffer);
  if (mark) {
    return fail(`${input}: the file is ${mark.encoding.toUpperCase()} (it begins with the byte-order mark ${mark.mark}), not UTF-8.`, `convert it, e.g. iconv -f ${mark.encoding} -t utf-8 ${input} > fixed.txt`);
  }
  // UTF-16 without a byte-order mark is half zero bytes: named, with its conversion, not taken for binary.
  const order = utf16Order(buffer.subarray(0, 8192));
  if (order) {
    return fail(`${input}: the file looks like ${order.toUpperCase()} (every other byte is zero), not UTF-8.`, `convert it, e.g. iconv -f ${order} -t utf-8 ${input} > fixed.txt`);
  }
  const binary = binaryKind(buffer);
  if (binary) {
    return fail(`${input}: this is not a text file: it ${binary}.`, 'open the document in the program that made it and save or export it as plain text (UTF-8, .txt), then import that file.');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  const bad = firstInvalidUtf8(buffer);
  if (bad !== undefined) {
    const line = new TextDecoder('utf-8').decode(buffer.subarray(0, bad)).split('\n').length;
    return fail(`${input}:${line}: the file is not valid UTF-8.`, `convert it, e.g. iconv -f windows-1252 -t utf-8 ${input} > fixed.txt`);
  }
  // A web page saved under a .txt name: its markup would be imported as the text (its title “<!DOCTYPE html>”).
  const page = /^\uFEFF?\s*(<!doctype html[^>]*>|<html\b[^>]*>)/i.exec(text);
  if (page) {
    return fail(
      `${input}: this is a web page (it begins with ${page[1]!.slice(0, 40)}), not the plain text of the article.`,
      "open the page in a browser, copy the article's words (its headline, dateline and paragraphs) into a plain-text file saved as UTF-8, and import that file.",
    );
  }

  // A re-import goes into the article made from this file, whatever its title now makes.
  const made = await articlesFrom(name);
  // The same text under another name would be published twice.
  if (made.length === 0) {
    const same = await sameCopy(buffer, name);
    // (The editor says this is a text of its own: a file with the same words, or a part of them, is still the same text.)
    if (same && !same.exact && values['another-text'] && same.own < OWN_WORDS) {
      return fail(
        `${input}: --another-text imports a text that holds another's words and words of its own, but ${same.own === 0 ? `every word of this file is in content/sources/${same.file} (it is that text, or a part of it)` : `this file has only ${same.own} letters of its own beyond the words of content/sources/${same.file}`}.`,
        `a text is imported once: if this is a better copy of it, put it in the place of that one (cp "${input}" content/sources/${same.file}) and re-import it with --force; --another-text is for another text that quotes this one whole and says something of its own besides (a reprint with a preface, a statement quoted in a report), as received.`,
      );
    }
    if (same && (same.exact || !values['another-text'])) {
      const twin = same.file;
      const from = await articlesFrom(twin);
      const imported = from[0] ? `, imported as content/articles/${from[0]}.mdx` : '';
      if (same.exact) {
        return fail(
          `${input} is the same text as content/sources/${twin}${imported}.`,
          `re-import that one (npm run import -- content/sources/${twin}${from[0] ? ' --force' : ''}); a text is imported once.`,
        );
      }
      return fail(
        `${input} has the words of content/sources/${twin}${imported}, wrapped otherwise, with a few lines more, fewer or changed, or a part of them: it is the same text.`,
        `a text is imported once. If this is a better copy of it, put it in the place of that one (cp "${input}" content/sources/${twin}) and re-import it (npm run import -- content/sources/${twin}${from[0] ? ' --force' : ''}), which backs the article up; a published text's words then change only with a correction of its provenance.${same.own >= OWN_WORDS ? ` If it is another text that holds nearly all of that one's words (a reprint with a preface of its own, a statement quoted whole), import it with --another-text.` : ''}`,
      );
    }
  }
  if (values.slug && made.length > 0 && !made.includes(values.slug)) {
    return fail(
      `${name} is already imported as content/articles/${made[0]}.mdx, not ${values.slug}.`,
      `drop --slug to re-import into content/articles/${made[0]}.mdx (with --force), or rename the new file if it is another text.`,
    );
  }
  const stem = name.slice(0, -'.txt'.length);
  // The editor chose to strip control characters when the article was made; a re-import keeps to it.
  const prior = made[0] && values.force ? await readFile(join(root, 'content/articles', `${made[0]}.mdx`), 'utf8') : '';
  const stripAgain = !values['strip-controls'] && /^ {2}- rule: control-characters$/mu.test(prior.split('\n---\n', 1)[0]!);
  if (stripAgain) console.log(`Stripping control and invisible characters again, as content/articles/${made[0]}.mdx records.`);
  const result = importText(text, {
    sourceFile: name,
    rules: await loadRules(stem),
    wrap,
    pieces: !values['no-pieces'],
    controls: values['strip-controls'] || stripAgain ? 'strip' : 'error',
    ...(values.slug ? { slug: values.slug } : made[0] ? { slug: made[0] } : {}),
  });
  const target = join(root, 'content/articles', `${result.slug}.mdx`);
  const targetName = relative(root, target);
  const existing = (await exists(target)) ? await readFile(target, 'utf8') : undefined;
  if (existing !== undefined && made.length === 0) {
    // A file whose front matter does not read says nothing of its source: it is broken, not another text's.
    // (The re-import's own reading of it, with what is wrong and the fix: src/lib/importer/merge.ts.)
    const broken = frontMatterProblem(existing, targetName);
    const unread = broken !== undefined;
    if (broken && !values.replace) {
      return fail(`${targetName} already exists, and cannot be told which source it was made from: ${broken.message}.`, broken.fix);
    }
    if (!unread) return fail(`${targetName} already exists and was made from another source, not ${name}.`, 'pass --slug <another-slug> for this text.');
  }

  const copy = join(root, 'content/sources', name);
  const copyChanged = resolve(copy) !== source && (await exists(copy)) && !(await readFile(copy)).equals(buffer);
  if (copyChanged && !values.force && !values.replace) {
    return fail(
      `content/sources/${name} already exists with other content.`,
      'if this is a corrected copy of the same text, re-run with --force (the old copy is backed up); if it is another text, rename the file.',
    );
  }

  let mdx = result.mdx;
  let report = result.report;
  let verb = 'Imported';
  if (existing !== undefined && values.force) {
    const merged = mergeImport(existing, result, { file: targetName });
    if (!merged.ok) {
      for (const problem of merged.problems) console.error(formatProblem(problem));
      const n = merged.problems.length;
      console.error(`\n${n} thing${n === 1 ? '' : 's'} of the editor's could not be placed in the re-imported text. Nothing was written.\n  Fix: deal with each as its Fix says and re-run; or, to start again from a fresh draft, --replace (the article is backed up first).`);
      return 1;
    }
    mdx = merged.mdx;
    report = merged.report;
    verb = 'Re-imported';
  } else if (existing !== undefined && !values.replace) {
    const published = !/^draft: true$/mu.test(existing.split('\n---\n', 1)[0]!);
    return fail(
      `${targetName} already exists (${published ? 'published' : 'a draft'}) and may hold finished editing.`,
      `re-run with --force to re-import into it, keeping its front matter, notes, passages, ids and ${published ? 'published' : 'draft'} state; --replace starts again from a fresh draft (a backup is written first).`,
    );
  }
  if (values.stdout) {
    process.stdout.write(mdx);
    return 0;
  }

  const now = new Date();
  if (existing !== undefined && values.replace) {
    console.log(`Backed up ${targetName} → ${await backup(target, `${result.slug}.mdx`, now)}`);
    verb = 'Replaced';
  } else if (existing !== undefined && mdx !== existing) {
    // A re-import keeps the editor's work, but it rewrites the file: the article as it was, edits
    // not yet committed included, is kept where the editor can take back anything it changed.
    console.log(`Backed up ${targetName} → ${await backup(target, `${result.slug}.mdx`, now)}`);
  }
  if (copyChanged) console.log(`Backed up content/sources/${name} → ${await backup(copy, name, now)}`);
  if (resolve(copy) !== source) await copyFile(source, copy);
  // Written beside the article and moved over it in one step: a second import, the dev server or an
  // editor reading it at that moment sees the old article or the new one, never half of one.
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(partial, mdx);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  console.log(`${verb} ${name} → ${targetName}`);
  for (const line of report) console.log(`  ${line}`);
  console.log(`
Next: ${verb === 'Re-imported' ? 'read the diff (git diff content/), then' : 'finish the draft by hand (the todo list in its front matter), then'}
  npm run check     everything the build checks, in seconds: run it after each edit
  npm run dev       read it at http://localhost:4321/articles/${result.slug}/ (drafts show in dev only, with what to annotate next)
${verb === 'Re-imported' ? 'and commit.' : `  npm run suggest -- ${result.slug}   what to annotate next
and publish: delete "draft: true" and the empty todo list, \`npm run check\`, \`npm run ledger\` (records the new anchors), commit.`}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      console.error(error.message);
      process.exit(1);
    }
    const { code, path } = error as { code?: string; path?: string };
    if (code?.startsWith('ERR_PARSE_ARGS_')) {
      console.error(argsProblem(error, Object.keys(OPTIONS), 'npm run import -- <file.txt> [options] (npm run import -- --help lists them)'));
      process.exit(2);
    }
    if (code) {
      // A file the importer could not read or write: say which, without a stack trace.
      console.error(`${path ? `${relative(root, path) || path}: ` : ''}${(error as Error).message}\n  Fix: check that the file exists and that you may read it, and write under content/.`);
      process.exit(1);
    }
    // Not a content error but a defect of the importer: the stack trace is what its fix needs.
    console.error(`The importer failed unexpectedly: ${(error as Error).message}\n  Fix: this is a bug in the importer; report it with the command line and the source file (DEBUG=1 prints the stack trace).`);
    if (process.env['DEBUG']) console.error(error);
    process.exit(70);
  },
);
