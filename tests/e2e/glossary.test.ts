/**
 * The glossary in Chromium: previews by keyboard, pointer and touch, fetched on first use; term pages that list every
 * mention and land on its paragraph; related texts and citations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';
import { builtArticleSlugs, builtPage } from '../helpers/site.ts';
import { sourceBlocks } from '../helpers/article-text.ts';
import { readCorpus } from '../../src/lib/corpus.ts';
import { ROOT } from '../helpers/site.ts';

const ARTICLE = 'articles/russia-new-steps-western-border/';
let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

describe('term previews', () => {
  it('show on keyboard focus, can be tabbed into, and hide on Escape', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    await term.focus();
    const preview = page.locator('.preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await term.getAttribute('aria-describedby')).toBe('link-preview');
    expect(await preview.locator('.preview__title').textContent()).toMatch(/\S/);
    // Into the preview, at what only it offers: its link to the entry is the term's own, which Enter
    // on the term follows (three stops a term had made long texts slow to tab through).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('preview__copy');
    await page.keyboard.press('Escape');
    expect(await preview.count()).toBe(0);
    expect(await term.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('show on hover and stay while the pointer is on them', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    await term.hover();
    const preview = page.locator('.preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    await preview.hover();
    await page.waitForTimeout(600);
    expect(await preview.isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => preview.count()).toBe(0);
    await page.context().close();
  });

  it('show on a tap at 390 px instead of leaving the page', async () => {
    const page = await openPage(browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await expect.poll(() => page.locator('.preview').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(new URL(site.url + ARTICLE).pathname);
    const box = await page.locator('.preview').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // A term at the right of its line: the preview stays within the page's margins (16 px), not 8 px from the edge.
    const terms = page.locator('[data-article-text] a.term');
    const rightmost = await terms.evaluateAll((links) => links.map((link, index) => [index, link.getBoundingClientRect().left] as const).sort((a, b) => b[1] - a[1])[0]![0]);
    const far = terms.nth(rightmost);
    await far.scrollIntoViewIfNeeded();
    await far.tap();
    await expect.poll(() => page.locator('.preview').first().isVisible()).toBe(true);
    const farBox = await page.locator('.preview').last().boundingBox();
    expect(farBox!.x).toBeGreaterThanOrEqual(16);
    expect(farBox!.x + farBox!.width).toBeLessThanOrEqual(390 - 16);
    await page.locator('.preview__go').tap();
    await page.waitForURL(/\/glossary\/[a-z0-9-]+\/$/);
    await page.context().close();
  });

  it('load their words and their code only when a reader first asks for one, once for the page', async () => {
    const page = await openPage(browser, { width: 1440 });
    const fetched: string[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/previews.json')) fetched.push(new URL(request.url()).pathname);
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.replace(/\.[\w-]+\.js$/, ''));
    });
    await page.goto(site.url + ARTICLE, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    // The page carries no preview's words, and opening it fetches none, nor the code that makes a preview.
    expect(await page.locator('link-previews template, link-previews *').count()).toBe(0);
    expect(fetched).toEqual([]);
    expect(scripts).toEqual(['/_astro/Base.astro_astro_type_script_index_0_lang']);
    const terms = page.locator('[data-article-text] a.term');
    await terms.first().focus();
    await expect.poll(() => page.locator('.preview').isVisible()).toBe(true);
    await terms.nth(1).focus();
    await expect.poll(() => terms.nth(1).getAttribute('aria-describedby')).toBe('link-preview');
    expect(await page.locator('#link-preview .preview__title').textContent()).toMatch(/\S/);
    expect(fetched).toEqual([`/${ARTICLE}previews.json`]);
    expect(scripts).toContain('/_astro/preview-view');
    await page.context().close();
  });

  it('leave a link as a link when the previews cannot be fetched', async () => {
    const page = await openPage(browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
    let asked = 0;
    await page.route('**/previews.json', (route) => {
      asked++;
      return route.abort();
    });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    const href = await term.getAttribute('href');
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await page.waitForURL((url) => url.pathname === href);
    expect(asked).toBeGreaterThan(0);
    await page.context().close();
  });

  it('do not show once the pointer has left the link, nor after Escape, when the previews come late', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.route('**/previews.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    await term.hover();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1200);
    expect(await page.locator('.preview').count()).toBe(0);
    await page.reload();
    await page.locator('[data-article-text] a.term').first().focus();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1200);
    expect(await page.locator('.preview').count()).toBe(0);
    await page.context().close();
  });

  it("never hold a tap on the site's own header: its search link opens search at once", async () => {
    const page = await openPage(browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(site.url + ARTICLE);
    await page.locator('.search-link').tap();
    await page.getByRole('dialog', { name: 'Search the edition' }).waitFor({ timeout: 5000 });
    expect(new URL(page.url()).pathname).toBe(`/${ARTICLE}`);
    await page.context().close();
  });

  it("cover none of a wrapped link's words at 390 px", async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${site.url}glossary/nato/`);
    const links = page.locator('main a[href^="/articles/"]');
    const index = await links.evaluateAll((all) => all.findIndex((link) => link.getClientRects().length > 1));
    expect(index).toBeGreaterThanOrEqual(0);
    const link = links.nth(index);
    await link.scrollIntoViewIfNeeded();
    await link.focus();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    const lines = await link.evaluate((element) => [...element.getClientRects()].map((rect) => ({ top: rect.top, bottom: rect.bottom })));
    const box = (await preview.evaluate((element) => element.getBoundingClientRect().toJSON())) as { top: number; bottom: number };
    const clear = box.top >= lines[lines.length - 1]!.bottom - 0.5 || box.bottom <= lines[0]!.top + 0.5;
    expect(clear, JSON.stringify({ lines, box })).toBe(true);
    await page.context().close();
  });

  it('are plain links without JavaScript', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(site.url + ARTICLE);
    const term = page.locator('[data-article-text] a.term').first();
    const href = await term.getAttribute('href');
    await term.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.context().close();
  });
});

describe('term pages', () => {
  const corpus = readCorpus(ROOT);
  for (const id of ['union-state', 'open-skies', 'new-start', 'iskander', 'nato']) {
    it(`${id}: lists its mentions in every text that names it, each landing on a paragraph with the mention`, async () => {
      const term = corpus.terms.get(id)!;
      const names = term.names;
      const page = await openPage(browser, { width: 1440 });
      await page.goto(`${site.url}glossary/${id}/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(term.term);
      for (const slug of builtArticleSlugs()) {
        const text = sourceBlocks(builtPage(`articles/${slug}/`)).join('\n');
        const named = names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text));
        const links = page.locator(`.mention-list a[href*="/articles/${slug}/#"]`);
        expect((await links.count()) > 0, `${id} in ${slug}`).toBe(named);
      }
      const links = page.locator('.mention-list a');
      const count = await links.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const href = await link.getAttribute('href');
        const words = await link.locator('strong').allTextContents();
        expect(words.length, href!).toBeGreaterThan(0);
        const [path, fragment] = href!.split('#');
        const html = builtPage(path!.replace(/^\//, ''));
        const paragraph = new RegExp(`<(?:p|h2)[^>]*\\bid="${fragment}"[^>]*>([\\s\\S]*?)</(?:p|h2)>`).exec(html);
        expect(paragraph, href!).not.toBeNull();
        for (const word of words) expect(paragraph![1]!.replace(/<[^>]+>/g, ''), href!).toContain(word);
      }
      // A sentence that names the term twice is listed once, both names picked out.
      const items = await page.locator('.mention-list a').evaluateAll((anchors) => anchors.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
      expect(items.filter((item, index) => items.indexOf(item) !== index), 'sentences listed twice').toEqual([]);
      await page.context().close();
    });
  }

  it('has no axe violations (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, { width: 1440, colorScheme });
      await page.goto(`${site.url}glossary/union-state/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('the glossary lists every term A to Z (people by surname) and by category, with labelled counts', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}glossary/`);
    const terms = await page.locator('.glossary-list dt a').allTextContents();
    expect(terms.length).toBeGreaterThanOrEqual(30);
    // People are filed by surname: a person's key is their last word.
    const people = new Set(await page.locator('section:has(> #category-person) a').allTextContents());
    expect(people.size).toBeGreaterThanOrEqual(8);
    const key = (term: string) => (people.has(term) ? `${term.split(' ').at(-1)}, ${term}` : term);
    expect(terms).toEqual([...terms].sort((a, b) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base' })));
    expect(terms.indexOf('Vladimir Putin')).toBeGreaterThan(terms.indexOf('Open Skies Treaty'));
    expect(await page.locator('.glossary-categories a').count()).toBe(terms.length);
    for (const count of await page.locator('.glossary-list__count').allTextContents()) {
      expect(count).toMatch(/^(\d[\d,]* mentions?|not named in the texts(; in \d+ notes?)?)$/);
    }
    await page.context().close();
  });

  it('links on term pages look like links: underlined, a mention’s term in the link colour and its sentence in the text’s', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}glossary/putin/`);
    const link = page.locator('.mention-list a').first();
    const prose = await page.locator('.term-page__entry a, .term-sources a').first().evaluate((a) => getComputedStyle(a).color);
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('underline');
    expect(await link.locator('strong').evaluate((term) => getComputedStyle(term).color)).toBe(prose);
    expect(await link.evaluate((a) => getComputedStyle(a).color)).toBe(text);
    expect(await page.locator('.mention-group__meta').first().textContent()).toMatch(/· \d+ mentions?$/);
    await page.context().close();
  });
});

describe('cross-links', () => {
  it('end each article with related texts ranked by shared terms', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + ARTICLE);
    const related = page.getByRole('region', { name: 'Related in this edition' });
    expect(await related.locator('li').count()).toBeGreaterThan(0);
    expect(await related.locator('.related__shared').first().textContent()).toMatch(/Shares \d+ terms?/);
    await page.context().close();
  });

  it('show, under a cited passage, where it is cited, and preview the citing note', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + 'articles/nato-ratchets-up-anti-russian-offensive/');
    const cited = page.locator('.cited-by').first();
    // Behind a small marker: the citation opens under it.
    expect(await cited.locator('summary').textContent()).toMatch(/^Cited in (a note|\d+ notes)$/);
    expect(await cited.locator('p').first().isVisible()).toBe(false);
    await cited.locator('summary').click();
    // Opened, each line says where, without saying "Cited in a note" again under the marker.
    expect(await cited.textContent()).toMatch(/^Cited in (a note|\d+ notes)In a note to (this text: |“)/);
    expect(await cited.textContent()).not.toMatch(/Cited in a note to/);
    const link = cited.locator('a').first();
    await link.focus();
    await expect.poll(() => page.locator('.preview--note').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
