#!/usr/bin/env node
/**
 * npm run correction -- <item> [--date YYYY-MM-DD] [--commit <sha>] [--append]
 *
 * Prints the record of a correction's earlier wording, for content/corrections.yaml: the wording the
 * item had just before the commit that first gave it `updated` = the date (or, if that edit is not
 * committed yet, the wording at HEAD). `<item>` is `note:<id>`, `term:<id>` or `provenance:<slug>`;
 * the date defaults to the item's `updated` in the working tree. `--append` appends the record to
 * content/corrections.yaml instead of printing it (once: a record of the same item and day is not
 * appended twice); for an item corrected before, the earlier correction's `change`, which the new
 * one replaces in the item, is written into the earlier record. `--commit <sha>` names the commit that made the correction, for one recorded
 * before the item carried `updated` (the wording is read at its parent). A text's provenance corrected
 * with a better copy: the record also keeps the words each paragraph whose words changed was
 * published with (`paragraphs:`), which a second run adds to the day's record written before.
 *
 * Needs the repository's history (a shallow clone may not have the version before the correction);
 * the build itself reads only content/corrections.yaml.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { argsProblem, npmHint, npmTook } from './lib/args.ts';
import { addParagraphs, entryLines } from './lib/correction-record.ts';
import { nearest } from '../src/lib/suggest.ts';
import { readCorrectionRecords, wordingInSource } from '../src/compiler/check-corrections.ts';
import { ParseError } from '../src/compiler/parse.ts';
import { passageWordsIn } from '../src/compiler/read.ts';
import { PROVENANCE_ANCHOR } from '../src/lib/ids.ts';
import { committedCopy } from '../src/lib/committed.ts';
import { fingerprint, readLedgerAt, recut } from '../src/lib/ledger.ts';
import { CORRECTIONS_FILE, parseItem, squeeze } from '../src/lib/corrections.ts';
import { pastDayProblem } from '../src/lib/dates.ts';
import { eolOf, isEditorFile } from '../src/lib/files.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = 'npm run correction -- <note:id | term:id | provenance:slug> [--date YYYY-MM-DD] [--commit <sha>] [--append]';

function fail(message: string): never {
  console.error(`npm run correction: ${message}`);
  process.exit(1);
}

const HELP = `Records the wording a correction replaced, in ${CORRECTIONS_FILE} (README, "Recording a correction").

  Usage: ${USAGE}

  <note:id | term:id | provenance:slug>   the corrected item: a note, a glossary entry, an article's provenance
  --append             append the record to ${CORRECTIONS_FILE} (without it, print it)
  --date YYYY-MM-DD    the day of the correction (default: the item's \`updated\`)
  --commit <sha>       the commit that made the correction (default: found from git)
  -h, --help           show this help

  First make the correction and set the item's \`updated\` and \`change\`; then run this, then \`npm run check\`.
  A text's provenance corrected because a better copy replaced the one received: the record also keeps
  the published words of each paragraph the copy changed; run it again after changing more of them.`;

const OPTIONS = { date: { type: 'string' }, commit: { type: 'string' }, append: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function readArgs() {
  const took = npmTook('correction', OPTIONS, 1);
  if (took) {
    console.error(took);
    process.exit(2);
  }
  try {
    const read = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
    if (read.values.help) {
      console.log(HELP);
      process.exit(0);
    }
    return read;
  } catch (error) {
    // Node's own words name the option (`Unknown option '--apend'`, `Option '--date <value>' argument missing`).
    return fail(argsProblem(error, Object.keys(OPTIONS), USAGE));
  }
}
/**
 * The ids an item of `kind` may have, for a "did you mean": the notes' ids (read roughly from the
 * articles' `<Note` tags, as a suggestion needs no more), the glossary's files, the articles' slugs.
 */
function idsOf(kind: 'note' | 'term' | 'provenance'): string[] {
  const names = (dir: string, ext: string) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((n) => n.endsWith(ext) && !isEditorFile(n)).map((n) => n.slice(0, -ext.length)) : []);
  if (kind === 'term') return names('content/glossary', '.md');
  if (kind === 'provenance') return names('content/articles', '.mdx');
  return names('content/articles', '.mdx').flatMap((slug) =>
    [...readFileSync(join(root, 'content/articles', `${slug}.mdx`), 'utf8').matchAll(/<Note\b[^>]*?\sid\s*=\s*["']([^"']+)["']/g)].map((match) => match[1]!),
  );
}

