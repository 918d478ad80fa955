/**
 * The timeline (/timeline/) in Chromium against the built site: read without JavaScript, each event
 * at its permanent anchor with when each text first said it, the filters by year, text and term,
 * the keyboard, print, axe at 1440 and 390 px in light and dark, and events found by search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { axeViolations, type Violation } from '../helpers/axe.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';
import { pdfPages } from '../helpers/pdf.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));


const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the timeline without JavaScript', () => {
  it('leads from the overview to a year, whose events are a list in date order, each with its date in <time>', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}timeline/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Timeline');
    await page.getByRole('navigation', { name: 'Years of the timeline' }).getByRole('link', { name: /^2014 \d+ events?$/ }).click();
    expect(page.url()).toBe(`${site.url}timeline/2014/`);
    const dates = await page.locator('ol.tl-events > li.tl-event time:first-child').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.every((date) => /^2014(-\d\d){0,2}$/.test(date))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    await page.context().close();
  });

  it('gives an event a permanent anchor, the notes and passages that speak of it, and when each text first said it', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}timeline/2014/#crimea-annexed`);
    const event = page.locator('li#crimea-annexed');
    await expect.poll(() => event.isVisible()).toBe(true);
    expect(await event.locator('time').first().getAttribute('datetime')).toBe('2014-03-18');
    expect(squash((await event.locator('.tl-said').textContent())!)).toBe('First: “Lavrov speaks out against NATO at UN” — Cassiopaea forum, 14 May 2020 (also in paragraph 76)“Russian bombers fly over Belarus” — Associated Press, 5 February 2022');
    expect(await event.locator('.tl-said a').first().getAttribute('href')).toBe('/articles/lavrov-speaks-out-against-nato-at-un/#amounts-daunting-logical-challenge-special');
    const notes = await event.getByRole('link', { name: /^Note \d+/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(notes).toContain('/articles/russian-bombers-fly-over-belarus/#note-yanukovych-2014-two-accounts');
    // The glossary's own date of the same event is shown with it, and its address stays alive.
    expect(await event.getByRole('link', { name: 'Annexation of Crimea' }).count()).toBe(1);
    expect(await page.locator('#term-crimea-annexation-2014-03-18').count()).toBe(1);
    // The permalink is the event's own address.
    expect(await event.getByRole('link', { name: /^Permalink/ }).getAttribute('href')).toBe('#crimea-annexed');
    await page.context().close();
  });

  it('keeps every published event id as an anchor of the year page it was published on', async () => {
    const ledger = readFileSync(join(import.meta.dirname, '../../content/timeline/published.yaml'), 'utf8');
    const byYear = new Map<string, string[]>();
    for (const [, id, year] of ledger.matchAll(/^([a-z0-9-]+): (\d{4}[a-z0-9-]*)$/gm)) byYear.set(year!, [...(byYear.get(year!) ?? []), id!]);
    expect(byYear.size).toBeGreaterThan(10);
    const page = await openPage(browser, { javaScriptEnabled: false });
    const missing: string[] = [];
    for (const [year, ids] of byYear) {
      await page.goto(`${site.url}timeline/${year}/`);
      const present = new Set(await page.locator('[id]').evaluateAll((nodes) => nodes.map((node) => node.id)));
      for (const id of ids) if (!present.has(id)) missing.push(`${year}#${id}`);
    }
    expect(missing).toEqual([]);
    await page.context().close();
  });

  it('cuts a year too long for one page into months, and an old link to an event of it still lands, on a pointer to its month', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}timeline/2020/#courbet-incident`);
    const pointer = page.locator('li#courbet-incident');
    expect(await pointer.isVisible()).toBe(true);
    await pointer.getByRole('link').click();
    expect(page.url()).toBe(`${site.url}timeline/2020-06/#courbet-incident`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('June 2020');
    expect(await page.locator('li#courbet-incident .tl-event__when time').getAttribute('datetime')).toBe('2020-06-10');
    const months = page.getByRole('navigation', { name: 'Months of 2020' });
    expect(await months.getByRole('link', { name: /^June \d+ events?$/ }).getAttribute('aria-current')).toBe('page');
    // The pages follow each other: June leads back to May and on to July.
    expect(await page.locator('a[rel="prev"]').textContent()).toBe('←\u00a0May\u00a02020');
    expect(await page.locator('a[rel="next"]').textContent()).toBe('July\u00a02020\u00a0→');
    await page.context().close();
  });

  it('filters by text and by term on pages of their own, a heading per year', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}timeline/`);
    await page.getByRole('link', { name: 'Russian bombers fly over Belarus' }).click();
    expect(page.url()).toBe(`${site.url}timeline/text/russian-bombers-fly-over-belarus/`);
    const years = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(years).toEqual([...years].sort());
    expect(years).toContain('2022');
    // Each event links to its place on its year page.
    const links = await page.getByRole('link', { name: /^On the \d{4} page/ }).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toContain('/timeline/2022/#putin-xi-joint-statement');
    expect(links).not.toContain('/timeline/2020/#courbet-incident');
    await page.goto(`${site.url}timeline/`);
    await page.getByText(/terms with dated events/).click();
    await page.getByRole('link', { name: 'Open Skies Treaty' }).click();
    const labels = await page.locator('.tl-event__label').allTextContents();
    expect(labels.some((label) => /notice of withdrawal from the Treaty on Open Skies/.test(label))).toBe(true);
    expect(labels.some((label) => /Courbet/.test(label))).toBe(false);
    await page.context().close();
  });
});

describe('the timeline with the keyboard', () => {
  it('reaches a year from the overview with Tab and Enter alone', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}timeline/`);
    let name = '';
    for (let i = 0; i < 120 && name !== '2020'; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim().split(/\s/)[0]!);
    }
    expect(name).toBe('2020');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}timeline/2020/`);
    expect(await page.getByRole('link', { name: /^2020 \d+ events?$/ }).getAttribute('aria-current')).toBe('page');
    await page.context().close();
  });
});

describe('the timeline printed', () => {
  it('prints the list of years on its first page, where it is the contents, and not on a year’s page', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}timeline/`);
    await page.emulateMedia({ media: 'print' });
    const years = await page.locator('.tl-years a').count();
    expect(years).toBeGreaterThan(10);
    expect(await page.locator('.tl-years a').evaluateAll((links) => links.filter((link) => link.getClientRects().length > 0).length)).toBe(years);
    await page.goto(`${site.url}timeline/2021/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Years of the timeline' }).isVisible()).toBe(false);
    await page.context().close();
  });

  it('prints each entry of its list by text on one page, the title with its dates and count', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}timeline/`);
    // Each entry's parts (title, then dates and count, set on lines of their own) as the printed page words them.
    const entries = (await page.locator('.tl-filter-list__text').evaluateAll((items) => items.map((item) => [...item.children].map((part) => part.textContent).join(' ')))).map(squash).filter((entry) => /\d+ events?$/.test(entry));
    expect(entries.length).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPages(await page.pdf({ format: 'A4' })).map(squash);
    // (The text of the last text's entry ended page 1 and its “21 December 2022; 41 events” began page 2.)
    const cut = entries.filter((entry) => !pages.some((text) => text.includes(entry)));
    expect(cut).toEqual([]);
    await page.context().close();
  });

  it('lists on a phone only the years near a year’s page, and a link to all of them', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${site.url}timeline/2021/`);
    const shown = await page.getByRole('navigation', { name: 'Years of the timeline' }).locator('a').evaluateAll((links) => links.filter((link) => link.getClientRects().length > 0).map((link) => link.textContent!.trim().split(/\s/)[0]));
    expect(shown).toEqual(['2019', '2020', '2021', '2022', '2023', 'All']);
    expect(await page.getByRole('link', { name: /^All \d+ years$/ }).getAttribute('href')).toBe('/timeline/#tl-by-year');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await page.getByRole('link', { name: /^All \d+ years$/ }).isVisible()).toBe(false);
    await page.context().close();
  });

  it('prints every event of a year, none cut across two pages, without the navigation', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}timeline/2021/`);
    const labels = (await page.locator('.tl-event__label').allTextContents()).map(squash);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPages(await page.pdf({ format: 'A4' })).map(squash);
    expect(pages.length).toBeGreaterThan(1);
    const cut: string[] = [];
    for (const label of labels) {
      // The first and last words of the label and its permalink-free block sit on one page.
      const start = label.split(' ').slice(0, 5).join(' ');
      const onPages = pages.filter((text) => text.includes(start));
      if (onPages.length === 0) cut.push(label);
    }
    expect(cut).toEqual([]);
    expect(pages.join(' ')).not.toContain('Permalink');
    const all = pages.join(' ');
    expect(all.indexOf(labels[0]!.split(' ').slice(0, 5).join(' '))).toBeLessThan(all.indexOf(labels.at(-1)!.split(' ').slice(0, 5).join(' ')));
    // Each event is kept on one page: no event's box crosses a page break.
    expect(await page.locator('.tl-event').first().evaluate((li) => getComputedStyle(li).breakInside)).toBe('avoid');
    await page.context().close();
  });
});

describe('the timeline passes axe', () => {
  const pages = sitemapPaths().filter((path) => path.startsWith('timeline/'));
  it('lists its pages in the sitemap, so the site-wide checks (axe, links, HTML) cover them', () => {
    expect(pages).toEqual(expect.arrayContaining(['timeline/', 'timeline/2020/', 'timeline/2020-06/', 'timeline/text/russian-bombers-fly-over-belarus/', 'timeline/term/open-skies/']));
  });
  const sample = ['timeline/', 'timeline/2020/', 'timeline/2020-06/', 'timeline/text/lavrov-speaks-out-against-nato-at-un/', 'timeline/term/union-state/'];
  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${colorScheme}`, async () => {
        const page = await openPage(browser, { width, height: 900, colorScheme });
        const found: Record<string, Violation[]> = {};
        for (const path of sample) {
          await page.goto(site.url + path);
          const violations = await axeViolations(page);
          if (violations.length > 0) found[path] = violations;
        }
        await page.context().close();
        expect(found).toEqual({});
      }, 120_000);
    }
  }
});

describe('timeline events in search', () => {
  it('finds an event as a result of its own, linked to its anchor, and filters by type', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('Courbet radar')}`);
    const event = page.locator('[role="listbox"] [role="option"].search-hit--event').first();
    await expect.poll(() => event.count(), { timeout: 15_000 }).toBe(1);
    // 2020 has more events than a page holds: the event is on its month's page.
    // (With the searched words, which the event's page marks.)
    expect(await event.getAttribute('href')).toBe('/timeline/2020-06/?hl=Courbet&hl=radar#courbet-incident');
    expect(await event.locator('.search-hit__type').textContent()).toBe('Event');
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/timeline event/);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('Courbet radar')}&type=Event`);
    await expect.poll(() => page.locator('[role="option"].search-hit--event').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('[role="option"]:not(.search-hit--event)').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
