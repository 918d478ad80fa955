/**
 * Claims across the texts in Chromium: the claims index filtered by finding, text and term with
 * the keyboard and without JavaScript; a claim page's passages leading to their place in the text;
 * axe on the index, a filter, the list of terms and claim pages at 1440 and 390 px, light and dark;
 * print; and claims found by search as results of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { axeViolations, type Violation } from '../helpers/axe.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import type { RunningSite } from '../helpers/server.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((test) => document.activeElement?.matches(test) === true, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the claims index', () => {
  it('filters by finding with the keyboard alone, and says which filter is on', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}claims/`);
    await tabTo(page, '.claims-filters a[href$="/claims/finding/imprecise/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/claims\/finding\/imprecise\/$/);
    expect(await page.getByRole('heading', { level: 2, name: /Claims filed as “Imprecise”/ }).isVisible()).toBe(true);
    expect(await page.locator('.claims-filters a[aria-current="page"]').textContent()).toBe('Imprecise');
    const items = page.locator('.claim-list > li');
    expect(await items.count()).toBeGreaterThan(2);
    expect((await items.allTextContents()).filter((text) => !text.includes('Imprecise'))).toEqual([]);
    await page.context().close();
  });

  it('filters by text without JavaScript, listing only claims that text makes', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}claims/`);
    await page.locator('.claims-filters').getByRole('link', { name: 'Russian bombers fly over Belarus' }).click();
    await page.waitForURL(/\/claims\/text\/russian-bombers-fly-over-belarus\/$/);
    const first = page.locator('.claim-list__claim').first();
    expect(await first.textContent()).toMatch(/Crimea|troops|attack/);
    await first.click();
    expect(await page.locator('.claim-passages').getByRole('link', { name: 'Russian bombers fly over Belarus' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('a claim page', () => {
  it('gives the claim in neutral words, every passage in both texts with its date and outlet, and leads to each passage', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}claims/union-state-founding-year/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The Union State of Russia and Belarus was founded in 1999 or in 2000 (the texts give different years).');
    const sources = await page.locator('.claim-passages__source').allTextContents();
    expect(sources.map((text) => text.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/US Peace Council, 1 September 2020/),
      expect.stringMatching(/Moon of Alabama, 21 December 2022/),
    ]);
    expect(await page.locator('.claim-record').count()).toBe(2);
    expect(await page.locator('.claim-history li').count()).toBeGreaterThanOrEqual(3);
    await page.locator('.claim-passages').getByRole('link', { name: 'Russia Takes New Steps To Secures Its Western Border' }).click();
    await page.waitForURL(/\/articles\/russia-new-steps-western-border\/#1999-russia-belarus-signed-treaty$/);
    expect(await page.locator('[id="1999-russia-belarus-signed-treaty"]').textContent()).toContain('In 1999 Russia and Belarus signed a treaty');
    await page.context().close();
  });

  it('draws each kind icon in its kind’s colour, in the dark theme too', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, { colorScheme });
      await page.goto(`${site.url}claims/iskander-covers-poland/`);
      const icons = await page.locator('.claim-record__title svg.icon').evaluateAll((svgs) => svgs.map((svg) => ({ fill: getComputedStyle(svg).fill, color: getComputedStyle(svg).color })));
      expect(icons.length).toBeGreaterThan(0);
      for (const icon of icons) expect(icon.fill, colorScheme).toBe(icon.color);
      await page.context().close();
    }
  });

  it("is reached from the text's Claims examined list", async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}articles/russian-bombers-fly-over-belarus/`);
    await page.locator('.claims summary').click();
    await page.locator('#claim-estimated-100000-troops').getByRole('link', { name: 'The claim across the texts' }).click();
    await page.waitForURL(/\/claims\/russian-troops-near-ukraine-2021-2022\/$/);
    expect(await page.locator('.claim-passages > li').count()).toBe(2);
    await page.context().close();
  });

  it('prints the claim, the passages and the record, without the filters or the site furniture', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}claims/open-skies-number-of-parties/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.claim-passages').isVisible()).toBe(true);
    expect(await page.locator('.claim-record').first().isVisible()).toBe(true);
    // Paper cannot follow a link: each source prints its address after its title.
    const sources = await page.locator('.claim-record__sources a[href^="http"]').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), getComputedStyle(link, '::after').content]));
    expect(sources.length).toBeGreaterThan(0);
    for (const [href, after] of sources) expect(after).toBe(`" <${href}>"`);
    await page.goto(`${site.url}claims/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.claims-filters').isVisible()).toBe(false);
    expect(await page.locator('.claim-list').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the claims index on a phone', () => {
  it('offers the list before the filters, and runs the short filters on as lines of words', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${site.url}claims/`);
    const jump = page.getByRole('link', { name: /^Go to the \d+ claims$/ });
    expect(await jump.isVisible()).toBe(true);
    const filters = await page.locator('.claims-filters').boundingBox();
    // The link stands above the filters, and leads past them to the list's heading.
    expect((await jump.boundingBox())!.y).toBeLessThan(filters!.y);
    expect(await jump.getAttribute('href')).toBe('#claims-results-title');
    expect(await page.locator('ul[aria-labelledby="filter-finding"]').evaluate((list) => getComputedStyle(list).display)).toBe('flex');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await jump.isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('claims pass axe', () => {
  const pages = ['claims/', 'claims/finding/imprecise/', 'claims/terms/', 'claims/union-state-founding-year/', 'claims/open-skies-number-of-parties/', 'claims/over-14000-killed/', 'about/'];
  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${pages.length} pages at ${width} px, ${colorScheme}`, async () => {
        const page = await openPage(browser, { width, height: 900, colorScheme });
        const found: Record<string, Violation[]> = {};
        for (const path of pages) {
          await page.goto(site.url + path);
          const violations = await axeViolations(page);
          if (violations.length > 0) found[path] = violations;
        }
        await page.context().close();
        expect(found).toEqual({});
      }, 60_000);
    }
  }
});

describe('claims in search', () => {
  it('are found as results of their own, grouped under Claims across the texts, landing on the claim page', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('Union State founded')}`);
    await page.locator('.search-status').filter({ hasText: /for “|No results|Nothing to show/ }).waitFor();
    const group = page.getByRole('group', { name: 'Claims across the texts' });
    const hit = group.locator('.search-hit--claim').first();
    expect(await hit.getAttribute('href')).toBe('/claims/union-state-founding-year/');
    expect(await hit.locator('.search-hit__type').textContent()).toBe('Claim');
    await page.context().close();
  });
});
