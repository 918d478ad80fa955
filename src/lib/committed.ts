/**
 * The committed copy (the last commit's, HEAD) of one of the edition's ledgers, for the checks that
 * nothing recorded has left them: a published address is recorded once and kept for good, and a
 * hand-edit that takes a line out (or empties the file) would otherwise pass, then be made final by
 * the next `npm run ledger`. The comparison is with HEAD: a line taken out and committed passes
 * from then on, which a review of the commit's diff of the ledger shows.
 */
import { spawnSync } from 'node:child_process';

/** Texts by blob id: a ledger's committed copy is read once for each commit that changed it. */
const blobs = new Map<string, string | undefined>();

const git = (root: string, ...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 512 * 1024 * 1024 });

/**
 * `file` (relative to the edition's `root`) as the last commit has it; undefined where there is no
 * repository, git is missing, or the file was never committed (a deploy's copy without `.git`, the
 * bench's corpora, which the repository ignores). Asked anew each time, so that a commit, a
 * checkout or a reset in a long-running process (`astro dev`) is seen.
 */
export function committedCopy(root: string, file: string): string | undefined {
  try {
    const prefix = git(root, 'rev-parse', '--show-prefix');
    if (prefix.status !== 0) return undefined;
    const path = `${prefix.stdout.trim()}${file}`;
    const blob = git(root, 'rev-parse', '--verify', '--quiet', `HEAD:${path}`);
    if (blob.status !== 0) return undefined;
    const id = blob.stdout.trim();
    if (!blobs.has(id)) {
      const show = git(root, 'cat-file', 'blob', id);
      blobs.set(id, show.status === 0 ? show.stdout : undefined);
    }
    return blobs.get(id);
  } catch {
    return undefined;
  }
}

/**
 * The problem of a ledger that no longer records what its committed copy records: `dropped` the
 * paths of what was taken out, or undefined if the file itself is gone.
 */
/** `line`: where the first line taken out stood (its section's or its text's line in the file), if known. */
export function droppedProblem(file: string, what: { ledger: string; one: string; many: string }, dropped: readonly string[] | undefined, keep: string, line = 1): { file: string; line: number; column: number; ruleId: string; reason: string; fix: string } {
  const restore = `\`git checkout ${file}\` restores the committed file`;
  if (dropped === undefined) {
    return { file, line: 1, column: 1, ruleId: 'ledger-dropped', reason: `${what.ledger} is gone, but the last commit has it, with every ${what.one} the edition has published`, fix: `restore it (${restore}): ${keep}` };
  }
  return {
    file,
    line,
    column: 1,
    ruleId: 'ledger-dropped',
    reason: `${what.ledger} no longer records ${dropped.length === 1 ? `${/^[aeiou]/.test(what.one) ? 'an' : 'a'} ${what.one}` : `${dropped.length} ${what.many}`} that the last commit records: ${someOf(dropped)}`,
    fix: `put ${dropped.length === 1 ? 'it' : 'them'} back (\`git diff ${file}\` shows the lines taken out; ${restore}): ${keep}`,
  };
}

/** A list of what was dropped, for a message: the first few, and how many more. */
export function someOf(keys: readonly string[], shown = 5): string {
  return `${keys.slice(0, shown).map((key) => `\`${key}\``).join(', ')}${keys.length > shown ? ` and ${keys.length - shown} more` : ''}`;
}
