/**
 * Search in Chromium: passages found and landed on, terms first, filters, keyboard, and a build
 * served under a sub-path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { serveSite, type RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { ROOT, buildEnv } from '../helpers/site.ts';
import { checkLinks } from '../../scripts/lib/links.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

async function search(page: Page, base: string, query: string, extra = ''): Promise<void> {
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}${extra}`);
  await page.locator('.search-status').filter({ hasText: /for “|No results|Nothing to show/ }).waitFor();
}

describe('search', () => {
  it('finds the December 2022 text for “Iskander”, with a link to the paragraph that mentions it', async () => {
    const page = await openPage(browser);
    await search(page, site.url, 'Iskander');
    const group = page.getByRole('group', { name: /^“Russia Takes New Steps To Secures Its Western Border”/ });
    const passage = group.locator('.search-hit--text').first();
    const href = await passage.getAttribute('href');
    expect(href).toMatch(/\/articles\/russia-new-steps-western-border\/\?hl=Iskander#[a-z0-9-]+$/);
    await passage.click();
    await page.waitForURL(/russia-new-steps-western-border/);
    const id = href!.split('#')[1]!;
    expect(await page.locator(`#${id}`).textContent()).toContain('Iskander');
    await expect.poll(() => page.locator(`#${id} mark.search-highlight`).count()).toBeGreaterThan(0);
    expect(await page.locator(`#${id} mark.search-highlight`).first().textContent()).toMatch(/^Iskander/);
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    await page.context().close();
  });

  it('marks the searched words in the note a note’s line opens, in what the note says', async () => {
    const page = await openPage(browser);
    await search(page, site.url, 'Iskander');
    const line = page.locator('.search-hit--note').first();
    const href = await line.getAttribute('href');
    expect(href).toMatch(/\/articles\/[a-z0-9-]+\/\?hl=Iskander#note-[a-z0-9-]+$/);
    await line.click();
    await page.waitForURL((url) => url.hash.startsWith('#note-'));
    const id = href!.split('#')[1]!;
    await expect.poll(() => page.locator(`#${id} .note__body mark.search-highlight`).count()).toBeGreaterThan(0);
    expect(await page.locator(`#${id} .note__body mark.search-highlight`).first().textContent()).toMatch(/^Iskander/);
    // Its label, claim line and sources are the edition's furniture: nothing is marked there.
    expect(await page.locator(`#${id} mark.search-highlight`).count()).toBe(await page.locator(`#${id} .note__body mark.search-highlight`).count());
    await page.context().close();
  });

  it('lists the glossary term first for “Open Skies”, and finds a term by an alias', async () => {
    const page = await openPage(browser);
    await search(page, site.url, 'Open Skies');
    const first = page.locator('.search-hit').first();
    expect(await first.getAttribute('class')).toContain('search-hit--term');
    expect(await first.getAttribute('href')).toBe('/glossary/open-skies/');
    await search(page, site.url, 'Tikhanovskaya');
    expect(await page.locator('.search-hit').first().getAttribute('href')).toBe('/glossary/tsikhanouskaya/');
    await page.context().close();
  });

  it('keeps only the 2022 texts with the year filter 2022', async () => {
    const page = await openPage(browser);
    await search(page, site.url, 'Belarus', '&year=2022');
    expect(await page.locator('input[name="year"][value="2022"]').isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove the filter Year: 2022' }).isVisible()).toBe(true);
    // Each text's group names its outlet and date.
    const meta = await page.locator('.search-group__title').allTextContents();
    expect(meta.length).toBeGreaterThan(0);
    for (const line of meta) expect(line).toMatch(/2022$/);
    expect(await page.locator('.search-hit--term').count()).toBe(0);
    await page.context().close();
  });

  it('filters by type and note kind, and keeps the query and filters in the URL', async () => {
    const page = await openPage(browser);
    await search(page, site.url, 'Belarus');
    // The filters are folded until the reader opens them.
    expect(await page.getByRole('checkbox', { name: /^Notes/ }).isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.getByRole('checkbox', { name: /^Notes/ }).check();
    await page.getByRole('checkbox', { name: /^Correction/ }).check();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=Belarus&type=Note&kind=Correction');
    await expect.poll(async () => (await page.locator('.search-hit').count()) > 0 && (await page.locator('.search-hit:not(.search-hit--note)').count()) === 0).toBe(true);
    // A note is found on its text's page; its line is the note, and opens it beside its passage.
    const note = page.locator('.search-hit--note').first();
    expect(await note.locator('.search-hit__title').textContent()).toMatch(/^Correction: \S+/);
    expect(await note.locator('mark').first().textContent()).toMatch(/^Belarus/i);
    await page.reload();
    await page.locator('.search-hit').first().waitFor();
    expect(await page.locator('input[name="kind"][value="Correction"]').isChecked()).toBe(true);
    const href = (await page.locator('.search-hit--note').first().getAttribute('href'))!;
    expect(href).toMatch(/^\/articles\/[a-z0-9-]+\/\?hl=Belarus#note-[a-z0-9-]+$/);
    await page.locator('.search-hit--note').first().click();
    await page.waitForURL((url) => url.pathname + url.search + url.hash === href);
    expect(await page.locator(href.slice(href.indexOf('#'))).getAttribute('data-kind')).toBe('correction');
    await page.context().close();
  });

  it('can be used with the keyboard alone: open, type, move, open a result', async () => {
    const page = await openPage(browser);
    await page.goto(site.url);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    expect(requests.filter((path) => path.includes('pagefind'))).toEqual([]);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the edition' });
    await dialog.waitFor();
    const input = dialog.getByRole('combobox', { name: 'Search the edition' });
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Lukashenko');
    // The first search loads Pagefind and its index: on a busy machine that takes a few seconds.
    await expect.poll(() => dialog.locator('.search-status').textContent(), { timeout: 15_000 }).toMatch(/^\d+ passages and notes in \d+ texts?(, \d+ provenance records?)?, 1 term(, \d+ claims?)? for “Lukashenko”(, from the first (\d+ )?of the \d+ pages that match; “Show more results” reads (on \(\d+ left\)|the last one))?\.$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toMatch(/-1$/);
    const href = await page.locator(`#${active}`).getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.search + url.hash === href);
    await page.context().close();
  });

  it('keeps what a reader types while the search is still loading, and gives the page nothing of it', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + 'articles/russian-bombers-fly-over-belarus/');
    // The search's code comes late, as on a slow network: the reader has typed the words by then.
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    await page.route(/search-ui\.[^/]*\.js$/, async (route) => {
      await late;
      await route.continue();
    });
    await page.keyboard.press('/');
    await page.keyboard.type('Open Skiez');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('s');
    release();
    const dialog = page.getByRole('dialog', { name: 'Search the edition' });
    await dialog.waitFor();
    const input = dialog.getByRole('combobox', { name: 'Search the edition' });
    await expect.poll(() => input.inputValue()).toBe('Open Skies');
    await expect.poll(() => dialog.locator('.search-status').textContent(), { timeout: 15_000 }).toMatch(/for “Open Skies”(, from the first (\d+ )?of the \d+ pages that match; “Show more results” reads (on \(\d+ left\)|the last one))?\.$/);
    // The space went to the search, not to the page, which it would have scrolled.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // A piece of the forum thread is headed by its report's headline: the source's words, quoted, never a heading of ours.
    const sections = await dialog.locator('.search-group__section').allTextContents();
    expect(sections).toContain('“NATO to discuss Open Skies treaty after U.S. announces withdrawal”');
    for (const section of sections) expect(section).toMatch(/^“[^“”]+”$/);
    await page.context().close();
  });

  it('goes to the search page when the search’s code cannot be loaded, rather than doing nothing', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + 'articles/russian-bombers-fly-over-belarus/');
    await page.route(/search-ui\.[^/]*\.js$/, (route) => route.abort());
    await page.waitForFunction(() => customElements.get('search-launcher') !== undefined);
    // The page asks for the search page: what this test is about. Whether that page then finishes
    // loading is not (a CI run on a loaded machine once spent the whole timeout waiting for it).
    const asked = page.waitForRequest((request) => request.isNavigationRequest() && new URL(request.url()).pathname === '/search/');
    await page.keyboard.press('/');
    await asked;
    await page.context().close();
  });

  it('brings its styles with its code: an article page carries none of them, the dialog has them', async () => {
    const page = await openPage(browser, { width: 390, height: 800 });
    await page.goto(site.url + 'articles/russian-bombers-fly-over-belarus/');
    const rules = () =>
      page.evaluate(() =>
        [...document.styleSheets, ...document.adoptedStyleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('.search-dialog'))),
      );
    expect(await rules()).toBe(false);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the edition' });
    await dialog.waitFor();
    expect(await rules()).toBe(true);
    // On a phone the dialog is the whole screen (search.css), not the browser's small default box.
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 800 });
    await page.context().close();
  });

  it('loads nothing of search until a reader starts to search, and opens with Ctrl+K', async () => {
    const page = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(site.url + 'articles/russian-bombers-fly-over-belarus/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => /pagefind|search-ui/.test(path))).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search the edition' }).waitFor();
    await expect.poll(() => requests.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    await page.context().close();
  });

  it('closes the dialog with one Escape, even with words typed, and gives focus back to the header’s search link', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + 'articles/russian-bombers-fly-over-belarus/');
    await page.keyboard.press('/');
    const input = page.getByRole('dialog', { name: 'Search the edition' }).locator('input[type="search"]');
    await input.waitFor();
    await input.pressSequentially('Iskander');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    // Focus is given back after the browser's own return of it: polled, and a null activeElement fails.
    // (Under a loaded CI machine the default second of polling once ran out: five.)
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('search-launcher')?.tagName ?? 'none'), { timeout: 5_000 }).toBe('SEARCH-LAUNCHER');
    await page.context().close();
  });

  it('loads a small part of the index for each word: no chunk of it over 16 KB', () => {
    // Pagefind's chunks of 20,000 positions were 28 to 109 KB for the five texts, one of them loaded
    // for every word searched; chunks of INDEX_CHUNK_POSITIONS are a few KB (files are compressed).
    const chunks = readdirSync(join(ROOT, 'dist/pagefind/index')).map((name) => statSync(join(ROOT, 'dist/pagefind/index', name)).size);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(16 * 1024);
  });

  it('says plainly, without JavaScript, that search needs it', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(site.url + 'search/?q=Iskander');
    expect(await page.locator('.search-noscript').textContent()).toContain('Search needs JavaScript');
    await page.context().close();
  });
});

describe('the site on another host, under a sub-path, its index in shards', () => {
  const out = join(ROOT, 'dist-subpath');
  let sub: RunningSite;

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: buildEnv({ SITE_URL: 'https://borderlines.example', BASE_PATH: '/borderlines/', OUT_DIR: './dist-subpath', OG_IMAGES: '0', SEARCH_SHARD_PAGES: '100' }),
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (build.status !== 0 || !existsSync(join(out, 'index.html'))) throw new Error(`the sub-path build failed:\n${build.stdout}\n${build.stderr}`);
    sub = await serveSite({ root: out, base: '/borderlines/' });
  }, 200_000);

  afterAll(async () => {
    await sub?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('indexes the texts and terms in shards that the search merges: it lists what one index lists', async () => {
    // More than 200 pages (texts, terms, claims, years of the timeline) in shards of at most 100.
    const shards = /export const borderlinesShards = (\[[^\]]*\]);/.exec(readFileSync(join(out, 'pagefind/pagefind.js'), 'utf8'));
    const paths = JSON.parse(shards?.[1] ?? '[]') as string[];
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths[0]).toBe('pagefind/shard-2/');
    for (const path of paths) expect(existsSync(join(out, path, 'pagefind-entry.json')), path).toBe(true);
    // What Pagefind finds, loaded as the search loads it (src/client/search/search-ui.ts): the
    // shards rank pages by their own word counts, so the order may differ a little; what is found may not.
    const found = async (url: string, query: string) => {
      const page = await openPage(browser);
      await page.goto(`${url}search/`);
      const base = new URL(url).pathname;
      // A string, not a function: the test runner would rewrite a function's import().
      const urls = (await page.evaluate(`(async () => {
        const base = ${JSON.stringify(base)};
        const pagefind = await import(base + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: base, noWorker: true });
        await pagefind.init();
        for (const shard of pagefind.borderlinesShards ?? []) await pagefind.mergeIndex(base + shard, { baseUrl: base });
        const { results } = await pagefind.search(${JSON.stringify(query)});
        return Promise.all(results.map(async (result) => (await result.data()).url.slice(base.length - 1)));
      })()`)) as string[];
      await page.close();
      // A page of a shard can come twice from Pagefind's mergeIndex; the search shows it once (search-ui.ts).
      return [...new Set(urls)].sort();
    };
    for (const query of ['Iskander', 'Open Skies', 'Lukashenko', '2022']) {
      const single = await found(site.url, query);
      expect(single.length, query).toBeGreaterThan(0);
      expect(await found(sub.url, query), query).toEqual(single);
    }
  });

  it('finds and links passages, notes and terms under /borderlines/', async () => {
    expect(sub.url).toMatch(/\/borderlines\/$/);
    const page = await openPage(browser);
    await search(page, sub.url, 'Iskander');
    const hrefs = await page.locator('.search-hit').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/borderlines\/(articles|glossary|claims|timeline)\//);
    // A note, found on its text's page, goes to the note beside its passage.
    const notes = await page.locator('.search-hit--note').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(notes.length).toBeGreaterThan(0);
    for (const href of notes) expect(href).toMatch(/^\/borderlines\/articles\/[a-z0-9-]+\/\?hl=Iskander#note-[a-z0-9-]+$/);
    // Its excerpt is the note's own words, not its label, sources or date.
    for (const excerpt of await page.locator('.search-hit--note .search-hit__excerpt').allTextContents()) expect(excerpt).not.toMatch(/#note-|\d{4}-\d{2}-\d{2}|Fact-check on|Permalink|Added \d/);
    await page.locator('.search-hit--text').first().click();
    await page.waitForURL(/\/borderlines\/articles\//);
    await expect.poll(() => page.locator('mark.search-highlight').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('writes every absolute address for that host and path: canonical, share cards, sitemap, feed, robots.txt', () => {
    const at = 'https://borderlines.example/borderlines/';
    const read = (path: string) => readFileSync(join(out, path), 'utf8');
    const article = read('articles/russian-bombers-fly-over-belarus/index.html');
    expect(article).toContain(`<link rel="canonical" href="${at}articles/russian-bombers-fly-over-belarus/">`);
    expect(article).toContain(`<meta property="og:url" content="${at}articles/russian-bombers-fly-over-belarus/">`);
    // This build renders no share images (OG_IMAGES=0): pages fall back to the edition's own.
    expect(article).toContain(`<meta property="og:image" content="${at}og.png">`);
    const share = read('notes/iskander-range-poland/index.html');
    expect(share).toContain(`<link rel="canonical" href="${at}articles/russia-new-steps-western-border/#note-iskander-range-poland">`);
    expect(share).toContain('<meta http-equiv="refresh" content="0; url=/borderlines/articles/russia-new-steps-western-border/#note-iskander-range-poland">');
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs.length).toBeGreaterThan(40);
    for (const loc of locs) expect(loc.startsWith(at), loc).toBe(true);
    const links = [...read('feed.xml').matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1]!);
    for (const link of links) expect(link.startsWith(at), link).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${at}sitemap.xml`);
  });

  it('has no broken internal link under the sub-path', () => {
    const report = checkLinks(out, { origin: 'https://borderlines.example', base: '/borderlines/' });
    expect(report.checked).toBeGreaterThan(3000);
    expect(report.broken).toEqual([]);
  });
});
