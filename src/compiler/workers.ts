/**
 * A cold compile in child processes, one per core at a time: the files are parsed into facts, then
 * the articles rendered, each process taking every n-th file (src/compiler/index.ts, `Share`; a
 * large edition is rendered in more shares than cores, see {@link FILES_PER_PROCESS}), into the
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
 * Each process has half the build's heap limit (see {@link childFlags}).
 *
 * Used when at least {@link WORKERS_FROM} files are new to the cache; an edit or a build from the
 * cache compiles in the build's process, where it takes a second or two. A process that fails
 * leaves its share to the build's compile, which does it and reports any problem of the content.
 */
import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { passHeapReport } from '../lib/heap-report.ts';
import { filesToParse, type CompileOptions, type Share } from './index.ts';

/** Files new to the cache from which a compile is done in workers. */
export const WORKERS_FROM = 200;

/**
 * Files new to the cache (articles, terms, claims) per rendering share, at most: a larger compile
 * is rendered in more shares than there are processes at a time, each share in a process of its
 * own, started when one ends, so that none lives long enough to gather much of what the parser
 * keeps (see above). Every process reads the model of the
 * whole edition before it renders, which is what a share more costs. At 5,000 texts, in two
 * processes at a time: two shares, 46 s and 2.30 GB at the peak of the processes together; four,
 * 50 s and 1.83 GB; six, 54 s and 1.76 GB.
 */
export const FILES_PER_PROCESS = 1500;

/** What the workers did, for the build's log. */
export interface WorkersReport {
  workers: number;
  /** The processes started, one a share, both stages together. */
  processes: number;
  files: number;
  ms: number;
  /** A worker that stopped on something other than the content's own problems. */
  failures: string[];
}

/**
 * The Node flags of a compile process, from the build's own (`execArgv`): half its heap limit, when
 * it has one (scripts/build.ts sizes it to the edition), and no other flag (a test runner's
 * loaders are not the compile's business). A process renders with the model of the whole edition
 * in memory, about 0.45 GB live at 5,000 texts, but V8 lets its heap grow to near the limit before
 * it collects in earnest: with the build's limit (2 GB at 5,000 texts) each of two processes
 * reached 1.3 GB, which made the build's peak; with half of it, 1.0 to 1.2 GB, in 45 s instead of
 * 41 s (a quarter of it, 0.5 GB, took 108 s, collecting all the time).
 */
export function childFlags(execArgv: readonly string[]): string[] {
  // The last one counts, as for Node itself.
  const limit = execArgv.map((flag) => /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(flag)?.[1]).filter(Boolean).at(-1);
  return limit ? [`--max-old-space-size=${Math.max(64, Math.round(Number(limit) / 2))}`] : [];
}

function runShare(options: CompileOptions, share: Share): Promise<string | undefined> {
  return new Promise((done) => {
    const execArgv = childFlags(process.execArgv);
    const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let failure: string | undefined;
    // What a process says passes on, but not V8's report of a full heap: the process's share is
    // then the build's to compile, which is said once (loader.ts), and scripts/build.ts would
    // take the report for its own.
    const stderr = passHeapReport(child.stderr!, (text) => process.stderr.write(text));
    child.on('message', (message: { failure?: string }) => (failure = message.failure));
    child.on('error', (error) => (failure = error.message));
    child.on('close', (code, signal) => done(failure ?? (stderr.outOfHeap ? `it ran out of its heap, ${execArgv.join(' ') || "Node's own limit"}` : code === 0 ? undefined : `exit ${signal ?? `code ${code}`}`)));
    child.send({ options, share });
  });
}

/**
 * Compiles into the cache in workers when many files are new to it (see above); `undefined` when
 * it was not worth it. `threads` defaults to the machine's cores.
 */
export async function compileInWorkers(options: CompileOptions, threads = availableParallelism(), from = WORKERS_FROM, perProcess = FILES_PER_PROCESS): Promise<WorkersReport | undefined> {
  const files = filesToParse(options);
  if (threads < 2 || files < from) return undefined;
  const started = performance.now();
  const failures: string[] = [];
  let processes = 0;
  for (const stage of ['read', 'render'] as const) {
    // Reading keeps far less than rendering (0.5 GB a process at 5,000 texts): as many shares as processes.
    const of = stage === 'read' ? threads : threads * Math.max(1, Math.ceil(files / (threads * perProcess)));
    // `threads` processes at a time: when one ends, the next share starts in a new one.
    let next = 0;
    const results: (string | undefined)[] = [];
    processes += of;
    await Promise.all(
      Array.from({ length: threads }, async () => {
        for (let part = next++; part < of; part = next++) results[part] = await runShare(options, { stage, part, of });
      }),
    );
    failures.push(...results.flatMap((failure, part) => (failure ? [`${stage} ${part + 1}/${of}: ${failure}`] : [])));
  }
  return { workers: threads, processes, files, ms: Math.round(performance.now() - started), failures };
}
