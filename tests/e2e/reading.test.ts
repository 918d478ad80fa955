/**
 * The reading experience in Chromium, against the built site served on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';

const LONGEST = 'articles/lavrov-speaks-out-against-nato-at-un/';
const SHORT = 'articles/russian-bombers-fly-over-belarus/';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('home page', () => {
  it('lists the five texts in the order of their dates, with outlet, date, kind and summary', async () => {
    const page = await openPage(browser);
    await page.goto(site.url);
    const cards = page.locator('.text-card');
    await expect.poll(() => cards.count()).toBe(5);
    const titles = await page.locator('.text-card h3').allTextContents();
    // Each headline is the source's, quoted and attributed (issue 15); the dash never ends a line.
    expect(titles).toEqual([
      '“Lavrov speaks out against NATO at UN” —\u00a0Cassiopaea forum',
      '“NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus” —\u00a0Environmentalists Against War',
      '“NATO ratchets up anti-Russian offensive in Poland and Ukraine” —\u00a0World Socialist Web Site',
      '“Russian bombers fly over Belarus” —\u00a0Associated Press',
      '“Russia Takes New Steps To Secures Its Western Border” —\u00a0Moon of Alabama',
    ]);
    const dates = await page.locator('.text-card time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort());
    for (let i = 0; i < 5; i++) {
      const card = cards.nth(i);
      expect(await card.locator('.badge').textContent()).toMatch(/\S/);
      expect(await card.locator('.text-card__meta').textContent()).toMatch(/\S/);
      expect((await card.locator('.text-card__summary').textContent())!.length).toBeGreaterThan(100);
    }
    await page.getByRole('link', { name: 'Russian bombers fly over Belarus' }).click();
    await page.waitForURL(/russian-bombers-fly-over-belarus/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('“Russian bombers fly over Belarus” —\u00a0Associated Press');
    await page.context().close();
  });
});

describe('article page', () => {
  it('has a header, a provenance box, sections in the rail and previous/next links at 1440 px', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + LONGEST);
    await expect.poll(() => page.locator('.kicker').first().textContent()).toBe('Forum thread quoting news items');
    expect(await page.locator('h1').textContent()).toContain('—\u00a0Cassiopaea forum');
    expect(await page.locator('.article-meta').allTextContents()).toEqual([expect.stringMatching(/Dated 14 May – 13 July 2020 · \d+ min read/)]);
    const provenance = page.getByRole('complementary', { name: 'About this copy' });
    expect(await provenance.textContent()).toContain('Known defects of this copy');
    const rail = page.getByRole('navigation', { name: 'In this text' });
    expect(await rail.isVisible()).toBe(true);
    expect(await rail.getByRole('link').count()).toBe(10);
    expect(await page.locator('.toc-inline').isVisible()).toBe(false);
    const prevNext = page.getByRole('navigation', { name: 'Other texts, in date order' });
    expect(await prevNext.getByRole('link').allTextContents()).toEqual([expect.stringContaining('NATO Stages')]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('shows what was removed on request, with the removed words', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + LONGEST);
    const removed = page.locator('.provenance__removed');
    expect(await removed.locator('.removed-text').first().isVisible()).toBe(false);
    // Inside the full record, which is folded under the summary (issue 15).
    await page.getByText('Full record of the copy').click();
    await removed.locator('summary').click();
    expect(await removed.locator('.removed-text').first().isVisible()).toBe(true);
    expect(await removed.textContent()).toContain('The Living Force');
    await page.context().close();
  });

  it('keeps the text column between 55 and 80 characters wide', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + SHORT);
    // Characters per line = the column's width over the mean advance of the text's own characters.
    const perLine = await page.evaluate(() => {
      const p = document.querySelector('[data-article-text] p[data-passage]') as HTMLElement;
      const style = getComputedStyle(p);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = p.textContent ?? '';
      return p.clientWidth / (context.measureText(text).width / text.length);
    });
    expect(perLine).toBeGreaterThan(55);
    expect(perLine).toBeLessThan(80);
    await page.context().close();
  });

  for (const width of [390, 320]) {
    it(`fits a ${width} px screen without sideways scrolling, with the sections folded above the text`, async () => {
      const page = await openPage(browser, { width, height: 800, isMobile: true, hasTouch: true });
      for (const path of ['', LONGEST, SHORT, 'about/']) {
        await page.goto(site.url + path);
        expect(await horizontalOverflow(page), path || 'home').toBeLessThanOrEqual(0);
      }
      await page.goto(site.url + LONGEST);
      expect(await page.locator('.article-rail').isVisible()).toBe(false);
      const inline = page.locator('.toc-inline');
      expect(await inline.isVisible()).toBe(true);
      await inline.locator('summary').click();
      await inline.getByRole('link', { name: /France suspends NATO naval mission/ }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#after-turkish-incident-france-suspends');
      await page.context().close();
    });
  }
});

describe('passage links', () => {
  it('shows a paragraph’s link on keyboard focus and copies its permalink, announcing it', async () => {
    const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + SHORT);
    const first = page.locator('[data-article-text] p[data-passage]').first();
    const id = await first.getAttribute('id');
    const link = first.locator('a.passage-link');
    expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await link.focus();
    expect(await link.evaluate((el) => el.matches(':focus-visible') || el === document.activeElement)).toBe(true);
    await expect.poll(() => link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await link.getAttribute('aria-label')).toBe('Link to this paragraph');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link to this paragraph copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${SHORT}#${id}`);
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    await page.context().close();
  });

  it('lands on a paragraph from its permalink and marks it', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}${SHORT}#moscow-russia-saturday-sent-pair`);
    const target = page.locator('#moscow-russia-saturday-sent-pair');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    // Scrolling may be smooth: wait for it to settle with the paragraph near the top.
    await expect.poll(async () => (await target.boundingBox())!.y, { timeout: 5000 }).toBeLessThan(200);
    expect((await target.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });
});

describe('themes', () => {
  it('follows the system theme, and a chosen theme persists across pages', async () => {
    const page = await openPage(browser, { colorScheme: 'dark' });
    await page.goto(site.url);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    const theme = page.getByRole('group', { name: 'Colour theme' });
    expect(await theme.getByRole('button', { name: 'System' }).getAttribute('aria-pressed')).toBe('true');
    const toggle = theme.getByRole('button', { name: 'Light' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const light = await background();
    expect(light).not.toBe(dark);
    await page.goto(site.url + SHORT);
    expect(await background()).toBe(light);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('reads fully: the whole text, the provenance, no dead controls', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(site.url + LONGEST);
    const paragraphs = await page.locator('[data-article-text] p[data-passage]').count();
    expect(paragraphs).toBeGreaterThan(80);
    expect(await page.locator('[data-article-text]').textContent()).toContain('RAND is considered the U.S. Air Force’s think tank');
    expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('keyboard and print', () => {
  it('offers a skip link first, which moves focus to the text', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + SHORT);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the text' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('prints the text and the provenance, without navigation or controls', async () => {
    const page = await openPage(browser);
    await page.goto(site.url + LONGEST);
    await page.emulateMedia({ media: 'print' });
    // The header keeps only the edition's name and the page's address (reading-print.test.ts).
    for (const control of ['.site-nav', '.search-link', 'theme-toggle']) expect(await page.locator(control).isVisible(), control).toBe(false);
    expect(await page.locator('.site-title').isVisible()).toBe(true);
    expect(await page.locator('.passage-link').first().isVisible()).toBe(false);
    expect(await page.locator('.provenance').isVisible()).toBe(true);
    expect(await page.locator('.removed-text').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