/** ` Did you mean `note:x`?` for an id of `kind` near `id`, or the empty string. */
function meant(kind: 'note' | 'term' | 'provenance', id: string): string {
  const ids = idsOf(kind);
  const startingSo = ids.filter((candidate) => candidate.startsWith(id));
  const near = nearest(id, ids) ?? (startingSo.length === 1 ? startingSo[0] : undefined);
  return near === undefined ? '' : ` Did you mean \`${kind}:${near}\`?`;
}

const { values, positionals } = readArgs();
if (positionals.length > 1) fail(`one item at a time (given: ${positionals.join(', ')}).${npmHint('correction')}\n  Usage: ${USAGE}`);
const key = positionals[0];
const item = key ? parseItem(key) : undefined;
if (!key || !item) {
  // A bare id: say which kind of item has it.
  // …or an item written otherwise (`notes:x`, `Note:x`, an id with capitals): the item meant.
  const [written, rawId] = key?.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : [undefined, key];
  const id = rawId?.trim().toLowerCase() ?? '';
  const kinds = id ? (['note', 'term', 'provenance'] as const).filter((kind) => idsOf(kind).includes(id)) : [];
  const meant = written === undefined ? kinds : kinds.filter((kind) => nearest(written, [kind]) !== undefined || kinds.length === 1);
  const hint = meant.length > 0 ? `\n  Fix: ${meant.map((kind) => `npm run correction -- ${kind}:${id}`).join(', or ')}` : '\n  e.g. npm run correction -- note:white-red-white-flag-history';
  fail(`name the corrected item: note:<id>, term:<id> or provenance:<article slug>${key ? ` (not \`${key}\`)` : ''}.${hint}`);
}
for (const [name, value] of [['--date', values.date], ['--commit', values.commit]] as const) {
  if (value !== undefined && (value === '' || value.startsWith('--'))) fail(`${name} needs a value (given: \`${value}\`).\n  Usage: ${USAGE}`);
}

/** The item's wording in `source` of `file`, or a failure that names the file's MDX problem. */
function wordingIn(source: string, file: string): ReturnType<typeof wordingInSource> {
  try {
    return wordingInSource(key!, source);
  } catch (error) {
    if (error instanceof ParseError) fail(`${file}:${error.line}:${error.column}: ${error.reason}. Fix: ${error.fix} Then run this again.`);
    throw error;
  }
}

/** The file that holds the item: for a note, the article whose parsed notes include it (any spelling of its tag). */
function fileOf(): string {
  if (item!.kind === 'term') return `content/glossary/${item!.id}.md`;
  if (item!.kind === 'provenance') return `content/articles/${item!.id}.mdx`;
  // An article that does not parse is passed over (a draft being edited), and named only if the
  // note is in no other: it may be the one that holds it.
  const unread: string[] = [];
  for (const name of readdirSync(join(root, 'content/articles')).filter((n) => n.endsWith('.mdx') && !isEditorFile(n)).sort()) {
    const file = `content/articles/${name}`;
    if (!statSync(join(root, file), { throwIfNoEntry: false })?.isFile()) continue;
    const source = readFileSync(join(root, file), 'utf8');
    if (!source.includes(item!.id)) continue;
    try {
      if (wordingInSource(key!, source)) return file;
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      unread.push(`${file}:${error.line}:${error.column}: ${error.reason}`);
    }
  }
  return fail(
    `no article in content/articles/ has the note \`${item!.id}\`${unread.length > 0 ? `; ${unread.length === 1 ? 'this article does' : 'these articles do'} not parse, and may hold it:\n  ${unread.join('\n  ')}` : `.\n  Fix: give the id of its <Note id="…">.${meant('note', item!.id)}`}`,
  );
}

const file = fileOf();
if (!existsSync(join(root, file))) fail(`${file} does not exist.\n  Fix: give the ${item!.kind === 'term' ? 'glossary entry by its file name, without .md' : 'article by its slug, its file name without .mdx'}.${meant(item!.kind, item!.id)}`);
const now = wordingIn(readFileSync(join(root, file), 'utf8'), file);
if (!now) fail(`${file} does not have \`${key}\`.`);
const date = values.date ?? now.updated;
if (!date) fail(`\`${key}\` records no correction (no \`updated\`) in ${file}: add ${item!.kind === 'note' ? 'updated="YYYY-MM-DD" and change="…" to its <Note>' : '`updated: YYYY-MM-DD` and `change: …` to its front matter'} first, or give --date YYYY-MM-DD.`);
const dateProblem = pastDayProblem(date);
if (dateProblem) fail(`${values.date !== undefined ? '--date' : `the \`updated\` of \`${key}\` in ${file}`}: ${dateProblem}.`);
// A correction is made after the note was written: a record dated before it would be refused by the
// check, and a second run with the right date would leave it behind.
if (now.added && date < now.added) fail(`the correction's date, ${date}, is before \`${key}\` was added (${now.added}) in ${file}: set its \`updated\` to the day you corrected it, then run this again.`);

const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** The file as `version` has it (undefined: not in that commit), each version read from git once. */
const shown = new Map<string, string | undefined>();
const show = (version: string) => {
  if (!shown.has(version)) {
    try {
      shown.set(version, git('show', `${version}:${file}`));
    } catch {
      shown.set(version, undefined); // the file is not in that commit
    }
  }
  return shown.get(version);
};
const at = (commit: string) => {
  const source = show(commit);
  if (source === undefined) return undefined;
  try {
    return wordingInSource(key, source);
  } catch {
    return undefined; // that version did not parse: it cannot be the one the correction changed
  }
};

let named: string | undefined;
if (values.commit !== undefined) {
  try {
    named = git('rev-parse', '--verify', '--quiet', `${values.commit}^{commit}`).trim();
  } catch {
    fail(`--commit ${values.commit} is not a commit of this repository: give the hash of the commit that made the correction (git log --oneline -- ${file}).`);
  }
  // The commit that made the correction changed the item's words: the wording before it is what the record keeps.
  const made = at(named!);
  const earlier = at(`${named!}^`);
  if (!made || !earlier || made.wording === earlier.wording) {
    fail(`--commit ${values.commit} did not change the wording of \`${key}\` in ${file}, so the wording before it is not the one the correction replaced: give the commit that made the correction (git log --oneline -- ${file}), or leave out --commit.`);
  }
}

const recordPath = join(root, CORRECTIONS_FILE);
// A record gone from the working tree that the last commit has: a new one would start it again with
// this correction alone, and every earlier correction would leave /corrections/.
if (values.append && !existsSync(recordPath) && committedCopy(root, CORRECTIONS_FILE)?.trim()) {
  fail(`${CORRECTIONS_FILE} is gone, but the last commit has it, with every correction the edition has published: restore it (\`git checkout ${CORRECTIONS_FILE}\`), then run this again. Nothing was written.`);
}
let existing = existsSync(recordPath) ? readFileSync(recordPath, 'utf8') : '';
// Read as the check reads it, whatever its quoting, key order or line endings.
const recorded = values.append ? readCorrectionRecords(root) : undefined;
if (recorded && recorded.problems.length > 0) fail(`${CORRECTIONS_FILE} does not read (${recorded.problems[0]!.reason}): correct it before appending to it.`);

// The first commit in which the item carries this correction's date: the wording before it is the
// version in its parent. None: the correction is not committed yet, and HEAD has the earlier wording.
const commits = git('log', '--format=%H', '--reverse', '--', file).split('\n').filter(Boolean);
const first = named ?? commits.find((commit) => at(commit)?.updated === date);
const source = first ? `${first}^` : 'HEAD';

/**
 * A text's provenance corrected with a better copy: each paragraph whose words are no longer those
 * the anchor ledger recorded as published, with those published words, in the text's order. They
 * are read from the newest version of the file that has them (the one before the correction, then
 * back through its history); a paragraph no version has is named, for its words to be written by hand.
 * A published paragraph the copy left out (in the version before the correction, gone now) is kept
 * too, after those: the record is what /corrections/ shows of it.
 */
/** The anchor ledger, read once. */
const ledger = readLedgerAt(root);
/**
 * What the ledger records of the text that holds the item (not of a glossary entry): under its slug,
 * or under an old slug that redirects to it, for a text renamed since the ledger was recorded.
 */
const recordedText = (slug: string) => {
  const old = Object.entries(ledger?.redirects ?? {}).find(([, to]) => to === slug)?.[0];
  return { key: ledger?.articles[slug] ? slug : old ?? slug, anchors: ledger?.articles[slug] ?? (old ? ledger?.articles[old] : undefined) ?? {} };
};

function changedParagraphs(): { found: [string, string][]; unfound: string[] } {
  if (item!.kind !== 'provenance') return { found: [], unfound: [] };
  const { key: recordedUnder, anchors: published } = recordedText(item!.id);
  const current = passageWordsIn(root, file, readFileSync(join(root, file), 'utf8'));
  if (!current) console.warn(`${file} does not read as it is now (npm run check says why), so its paragraphs could not be compared with the words they were published with: the record keeps none of them.`);
  // A paragraph split in two, or two merged (the second's id aliased to the first), keeps its words
  // cut otherwise: not a change of the text, and shown as one its words would read as struck out.
  const aliases = ledger?.aliases[recordedUnder] ?? {};
  const mergedInto = (id: string) => new Set(Object.entries(aliases).flatMap(([from, to]) => (to === id && published[from] !== undefined ? [published[from]] : [])));
  const passages = [...(current ?? [])].map(([id, text]) => ({ id, text }));
  const changed = new Set(current ? [...current.keys()].filter((id) => published[id] !== undefined && fingerprint(current.get(id)!) !== published[id] && !recut(passages, id, published[id], mergedInto(id))) : []);
  // Each version's paragraphs, read once (the version before the correction is asked twice).
  const read = new Map<string, Map<string, string> | undefined>();
  const paragraphsAt = (version: string) => {
    if (!read.has(version)) {
      const text = show(version);
      read.set(version, text === undefined ? undefined : passageWordsIn(root, file, text));
    }
    return read.get(version);
  };
  const words = new Map<string, string>();
  // The version before the correction, then the ones before it, newest first (one after it cannot hold the published words).
  const upTo = first ? commits.indexOf(first) : -1;
  const older = (upTo >= 0 ? commits.slice(0, upTo) : commits).toReversed();
  for (const version of changed.size > 0 ? [source, ...older] : []) {
    for (const [id, passage] of paragraphsAt(version) ?? []) {
      if (changed.has(id) && !words.has(id) && fingerprint(passage) === published[id]) words.set(id, passage);
    }
    if (words.size === changed.size) break;
  }
  const found: [string, string][] = [...changed].filter((id) => words.has(id)).map((id) => [id, words.get(id)!]);
  if (current) {
    // Left out by this correction: in the version before it, in the words it was published with,
    // and not merged into a paragraph the text has now.
    for (const [id, passage] of paragraphsAt(source) ?? []) {
      const squeezed = squeeze(passage);
      if (!current.has(id) && fingerprint(passage) === published[id] && !passages.some((now) => squeeze(now.text).includes(squeezed))) found.push([id, passage]);
    }
  }
  return { found, unfound: [...changed].filter((id) => !words.has(id)) };
}
const { found: paragraphs, unfound } = changedParagraphs();
if (unfound.length > 0) {
  console.warn(
    `No version of ${file} in the repository's history has the words the anchor ledger records for ${unfound.map((id) => `#${id}`).join(', ')} (a shallow clone? \`git fetch --unshallow\`): ` +
      `write the words ${unfound.length === 1 ? 'it was' : 'they were'} published with under \`paragraphs:\` in the record by hand (the published page, or an archived copy of it, shows them).`,
  );
}

const sameDay = recorded?.records.find((record) => record.item === key && record.date === date);
if (sameDay) {
  // The record was written before the better copy changed these paragraphs (or before this command
  // kept a paragraph's words): their earlier words are added to it, nothing else of it is touched.
  const missing = paragraphs.filter(([id]) => sameDay.paragraphs?.[id] === undefined);
  if (missing.length > 0) {
    const index = recorded!.records.indexOf(sameDay);
    const added = addParagraphs(existing, index, missing);
    if ('problem' in added) {
      fail(
        `the record of \`${key}\` on ${date} (${CORRECTIONS_FILE}:${sameDay.line}) cannot be added to: ${added.problem}; nothing was written.\n` +
          `  Fix: add under its \`paragraphs:\` the words each paragraph was published with, by hand:\n${entryLines(missing, '    ').join('\n')}`,
      );
    }
    writeFileSync(recordPath, added.text);
    console.log(`Added the words ${missing.length === 1 ? 'one paragraph' : `${missing.length} paragraphs`} had before the better copy (${missing.map(([id]) => `#${id}`).join(', ')}, read from the repository's history) to the record of \`${key}\` on ${date}, ${CORRECTIONS_FILE}:${sameDay.line}. Run npm run check.`);
    process.exit(0);
  }
  if (values.append) {
    fail(
      `${CORRECTIONS_FILE} already records the correction of \`${key}\` on ${date}: nothing appended. Its record keeps the wording from before that day, ` +
        `and /corrections/ shows it beside the wording now; if you changed the item again today, make its \`change\` say what both edits changed and record its new wording with \`npm run ledger\` (or edit that record by hand if its wording is wrong).`,
    );
  }
}

const before = at(source);
if (!before) fail(`${file} at ${first ? `the commit before ${first.slice(0, 7)}` : 'HEAD'} does not have \`${key}\` (a shallow clone? fetch its history with \`git fetch --unshallow\`), so its earlier wording cannot be read: write it by hand in ${CORRECTIONS_FILE}.`);
if (before.updated && before.updated > date) fail(`\`${key}\` was corrected on ${before.updated}, after ${date}: a correction's date is the day it was made; set \`updated\` to today's date, then run this again.`);
if (!first && before.updated === date) fail(`no commit introduced the correction of ${date}, but HEAD already has it: give the date of the correction with --date, or write the earlier wording by hand.`);
if (before.wording === now.wording && !first) {
  // What the anchor ledger recorded as published (a note's or a provenance's words; a glossary
  // entry's fingerprint holds its name too, and is not compared): words that are still those need
  // no correction, and only a commit that changed the published words can have made this one.
  const published = item!.kind === 'term' ? undefined : recordedText(basename(file, '.mdx')).anchors[item!.kind === 'note' ? `note-${item!.id}` : PROVENANCE_ANCHOR];
  if (published !== undefined && fingerprint(now.wording) === published) {
    fail(
      `\`${key}\` reads as it was published (its fingerprint in content/anchors.yaml): there is no earlier wording to keep. Make the correction first, then run this` +
        (item!.kind === 'provenance' ? '; a better copy of the text is said in its provenance: say in `copy.from` where the better copy came from (and in `summary` or `defects` what it mends).' : '.'),
    );
  }
  // The new words may be committed already, \`updated\` added after: the commit that changed them is
  // the one the correction made (the latest such, of the file's last fifty commits), from the words published.
  const changedIn = [...commits].reverse().slice(0, 50).find((commit) => {
    const made = at(commit);
    const earlier = at(`${commit}^`);
    // (Not a commit that made an earlier correction, recorded already: its `updated` changed with its words.)
    return made !== undefined && earlier !== undefined && made.wording !== earlier.wording && made.updated === earlier.updated && (published === undefined || fingerprint(earlier.wording) === published);
  });
  const named = changedIn ? git('log', '-1', '--format=%h “%s”', changedIn).trim() : undefined;
  fail(
    `\`${key}\` has the same wording in the working tree as at HEAD: make the correction first, then run this` +
      (named ? `; if its new words are committed already (the last commit that changed them: ${named}), name that commit: npm run correction -- ${key} --commit ${changedIn!.slice(0, 7)}${values.append ? ' --append' : ''}.` : '.'),
  );
}

const record = [`- item: ${key}`, `  date: ${date}`, ...entryLines([['before', before.wording]], '  '), ...(paragraphs.length > 0 ? ['  paragraphs:', ...entryLines(paragraphs, '    ')] : []), ''].join('\n');
if (values.append) {
  // An item corrected before: its `change` now says what this correction changed, so what the
  // earlier one changed is kept in the earlier record (the check asks for it there).
  const earlier = before.updated && before.updated !== date ? recorded?.records.find((entry) => entry.item === key && entry.date === before.updated) : undefined;
  if (earlier && !earlier.change && before.change) {
    const lines = existing.split('\n');
    const dateLine = lines.findIndex((line, index) => index >= earlier.line - 1 && /^\s+date:/.test(line));
    if (dateLine >= 0) {
      // (A file with Windows line endings keeps them: its lines end in \r here.)
      lines.splice(dateLine + 1, 0, `${lines[dateLine]!.match(/^[ \t]+/)![0]}change: ${JSON.stringify(before.change)}${eolOf(existing) === '\r\n' ? '\r' : ''}`);
      existing = lines.join('\n');
      writeFileSync(recordPath, existing);
      console.log(`Kept what the correction of ${before.updated} changed (its \`change\`, now replaced in ${file}) in its record, ${CORRECTIONS_FILE}:${dateLine + 2}.`);
    }
  }
  // (In the file's own line endings.)
  const eol = eolOf(existing);
  appendFileSync(recordPath, `${existing === '' || existing.endsWith('\n') ? '' : eol}${record.replace(/\n/g, eol)}`);
  console.log(`Appended the wording of \`${key}\` before ${date} (from ${first ? `${first.slice(0, 7)}^` : 'HEAD'}) to ${CORRECTIONS_FILE}. Run npm run check.`);
} else {
  console.log(`# The wording of ${key} before its correction of ${date} (${file} at ${first ? `${first.slice(0, 7)}^` : 'HEAD'}):`);
  process.stdout.write(record);
}
