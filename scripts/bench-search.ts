#!/usr/bin/env node
/**
 * npm run bench:search — a benchmark, not a test: the size of the search index, the bytes a first
 * search downloads, and the time from typing to the first results, in headless Chromium against the
 * built site (median of 7 runs, each in a fresh browser context, so nothing is cached).
 * Writes bench/results/search.json and prints a Markdown table.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage } from '../tests/helpers/browser.ts';
import { startStaticServer } from './lib/static-server.ts';
import { updateReadme } from './lib/readme.ts';
import { filesUnder } from '../src/lib/files.ts';
import { networkQuiet } from './bench/measure.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const RUNS = 7;
const QUERY = 'Iskander';

const pagefindFiles = filesUnder(join(dist, 'pagefind'))
  .map((path) => join(dist, 'pagefind', path)).filter((file) => !/pagefind-(component-|modular-)?ui|pagefind-highlight|playground/.test(file));
const indexBytes = pagefindFiles.reduce((sum, file) => sum + statSync(file).size, 0);
const indexGzip = pagefindFiles.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);

const { server, url } = await startStaticServer({ root: dist, port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
const runs: { bytes: number; requests: number; ms: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  const page = await openPage(browser, { width: 1440 });
  let counting = false;
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (!counting) return;
    requests++;
    pending.push(request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }));
  });
  await page.goto(`${url}articles/russia-new-steps-western-border/`, { waitUntil: 'networkidle' });
  const quiet = networkQuiet(page);
  counting = true;
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search the edition' });
  await input.waitFor();
  await quiet();
  const started = await page.evaluate(() => performance.now());
  await input.pressSequentially(QUERY, { delay: 0 });
  await page.locator('dialog .search-hit').first().waitFor();
  const ended = await page.evaluate(() => performance.now());
  await quiet();
  await Promise.all(pending);
  runs.push({ bytes, requests, ms: ended - started });
  await page.context().close();
}
await browser.close();
server.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const result = {
  date: new Date().toISOString().slice(0, 10),
  pagefind: (JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version,
  query: QUERY,
  index: { files: pagefindFiles.length, bytes: indexBytes, gzipBytes: indexGzip },
  firstSearch: { bytesTransferred: median(runs.map((r) => r.bytes)), requests: median(runs.map((r) => r.requests)), msToFirstResults: Math.round(median(runs.map((r) => r.ms))) },
  runs,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/search.json'), `${JSON.stringify(result, null, 2)}\n`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const table = `Pagefind ${result.pagefind} on ${result.date}, the five texts, served on 127.0.0.1 with gzip, headless Chromium, nothing cached.

| Measure | Value |
| --- | --- |
| Search index on disk (${result.index.files} files, UI bundles excluded) | ${kb(indexBytes)} (${kb(indexGzip)} gzipped) |
| Bytes downloaded from opening search to the first results for “${QUERY}” | ${kb(result.firstSearch.bytesTransferred)} in ${result.firstSearch.requests} requests |
| Time from typing “${QUERY}” to the first results (median of ${RUNS}) | ${result.firstSearch.msToFirstResults} ms |
`;
updateReadme(root, 'search', table);
console.log(table);
