/**
 * A cold compile in worker threads, one per core: the files are parsed into facts, then the
 * articles rendered, each worker taking every n-th file (src/compiler/index.ts, `Share`), into the
 * compiler's cache on disk; the build's own compile then reads them from it, as after any build.
 *
 * Two reasons. The work is the build's largest before Astro renders a page (at 1,000 texts 17 s
 * on one core) and splits without a lock: every result is a file of the cache. And the parser
 * (Sätteri's `mdxToMdast`, a native module) keeps about 90 KB outside the JavaScript heap for every
 * file it parses until its thread ends: in the build's own thread that was 0.9 GB held to the end of
 * a 5,000-text build; a worker's is given back when it exits.
 *
 * Used when at least {@link WORKERS_FROM} files are new to the cache; an edit or a build from the
 * cache compiles in the build's thread, where it takes a second or two. A worker that fails
 * leaves its share to the build's compile, which does it and reports any problem of the content.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { options, share } });
    let failure: string | undefined;
    worker.on('message', (message: { failure?: string }) => (failure = message.failure));
    worker.on('error', (error) => (failure = error.message));
    worker.on('exit', (code) => done(failure ?? (code === 0 ? undefined : `exit code ${code}`)));
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
