/**
 * A cold compile in child processes, one per core: the files are parsed into facts, then the
 * articles rendered, each process taking every n-th file (src/compiler/index.ts, `Share`), into the
 * compiler's cache on disk; the build's own compile then reads them from it, as after any build.
 *
 * Two reasons. The work is the build's largest before Astro renders a page (at 1,000 texts 17 s
 * on one core) and splits without a lock: every result is a file of the cache. And the parser
 * (Sätteri's `mdxToMdast`, a native module) never gives back about 100 KB outside the JavaScript
 * heap for every file it parses (its `serializeHandle`; measured with Sätteri 0.10.5 and 0.11.7:
 * 10,000 parses of our texts, 1 GB more resident, the heap unchanged). Worker threads did not
 * help: the memory stayed with the process when they ended (1.9 GB at 5,000 texts, carried into
 * the rendering of every page). A child process's goes back to the system when it exits.
 *
 * Used when at least {@link WORKERS_FROM} files are new to the cache; an edit or a build from the
 * cache compiles in the build's process, where it takes a second or two. A process that fails
 * leaves its share to the build's compile, which does it and reports any problem of the content.
 */
import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { filesToParse, type CompileOptions, type Share } from './index.ts';

/** Files new to the cache from which a compile is done in workers. */
export const WORKERS_FROM = 200;

/** What the workers did, for the build's log. */
export interface WorkersReport {
  workers: number;
  files: number;
  ms: number;
  /** A worker that stopped on something other than the content's own problems. */
  failures: string[];
}

function runShare(options: CompileOptions, share: Share): Promise<string | undefined> {
  return new Promise((done) => {
    // The heap limit the build runs with (scripts/build.ts) holds for its compile too; no other
    // flag of the parent (a test runner's loaders) is the compile's business.
    const execArgv = process.execArgv.filter((flag) => flag.startsWith('--max-old-space-size'));
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let failure: string | undefined;
    child.on('message', (message: { failure?: string }) => (failure = message.failure));
    child.on('error', (error) => (failure = error.message));
    child.on('exit', (code, signal) => done(failure ?? (code === 0 ? undefined : `exit ${signal ?? `code ${code}`}`)));
    child.send({ options, share });
  });
}

/**
 * Compiles into the cache in workers when many files are new to it (see above); `undefined` when
 * it was not worth it. `threads` defaults to the machine's cores.
 */
export async function compileInWorkers(options: CompileOptions, threads = availableParallelism(), from = WORKERS_FROM): Promise<WorkersReport | undefined> {
  const files = filesToParse(options);
  if (threads < 2 || files < from) return undefined;
  const started = performance.now();
  const failures: string[] = [];
  for (const stage of ['read', 'render'] as const) {
    const results = await Promise.all(Array.from({ length: threads }, (_, part) => runShare(options, { stage, part, of: threads })));
    failures.push(...results.flatMap((failure, part) => (failure ? [`${stage} ${part + 1}/${threads}: ${failure}`] : [])));
  }
  return { workers: threads, files, ms: Math.round(performance.now() - started), failures };
}
