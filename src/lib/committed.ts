/**
 * The committed copy (the last commit's, HEAD) of one of the edition's ledgers, for the checks that
 * nothing recorded has left them: a published address is recorded once and kept for good, and a
 * hand-edit that takes a line out (or empties the file) would otherwise pass, then be made final by
 * the next `npm run ledger`.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

const copies = new Map<string, string | undefined>();

/**
 * `file`'s text as the last commit has it; undefined where the edition has no repository of its
 * own (a deploy's copy, a test's copy of the site, the bench's corpora inside this repository),
 * where git is missing, or where the file was never committed.
 */
export function committedCopy(root: string, file: string): string | undefined {
  const key = `${root}\0${file}`;
  if (copies.has(key)) return copies.get(key);
  let text: string | undefined;
  try {
    const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', timeout: 10_000 });
    if (top.status === 0 && realpathSync(top.stdout.trim()) === realpathSync(root)) {
      const show = spawnSync('git', ['show', `HEAD:${file}`], { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 512 * 1024 * 1024 });
      if (show.status === 0) text = show.stdout;
    }
  } catch {
    text = undefined;
  }
  copies.set(key, text);
  return text;
}

/** A list of what was dropped, for a message: the first few, and how many more. */
export function someOf(keys: readonly string[], shown = 5): string {
  return `${keys.slice(0, shown).map((key) => `\`${key}\``).join(', ')}${keys.length > shown ? ` and ${keys.length - shown} more` : ''}`;
}
