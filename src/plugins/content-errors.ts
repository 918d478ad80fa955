import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { relative } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Problem } from '../compiler/problems.ts';

/** A problem in a content file, with its place and a fix. */
export interface ContentProblem {
  /** What is wrong, as a sentence fragment. */
  reason: string;
  /** What to do about it. */
  fix: string;
  /** Where in the file. */
  place?: Position | undefined;
  /** Stable id of the kind of problem, e.g. `missing-passage-id`. */
  ruleId: string;
}

/** The file's path relative to the project, as editors see it. */
export function displayPath(file: VFile): string {
  const path = file.history[0] ?? file.path ?? '<unknown file>';
  return relative(process.cwd(), path) || path;
}

/** `content/articles/x.mdx:12:3` */
export function formatPlace(file: VFile, place: Position | undefined): string {
  const start = place?.start;
  return start ? `${displayPath(file)}:${start.line}:${start.column}` : displayPath(file);
}

/**
 * Records every problem on the file (as remark-validate-links does, through `file.message`) and then
 * fails the build with one error that lists them all, each with file, line, what and how to fix.
 * A build with content errors never succeeds, and an editor sees every error at once.
 */
export function failOnProblems(file: VFile, source: string, problems: readonly ContentProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((problem) => {
    file.message(problem.reason, { place: problem.place, ruleId: problem.ruleId, source });
    return `${formatPlace(file, problem.place)}: ${problem.reason} [${problem.ruleId}]\n    Fix: ${problem.fix}`;
  });
  const error = new Error(
    `${problems.length} content error${problems.length === 1 ? '' : 's'} in ${displayPath(file)}:\n${lines.join('\n')}`,
  ) as Error & { problems: Problem[] };
  error.name = 'ContentError';
  // The compiler gathers these from every file and reports them together (src/compiler/problems.ts).
  error.problems = problems.map((problem) => ({
    file: displayPath(file),
    line: problem.place?.start.line,
    column: problem.place?.start.column,
    ruleId: problem.ruleId,
    reason: problem.reason,
    fix: problem.fix,
  }));
  throw error;
}

/**
 * The position of the first line of the file on disk that contains `needle` (front matter is not
 * part of the tree, so problems found in it are placed by searching the file).
 */
export function findLine(file: VFile, needle: string): Position | undefined {
  const path = file.history[0];
  if (!path) return undefined;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const index = source.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) return undefined;
  return { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 1 } };
}
