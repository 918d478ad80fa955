/**
 * Measurements for the scale benchmark: a build (wall time, its parts, peak memory, output), and
 * an article page and a first search in headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../../tests/helpers/browser.ts';
import { filesUnder } from '../../src/lib/files.ts';

export interface BuildResult {
  ok: boolean;
  /** Wall time of `astro build`, seconds. */
  seconds: number;
  /** Its parts, seconds: Astro itself, Pagefind, our post-processing (share pages, headers). */
  parts: Record<string, number>;
  /** Peak resident memory of the build: its whole process tree summed (sampled every 200 ms), or its largest process where /proc is not there; MB (null where neither can be read). */
  peakMB: number | null;
  outputMB: number;
  files: number;
  /** HTML bytes of an article page: median and largest. */
  articleHtml: { median: number; max: number; count: number };
  pagefindMB: number;
  log: string;
}

/** Runs a command and reports the peak of its process tree's memory (scripts/bench/tree-peak.ts). */
const TREE_PEAK = fileURLToPath(new URL('./tree-peak.ts', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
export { median };

function walk(dir: string): string[] {
  return existsSync(dir) ? filesUnder(dir).map((path) => join(dir, path)) : [];
}

/** Sum of the sizes of the files under `dir` (their bytes, not the disk blocks they take). */
export function bytesUnder(dir: string): { bytes: number; files: number } {
  const files = walk(dir);
  return { bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), files: files.length };
}

const seconds = (log: string, pattern: RegExp, unit: 'ms' | 's') => {
  const value = pattern.exec(log)?.[1];
  return value === undefined ? 0 : Number(value) / (unit === 'ms' ? 1000 : 1);
};

/**
 * Runs a site's build in `dir`: `command` is a script and its arguments for Node (our
 * scripts/build.ts, or the benchmark tools' `astro.mjs build`), under GNU time for the peak
 * memory when it is there (that of the largest process of the build, children included).
 */
export function build(dir: string, command: string[], env: NodeJS.ProcessEnv, articleDir: string): BuildResult {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'BENCH-TIME %e %M'] : [];
  command = [...time, process.execPath, TREE_PEAK, process.execPath, ...command];
  const started = performance.now();
  const run = spawnSync(command[0]!, command.slice(1), { cwd: dir, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const log = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const timed = /BENCH-TIME ([\d.]+) (\d+)/.exec(log);
  const tree = /BENCH-TREE-PEAK (\d+)/.exec(log);
  const dist = join(dir, 'dist');
  const output = bytesUnder(dist);
  const pages = existsSync(join(dist, articleDir))
    ? readdirSync(join(dist, articleDir))
        .map((slug) => join(dist, articleDir, slug, 'index.html'))
        .filter((file) => existsSync(file))
        .map((file) => statSync(file).size)
    : [];
  // Pagefind: ours logs "Search index: … in N ms"; Starlight's logs "Finished building search index in Ns" or similar.
  const pagefind =
    seconds(log, /Search index: .* in (\d+) ms/, 'ms') ||
    seconds(log, /[Pp]agefind.*?(?:in|took) ([\d.]+)\s*ms/, 'ms') ||
    seconds(log, /[Pp]agefind.*?(?:in|took) ([\d.]+)\s*s\b/, 's');
  const share = seconds(log, /share pages in (\d+) ms/, 'ms');
  const total = timed ? Number(timed[1]) : wall;
  const post = share;
  return {
    ok: run.status === 0,
    seconds: total,
    parts: { astro: Math.max(0, total - pagefind - post), pagefind, post },
    // The whole tree's, summed, where /proc gives it; else the largest process's.
    peakMB: tree && Number(tree[1]) > 0 ? Math.round(Number(tree[1]) / 1024) : timed ? Math.round(Number(timed[2]) / 1024) : null,
    outputMB: output.bytes / 2 ** 20,
    files: output.files,
    articleHtml: { median: median(pages), max: Math.max(0, ...pages), count: pages.length },
    pagefindMB: bytesUnder(join(dist, 'pagefind')).bytes / 2 ** 20,
    log,
  };
}

export interface PageLoad {
  /** Bytes transferred (bodies as sent, and headers), by kind. */
  bytes: { html: number; css: number; js: number; fonts: number; other: number; total: number };
  /** Compressed bytes of the scripts run on load. */
  jsOnLoad: number;
  requests: number;
  /** Time to the load event, ms. */
  loadMs: number;
}

function kindOf(type: string): keyof PageLoad['bytes'] {
  if (type === 'document') return 'html';
  if (type === 'stylesheet') return 'css';
  if (type === 'script') return 'js';
  if (type === 'font') return 'fonts';
  return 'other';
}

/** Loads `url` in a fresh context (nothing cached) and counts what it transfers. */
export async function loadPage(browser: Browser, url: string): Promise<PageLoad> {
  const page = await openPage(browser, { width: 1440, height: 900 });
  const sizes: Promise<void>[] = [];
  const load: PageLoad = { bytes: { html: 0, css: 0, js: 0, fonts: 0, other: 0, total: 0 }, jsOnLoad: 0, requests: 0, loadMs: 0 };
  page.on('requestfinished', (request) => {
    load.requests++;
    sizes.push(
      request.sizes().then((size) => {
        const bytes = size.responseBodySize + size.responseHeadersSize;
        load.bytes[kindOf(request.resourceType())] += bytes;
        load.bytes.total += bytes;
        if (request.resourceType() === 'script') load.jsOnLoad += size.responseBodySize;
      }, () => undefined),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  load.loadMs = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry ? entry.loadEventStart : 0;
  });
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  await page.context().close();
  return load;
}

export interface SearchRun {
  bytes: number;
  requests: number;
  /** From the first key typed to the first result shown, ms. */
  ms: number;
}

/** How each site opens its search and shows results. */
export interface SearchUi {
  open: (page: Page) => Promise<void>;
  input: string;
  result: string;
}

export const OUR_SEARCH: SearchUi = {
  open: async (page) => page.keyboard.press('/'),
  input: 'dialog input[type="search"]',
  result: 'dialog .search-hit',
};

export const STARLIGHT_SEARCH: SearchUi = {
  open: async (page) => page.locator('site-search button[data-open-modal]').first().click(),
  input: '.pagefind-ui__search-input',
  result: '.pagefind-ui__result',
};

/**
 * A function that resolves once none of the page's requests has been in flight for `quietMs`.
 * Playwright's `waitForLoadState('networkidle')` resolves at once on a page that reached that state
 * after its load, so requests a search starts later (its results' fragments) were counted or not by
 * chance: the first search for "Iskander" measured 92.9 KB or 106.2 KB from one build, as its third
 * fragment had finished or not. Install it before the requests to wait for.
 */
export function networkQuiet(page: Page): (quietMs?: number, timeoutMs?: number) => Promise<void> {
  let inFlight = 0;
  let last = performance.now();
  const start = () => {
    inFlight++;
    last = performance.now();
  };
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = performance.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return async (quietMs = 500, timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until && (inFlight > 0 || performance.now() - last < quietMs)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
}

/** Opens search on `url`, types `query`, and measures what it took to show results. */
export async function firstSearch(browser: Browser, url: string, ui: SearchUi, query: string): Promise<SearchRun> {
  const page = await openPage(browser, { width: 1440, height: 900 });
  await page.goto(url, { waitUntil: 'networkidle' });
  const quiet = networkQuiet(page);
  let counting = false;
  const run: SearchRun = { bytes: 0, requests: 0, ms: 0 };
  const sizes: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (!counting) return;
    run.requests++;
    // A request still being sized when the page closes is not counted rather than failing the run.
    sizes.push(request.sizes().then((size) => void (run.bytes += size.responseBodySize + size.responseHeadersSize), () => undefined));
  });
  counting = true;
  await ui.open(page);
  const input = page.locator(ui.input).first();
  await input.waitFor({ state: 'visible' });
  await quiet();
  await input.focus();
  const started = await page.evaluate(() => performance.now());
  await input.pressSequentially(query, { delay: 0 });
  await page.locator(ui.result).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ended = await page.evaluate(() => performance.now());
  run.ms = ended - started;
  await quiet();
  await Promise.all(sizes);
  await page.context().close();
  return run;
}

/** The versions of what was measured, for the record. */
export function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
