#!/usr/bin/env node
/**
 * npm run build: Astro's build, in a Node whose JavaScript heap limit is sized to the edition.
 *
 * V8 lets a heap grow well past what it holds before it collects in earnest, up to a limit set by
 * the machine's memory (about 4 GB here): a cold build of 5,000 texts held at most 1.4 GB of live
 * objects but reached 3.8 GB resident. With a limit in proportion to the edition it collects
 * sooner, and the same build peaks at 2.95 GB in the same time (docs/performance.md, eighth
 * session). The limit leaves room: about one and a half times what the bench's editions hold at
 * their fullest. An edition that needs more (much longer texts, many more notes a text) runs out
 * of it; the build is then run again at once with Node's own limit, and says so, so that the limit
 * can cost time but never a build.
 *
 * BUILD_HEAP_MB sets another limit, in MB; 0 leaves Node's own. Arguments go on to `astro build`.
 *
 * The process also counts the memory outside its heap that the pages pass through in the heap's
 * limit, so that holding it does not start a full collection every 64 MB (src/lib/gc-flags.ts).
 *
 * The search index is written here, once Astro's process has ended, not in it: Astro's process
 * keeps the memory it built the pages in, and Pagefind beside it made the build's peak
 * (src/integrations/search-index.ts, SEARCH_INDEX_LATER).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passHeapReport } from '../src/lib/heap-report.ts';
import { renderGcFlags } from '../src/lib/gc-flags.ts';
import { runSearchIndex, SEARCH_INDEX_LATER, type SearchIndexJob } from '../src/integrations/search-index.ts';

/** The heap limit for an edition of `texts` texts, MB: room for the build's own code and Astro's, and for each text. */
function heapLimitMb(texts: number): number {
  return Math.max(1024, Math.round(512 + 0.3 * texts));
}

const root = process.cwd();
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
if (!existsSync(astro)) {
  console.error(`${astro} does not exist.\n  Fix: run \`npm ci\` in ${root} first.`);
  process.exit(1);
}
const articles = join(root, 'content/articles');
const texts = existsSync(articles) ? readdirSync(articles).filter((name) => name.endsWith('.mdx')).length : 0;
const set = process.env['BUILD_HEAP_MB'];
const limit = set === undefined || set === '' ? heapLimitMb(texts) : Number(set);
if (!Number.isInteger(limit) || limit < 0) {
  console.error(`BUILD_HEAP_MB is “${set}”, not a whole number of MB.\n  Fix: set it to a number such as 3072, or to 0 for Node's own limit, or leave it unset.`);
  process.exit(1);
}

/** Where Astro's build says what the search index is to be made of ({@link SearchIndexJob}). */
const searchJob = join(tmpdir(), `borderlines-search-index-${process.pid}.json`);

/** How Astro's process collects the memory its pages pass through (src/lib/gc-flags.ts). */
const gcFlags = renderGcFlags(process.execPath, texts);

/** Runs `astro build` with the heap limit `mb` (0: Node's own); resolves to its exit code and whether it ran out of heap. */
function run(mb: number): Promise<{ code: number; outOfHeap: boolean }> {
  rmSync(searchJob, { force: true });
  const env = { ...process.env, [SEARCH_INDEX_LATER]: searchJob };
  const child = spawn(process.execPath, [...gcFlags, ...(mb > 0 ? [`--max-old-space-size=${mb}`] : []), astro, 'build', ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'], env });
  // Errors pass through as they are; V8's report of a full heap too, with Node's own limit, when it is the last word.
  const stderr = passHeapReport(child.stderr!, (text) => process.stderr.write(text), mb === 0);
  return new Promise((done) => child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), outOfHeap: stderr.outOfHeap })));
}

/** Writes the search index Astro's build asked for; resolves to an exit code. */
async function index(): Promise<number> {
  if (!existsSync(searchJob)) {
    // Astro only printed its help, or the integration is gone from the configuration.
    if (process.argv.some((arg) => arg === '--help' || arg === '-h')) return 0;
    console.error(`Astro's build did not say what to index (${SEARCH_INDEX_LATER}): no search index was written.\n  Fix: keep searchIndex() in astro.config.mjs's integrations.`);
    return 1;
  }
  const text = readFileSync(searchJob, 'utf8');
  rmSync(searchJob, { force: true });
  const job = JSON.parse(text) as SearchIndexJob;
  const time = () => new Date().toTimeString().slice(0, 8);
  try {
    await runSearchIndex(job, (message) => console.log(`${time()} [borderlines:search-index] ${message}`));
    return 0;
  } catch (error) {
    console.error(`${time()} [borderlines:search-index] ${error instanceof Error ? error.message : String(error)}\n  The pages are built in ${job.root}; the search index is not. Fix what is named above and run \`npm run build\` again.`);
    return 1;
  }
}

let built = await run(limit);
if (built.code !== 0 && built.outOfHeap && limit > 0) {
  console.error(
    `\nThe build needed more than the ${limit} MB of heap set for an edition of ${texts} texts; building again with Node's own limit.\n` +
      '  To skip the first attempt next time, set BUILD_HEAP_MB to a larger number of MB, or to 0.',
  );
  built = await run(0);
}
const code = built.code !== 0 ? built.code : await index();
// A build that failed after the integration wrote the job (a later hook of build:done) leaves it.
rmSync(searchJob, { force: true });
// A site built for this machine names it in every absolute address it prints: the citations, the
// claims' and notes' permanent addresses, the share previews. Fine for reading it here; a deploy
// that forgot SITE_URL would publish them.
if (code === 0 && !process.env['SITE_URL']) {
  console.log(
    `\nBuilt for http://localhost:4321: citations, permanent addresses and share previews name that address.\n` +
      '  To publish it elsewhere, build with the address readers will use: SITE_URL=https://… npm run build (README, Notes for maintainers).',
  );
}
process.exit(code);
