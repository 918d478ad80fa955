#!/usr/bin/env node
/**
 * npm run bench:pages — a benchmark, not a test: Lighthouse on the home page, the longest article
 * and a term page, as a phone (Lighthouse's mobile defaults: a mid-range phone, slow 4G, simulated)
 * and as a desktop, against the built site served on 127.0.0.1 with its headers. Records the four
 * category scores and the page weights: HTML, CSS, JavaScript loaded and run on load, fonts (bytes
 * transferred, compressed), and the render-blocking requests.
 *
 * Targets (issue 7): 100 in accessibility, best practices and SEO; performance at least 98 on
 * mobile; no render-blocking request but the one stylesheet; JavaScript run on load under 10 KB
 * compressed on an article page.
 *
 * Writes bench/results/pages.json and bench/results/pages.md, and prints the table. Lighthouse is
 * installed on first use into bench/tools/ (not a dependency of the site).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from '../tests/helpers/browser.ts';
import { startStaticServer } from './lib/static-server.ts';
import { ROOT, ensureBenchTools, toolVersion, toolsRequire } from './lib/bench-tools.ts';
import { updateReadme } from './lib/readme.ts';

const dist = join(ROOT, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ is missing.\n  Fix: run `npm run build` first.');
  process.exit(1);
}
ensureBenchTools();

type Lighthouse = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<{ lhr: LighthouseResult }>;
interface LighthouseResult {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
}

const lighthouse = ((await import(pathToFileURL(toolsRequire.resolve('lighthouse')).href)) as { default: Lighthouse }).default;
const desktopConfig = ((await import(pathToFileURL(toolsRequire.resolve('lighthouse/core/config/desktop-config.js')).href)) as { default: unknown }).default;
const chromeLauncher = (await import(pathToFileURL(toolsRequire.resolve('chrome-launcher')).href)) as {
  launch: (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => Promise<void> | void }>;
};

/** The article page with the most HTML. */
function longestArticle(): string {
  const slugs = readdirSync(join(dist, 'articles')).filter((slug) => existsSync(join(dist, 'articles', slug, 'index.html')));
  return slugs.sort((a, b) => statSync(join(dist, 'articles', b, 'index.html')).size - statSync(join(dist, 'articles', a, 'index.html')).size)[0]!;
}

const PAGES = [
  { name: 'Home', path: '' },
  { name: 'Longest article', path: `articles/${longestArticle()}/` },
  { name: 'Term page', path: 'glossary/iskander/' },
];

interface Row {
  page: string;
  path: string;
  form: 'mobile' | 'desktop';
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  weights: { html: number; css: number; js: number; fonts: number; other: number; total: number };
  renderBlocking: string[];
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

const { server, url } = await startStaticServer({ root: dist, port: 0, host: '127.0.0.1' });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/**
 * One Lighthouse run. Lighthouse sometimes finishes a run without a performance score (a trace it
 * could not read: no LCP, no FCP); such a run is tried again, and a page that never gets a score
 * stops the benchmark instead of entering the table as 0.
 */
async function measure(pageUrl: string, form: 'mobile' | 'desktop', name: string): Promise<LighthouseResult> {
  let problem = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { lhr } = await lighthouse(pageUrl, { port: chrome.port, output: 'json', logLevel: 'error' }, form === 'desktop' ? desktopConfig : undefined);
    if (!lhr.runtimeError && typeof lhr.categories['performance']?.score === 'number') return lhr;
    problem = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : `no performance score (${lhr.runWarnings.join('; ') || 'no warning given'})`;
    console.warn(`  ${name}: Lighthouse run ${attempt} gave ${problem}; trying again.`);
  }
  throw new Error(`${name}: Lighthouse gave no performance score in three runs (${problem}).\n  Fix: rerun \`npm run bench:pages\` on a quieter machine; if it persists, open the page in Chromium and look for an error.`);
}

