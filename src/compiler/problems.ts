/**
 * Content errors of one shape, wherever they are found (front matter, text, notes, glossary,
 * ledger): `file:line:column: what is wrong` and `Fix: the edit`, with "did you mean" where a near
 * name exists. The compiler gathers every problem of the edition and fails once, listing them all,
 * as an AstroError whose hint says how to recheck: never a stack trace into our code.
 */
import { AstroError } from 'astro/errors';
import { isAbsolute, relative, resolve } from 'node:path';

/** A problem in a content file. */
export interface Problem {
  /** The file, relative to the project, e.g. `content/articles/x.mdx`. */
  file: string;
  /** 1-based line and column, where known. */
  line?: number | undefined;
  column?: number | undefined;
  /** Stable id of the kind of problem, e.g. `unknown-note-kind`. */
  ruleId: string;
  /** What is wrong, as a sentence fragment. */
  reason: string;
  /** The edit that fixes it. */
  fix: string;
}

/**
 * The problem with its file named from the project's root, as the compiler names files: a plugin
 * names it from the working directory, which is the root in a build but not in every test or script.
 */
export function fromRoot(problem: Problem, root: string): Problem {
  const file = relative(root, resolve(problem.file));
  return file.startsWith('..') || isAbsolute(file) ? problem : { ...problem, file: file.split('\\').join('/') };
}

/** `content/articles/x.mdx:12:3` */
export function placeOf(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  return problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
}

/**
 * One problem as editors read it.
 *
 * @example formatProblem({ file: 'a.mdx', line: 3, column: 1, ruleId: 'x', reason: 'bad', fix: 'do y.' })
 * // 'a.mdx:3:1: bad [x]\n    Fix: do y.'
 */
export function formatProblem(problem: Problem): string {
  return `${placeOf(problem)}: ${problem.reason} [${problem.ruleId}]\n    Fix: ${problem.fix}`;
}

/** The hint every content error carries. */
export const CONTENT_HINT = 'Fix each error listed above, then run `npm run check` (a few seconds) until it passes.';

/** The edition's content errors, all of them, as one error. */
export class ContentErrors extends AstroError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const count = problems.length;
    super(`${count} content error${count === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`, CONTENT_HINT);
    this.name = 'ContentError';
    this.problems = problems;
    // The message says everything: a stack trace into the compiler would read like a crash, and
    // Astro prints none for an error without a stack.
    this.stack = '';
  }
}

/** The problems of an error thrown by a plugin's `failOnProblems` (src/plugins/content-errors.ts), if it is one. */
export function problemsOf(error: unknown): Problem[] | undefined {
  if (!(error instanceof Error) || error.name !== 'ContentError') return undefined;
  const problems = (error as Error & { problems?: Problem[] }).problems;
  return Array.isArray(problems) ? problems : undefined;
}
