/**
 * What a reader's review of 6 December 2026 found, measured in Chromium: "Skip to the text" does
 * not flood the page with the highlight meant for a linked passage; a page printed from the dark
 * theme is dark on white, its notes' numbers included; a folded note that the keyboard passed
 * through shows its first lines again; the contents in the margin keep the current section in
 * their box on a long text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { luminance } from '../helpers/contrast.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

const BOMBERS = 'articles/russian-bombers-fly-over-belarus/';
const LAVROV = 'articles/lavrov-speaks-out-against-nato-at-un/';

describe('the reading page, after the review', () => {
  it('does not mark the whole main region when the skip link targets it', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}${BOMBERS}#main`);
    const main = await page.locator('main').evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).boxShadow]);
    expect(main).toEqual(['rgba(0, 0, 0, 0)', 'none']);
    // A linked paragraph still gets its highlight.
    const id = await page.locator('[data-article-text] p[data-passage]').nth(2).getAttribute('id');
    await page.goto(`${site.url}${BOMBERS}#${id}`);
    expect(await page.locator(`[id="${id}"]`).evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });

  it.each([
    ['the system', undefined],
    ['the toggle', 'dark'],
  ])('prints dark text on white from the dark theme chosen by %s, note numbers included', async (_by, theme) => {
    const page = await openPage(browser, { colorScheme: 'dark' });
    await page.goto(`${site.url}${BOMBERS}`);
    if (theme) {
      await page.evaluate((value) => localStorage.setItem('theme', value), theme);
      await page.reload();
    }
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() => {
      const number = document.querySelector('.note__number')!;
      return { body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('h1')!).color, paragraph: getComputedStyle(document.querySelector('[data-article-text] p')!).color, number: getComputedStyle(number).color };
    });
    expect(luminance(colours.body)).toBeGreaterThan(0.9);
    for (const colour of [colours.text, colours.paragraph, colours.number]) expect((1.05 / (luminance(colour) + 0.05))).toBeGreaterThan(7);
    await page.context().close();
  });

  it('shows a folded note from its first lines again once the keyboard has passed through it', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}${BOMBERS}`);
    const first = page.locator('aside.note').first();
    const start = await first.locator('.note__body').evaluate((body) => body.getBoundingClientRect().top - body.firstElementChild!.getBoundingClientRect().top);
    let entered = false;
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const inside = await first.evaluate((note) => note.contains(document.activeElement));
      if (inside) entered = true;
      else if (entered) break;
    }
    expect(entered).toBe(true);
    await page.waitForTimeout(300);
    const body = await first.locator('.note__body').evaluate((element) => ({ scrollTop: element.scrollTop, offset: element.getBoundingClientRect().top - element.firstElementChild!.getBoundingClientRect().top }));
    expect(body).toEqual({ scrollTop: 0, offset: start });
    await page.context().close();
  });

  it('keeps the current section inside the box of the contents on a long text, at 1440 px', async () => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await page.goto(`${site.url}${LAVROV}`);
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (const share of [0.3, 0.6, 0.8]) {
      await page.evaluate((y) => scrollTo(0, y), Math.round(height * share));
      await page.waitForTimeout(600);
      const place = await page.evaluate(() => {
        const current = document.querySelector('.article-rail a[aria-current="true"]');
        const box = document.querySelector('.article-rail .toc');
        if (!current || !box) return undefined;
        const item = current.getBoundingClientRect();
        const frame = box.getBoundingClientRect();
        return { inside: item.top >= frame.top - 1 && item.bottom <= frame.bottom + 1, scrolls: box.scrollHeight > box.clientHeight };
      });
      expect(place?.inside, `at ${share} of the page`).toBe(true);
    }
    await page.context().close();
  });
});