const rows: Row[] = [];
try {
  for (const page of PAGES) {
    for (const form of ['mobile', 'desktop'] as const) {
      const lhr = await measure(`${url}${page.path}`, form, `${page.name} (${form})`);
      const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { url: string; resourceType?: string; transferSize?: number }[];
      const weight = (type: string) => requests.filter((request) => request.resourceType === type).reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
      const total = requests.reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
      const html = weight('Document');
      const css = weight('Stylesheet');
      // JavaScript as its compressed bytes, as the target reads (the file gzipped as the server
      // sends it); response headers are counted in the total, not here.
      const js = requests
        .filter((request) => request.resourceType === 'Script')
        .reduce((sum, request) => {
          const file = join(dist, decodeURIComponent(new URL(request.url).pathname));
          return sum + (existsSync(file) ? gzipSync(readFileSync(file)).length : (request.transferSize ?? 0));
        }, 0);
      const scriptTransfer = weight('Script');
      const fonts = weight('Font');
      const blocking = ((lhr.audits['render-blocking-insight'] ?? lhr.audits['render-blocking-resources'])?.details?.items ?? []) as { url?: string }[];
      const score = (key: string) => Math.round((lhr.categories[key]?.score ?? 0) * 100);
      rows.push({
        page: page.name,
        path: page.path || '/',
        form,
        scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
        weights: { html, css, js, fonts, other: total - html - css - scriptTransfer - fonts, total },
        renderBlocking: blocking.map((item) => new URL(item.url ?? '', url).pathname).filter(Boolean),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
      });
      if (lhr.runWarnings.length > 0) console.warn(`${page.name} (${form}): ${lhr.runWarnings.join(' ')}`);
      for (const [key, audit] of Object.entries(lhr.audits)) {
        if (audit.score !== null && audit.score < 1 && ['accessibility', 'best-practices', 'seo'].some((category) => score(category) < 100) && !key.includes('insight')) {
          // Name what costs points outside performance, so a regression says where to look.
          if (/^(meta-|document-title|html-|image-alt|link-|color-contrast|errors-in-console|csp|is-crawlable|robots|hreflang|canonical|heading|label|button|aria|tap-targets|font-size|viewport)/.test(key)) console.warn(`  ${page.name} (${form}): ${key} scores ${audit.score}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const article = rows.filter((row) => row.page === 'Longest article');
const targets = {
  'Accessibility, best practices and SEO are 100': rows.every((row) => row.scores.accessibility === 100 && row.scores['best-practices'] === 100 && row.scores.seo === 100),
  'Performance on mobile is at least 98': rows.filter((row) => row.form === 'mobile').every((row) => row.scores.performance >= 98),
  'No render-blocking request but the one stylesheet': rows.every((row) => row.renderBlocking.length <= 1 && row.renderBlocking.every((path) => path.endsWith('.css'))),
  'JavaScript on load of an article under 10 KB compressed': article.every((row) => row.weights.js < 10 * 1024),
};

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`;
const table = [
  '| Page | Form | Performance | Accessibility | Best practices | SEO | HTML | CSS | JS on load | Fonts | Total | LCP | TBT | CLS | Render-blocking |',
  '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ...rows.map(
    (row) =>
      `| ${row.page} | ${row.form} | ${row.scores.performance} | ${row.scores.accessibility} | ${row.scores['best-practices']} | ${row.scores.seo} | ${kb(row.weights.html)} | ${kb(row.weights.css)} | ${kb(row.weights.js)} | ${kb(row.weights.fonts)} | ${kb(row.weights.total)} | ${row.lcpMs} ms | ${row.tbtMs} ms | ${row.cls} | ${row.renderBlocking.join(', ') || 'none'} |`,
  ),
].join('\n');
const markdown = [
  `Lighthouse ${toolVersion('lighthouse')} on ${date}, ${machine}, Chromium at ${CHROMIUM}. Sizes are bytes transferred (compressed, with response headers), but for JS on load: the compressed bytes of the scripts run on load, without headers. Total includes the scripts' headers and everything else.`,
  '',
  table,
  '',
  ...Object.entries(targets).map(([target, met]) => `- ${met ? 'Met' : '**Missed**'}: ${target}.`),
  '',
].join('\n');

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/pages.json'), `${JSON.stringify({ date, machine, lighthouse: toolVersion('lighthouse'), rows, targets }, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench/results/pages.md'), markdown);
updateReadme(ROOT, 'pages', markdown);
console.log(markdown);
