#!/usr/bin/env node
/**
 * npm run correction -- <item> [--date YYYY-MM-DD] [--commit <sha>] [--append]
 *
 * Prints the record of a correction's earlier wording, for content/corrections.yaml: the wording the
 * item had just before the commit that first gave it `updated` = the date (or, if that edit is not
 * committed yet, the wording at HEAD). `<item>` is `note:<id>`, `term:<id>` or `provenance:<slug>`;
 * the date defaults to the item's `updated` in the working tree. `--append` appends the record to
 * content/corrections.yaml instead of printing it. `--commit <sha>` names the commit that made the
 * correction, for one recorded before the item carried `updated` (the wording is read at its parent).
 *
 * Needs the repository's history (a shallow clone may not have the version before the correction);
 * the build itself reads only content/corrections.yaml.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wordingInSource } from '../src/compiler/check-corrections.ts';
import { CORRECTIONS_FILE, parseItem } from '../src/lib/corrections.ts';

const root = resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`npm run correction: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const key = args.find((arg, index) => !arg.startsWith('--') && !['--date', '--commit'].includes(args[index - 1] ?? ''));
const dateIndex = args.indexOf('--date');
const commitIndex = args.indexOf('--commit');
const named = commitIndex >= 0 ? args[commitIndex + 1] : undefined;
const append = args.includes('--append');
const item = key ? parseItem(key) : undefined;
if (!key || !item) fail(`name the corrected item: note:<id>, term:<id> or provenance:<article slug>${key ? ` (not \`${key}\`)` : ''}.\n  e.g. npm run correction -- note:white-red-white-flag-history`);

/** The file that holds the item. */
function fileOf(): string {
  if (item!.kind === 'term') return `content/glossary/${item!.id}.md`;
  if (item!.kind === 'provenance') return `content/articles/${item!.id}.mdx`;
  for (const name of readdirSync(join(root, 'content/articles')).filter((n) => n.endsWith('.mdx')).sort()) {
    const file = `content/articles/${name}`;
    if (readFileSync(join(root, file), 'utf8').includes(`id="${item!.id}"`) && wordingInSource(key!, readFileSync(join(root, file), 'utf8'))) return file;
  }
  return fail(`no article in content/articles/ has the note \`${item!.id}\`.`);
}

const file = fileOf();
if (!existsSync(join(root, file))) fail(`${file} does not exist.`);
const now = wordingInSource(key, readFileSync(join(root, file), 'utf8'));
if (!now) fail(`${file} does not have \`${key}\`.`);
const date = dateIndex >= 0 ? args[dateIndex + 1] : now.updated;
if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`\`${key}\` records no correction (no \`updated\`) in ${file}: add updated="YYYY-MM-DD" and change="…" first, or give --date YYYY-MM-DD.`);

const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const at = (commit: string) => {
  try {
    return wordingInSource(key, git('show', `${commit}:${file}`));
  } catch {
    return undefined; // the file is not in that commit
  }
};

// The first commit in which the item carries this correction's date: the wording before it is the
// version in its parent. None: the correction is not committed yet, and HEAD has the earlier wording.
const commits = git('log', '--format=%H', '--reverse', '--', file).split('\n').filter(Boolean);
const first = named ? git('rev-parse', '--verify', `${named}^{commit}`).trim() : commits.find((commit) => at(commit)?.updated === date);
const source = first ? `${first}^` : 'HEAD';
const before = at(source);
if (!before) fail(`${file} at ${first ? `the commit before ${first.slice(0, 7)}` : 'HEAD'} does not have \`${key}\` (a shallow clone? fetch its history with \`git fetch --unshallow\`), so its earlier wording cannot be read: write it by hand in ${CORRECTIONS_FILE}.`);
if (!first && before.updated === date) fail(`no commit introduced the correction of ${date}, but HEAD already has it: give the date of the correction with --date, or write the earlier wording by hand.`);
if (before.wording === now.wording && !first) fail(`\`${key}\` has the same wording in the working tree as at HEAD: make the correction first, then run this.`);

const record = `- item: ${key}\n  date: ${date}\n  before: |\n${before.wording.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n`;
if (append) {
  const path = join(root, CORRECTIONS_FILE);
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  appendFileSync(path, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${record}`);
  console.log(`Appended the wording of \`${key}\` before ${date} (from ${first ? `${first.slice(0, 7)}^` : 'HEAD'}) to ${CORRECTIONS_FILE}. Run npm run check.`);
} else {
  console.log(`# The wording of ${key} before its correction of ${date} (${file} at ${first ? `${first.slice(0, 7)}^` : 'HEAD'}):`);
  process.stdout.write(record);
}
