/**
 * Corrections in the open (issue 19.3), in Chromium against the built site: every corrected note
 * links to its entry, each entry shows the date, the item, what changed and the difference (told
 * apart by line and in words, not by colour alone), without JavaScript and in print; the Atom feed
 * is valid XML with absolute links; About links to both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { axeViolations } from '../helpers/axe.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, builtArticleSlugs, builtPage } from '../helpers/site.ts';
import { FEED_ENTRIES, LATEST_CORRECTIONS } from '../../src/lib/corrections.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

/** Every "Corrected on" link of the built article pages: the note's id and the link's address. */
function correctedNotes(): { slug: string; note: string; href: string }[] {
  return builtArticleSlugs().flatMap((slug) =>
    [...builtPage(`articles/${slug}/`).matchAll(/<aside id="note-([^"]+)"[\s\S]*?Corrected on <a class="note__corrected" href="([^"]+)"/g)]
      // An aside's match must not run into the next note: the id is the last aside before the link.
      .map((match) => ({ slug, note: match[0].match(/<aside id="note-([^"]+)"/g)!.at(-1)!.slice(16, -1), href: match[2]! })),
  );
}

/** The corrections the year pages list, all years together. */
function allCorrections(): number {
  const years = readdirSync(join(DIST, 'corrections'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name));
  return years.reduce((sum, year) => sum + (builtPage(`corrections/${year.name}/`).match(/<article class="correction"/g)?.length ?? 0), 0);
}

describe('the corrections page', () => {
  it('has an entry for every corrected note, which the note links to and which links back', async () => {
    const corrected = correctedNotes();
    expect(corrected.length).toBeGreaterThanOrEqual(10);
    const page = await openPage(browser, { javaScriptEnabled: false });
    for (const { slug, note, href } of corrected) {
      // The correction's own page, its address made of the year, the item and the date.
      expect(href).toMatch(new RegExp(`^/corrections/\\d{4}/note-${note}-\\d{4}-\\d{2}-\\d{2}/$`));
      await page.goto(new URL(href, site.url).href);
      const entry = page.locator(`#${href.split('/').at(-2)}`);
      await expect(entry.count()).resolves.toBe(1);
      await expect(entry.getByRole('heading').getByRole('link').getAttribute('href')).resolves.toBe(`/articles/${slug}/#note-${note}`);
    }
    // Glossary entries say it too, below the entry.
    const terms = readdirSync(join(DIST, 'glossary'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const correctedTerms = terms.flatMap((id) => {
      const href = builtPage(`glossary/${id}/`).match(/class="corrected-notice"[^>]*>\s*Corrected on <a href="([^"]+)"/)?.[1];
      return href ? [{ id, href }] : [];
    });
    expect(correctedTerms.map((term) => term.id)).toEqual(expect.arrayContaining(['open-skies', 'new-start', 'border-crisis-2021']));
    for (const { id, href } of correctedTerms) {
      // The entry of its latest correction, dated as the entry's `updated` says.
      const updated = /^updated: (\d{4})-(\d{2}-\d{2})$/m.exec(readFileSync(join(ROOT, 'content/glossary', `${id}.md`), 'utf8'));
      expect(updated, `content/glossary/${id}.md has no updated date`).not.toBeNull();
      expect(href).toBe(`/corrections/${updated![1]}/term-${id}-${updated![1]}-${updated![2]}/`);
      await page.goto(new URL(href, site.url).href);
      await expect(page.locator(`#term-${id}-${updated![1]}-${updated![2]}`).getByRole('heading').getByRole('link').getAttribute('href')).resolves.toBe(`/glossary/${id}/`);
    }
    // The page shows the latest; each year's page, all of its year.
    await page.goto(new URL('corrections/', site.url).href);
    // One entry per correction: an item corrected twice has two.
    const records = readFileSync(join(ROOT, 'content/corrections.yaml'), 'utf8').match(/^- item: /gm)?.length ?? 0;
    expect(records).toBeGreaterThanOrEqual(corrected.length + correctedTerms.length);
    await expect(page.locator('article.correction').count()).resolves.toBe(Math.min(records, LATEST_CORRECTIONS));
    expect(allCorrections()).toBe(records);
    await page.context().close();
  });

  it('lists every correction of a year with what changed, each linking to its own page for the difference, and keeps the entries’ earlier addresses', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(new URL('corrections/2026/', site.url).href);
    await expect(page.locator('p', { hasText: 'Errors in the apparatus' }).textContent()).resolves.toMatch(/word by word\.\s+This page lists them with what changed\.\s+New corrections/);
    const entries = page.locator('article.correction');
    const count = await entries.count();
    expect(count).toBeGreaterThan(LATEST_CORRECTIONS);
    // No difference on the year's page: it grows by a short entry per correction, not by its wording.
    await expect(page.locator('.correction__diff, .correction__earlier').count()).resolves.toBe(0);
    const links = await page.locator('.correction__more a').evaluateAll((anchors) => anchors.map((a) => [a.closest('article')!.id, a.getAttribute('href')]));
    expect(links).toHaveLength(count);
    for (const [id, href] of links) expect(href).toBe(`/corrections/2026/${id}/`);
    // An address published before the correction had its own page lands on its entry, which links on.
    await page.goto(new URL('corrections/2026/#note-white-red-white-flag-history-2026-12-03', site.url).href);
    const entry = page.locator('#note-white-red-white-flag-history-2026-12-03');
    await expect(entry.locator('.correction__change').textContent()).resolves.toMatch(/^What changed: The note dated the replacement of the flag/);
    await entry.getByRole('link', { name: /^The wording before and after/ }).click();
    await page.waitForURL((url) => url.pathname === '/corrections/2026/note-white-red-white-flag-history-2026-12-03/');
    await expect(page.locator('#note-white-red-white-flag-history-2026-12-03 .diff del').count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows a long entry’s unchanged paragraphs by their opening words only, and the earlier wording in full on request', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(new URL('corrections/2026/term-open-skies-2026-12-03/', site.url).href);
    const entry = page.locator('#term-open-skies-2026-12-03');
    await expect(entry.locator('.diff__unchanged').first().textContent()).resolves.toMatch(/…\s*\(paragraph unchanged\)$/);
    await expect(entry.locator('.diff del').allTextContents()).resolves.toContain('[removed:\u00a0Thirty-three countries remained]');
    await expect(entry.locator('.correction__earlier').textContent()).resolves.toContain('Thirty-three countries remained parties.');
    await page.context().close();
  });

  it('shows each correction’s date, what changed and the difference, without JavaScript', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(new URL('corrections/2026/note-white-red-white-flag-history-2026-12-03/', site.url).href);
    const flag = page.locator('#note-white-red-white-flag-history-2026-12-03');
    await expect(flag.locator('time').first().getAttribute('datetime')).resolves.toBe('2026-12-03');
    await expect(flag.locator('time').first().textContent()).resolves.toBe('3 December 2026');
    await expect(flag.locator('.correction__change').textContent()).resolves.toMatch(/^What changed: The note dated the replacement of the flag 5 June 1995/);
    const removed = (await flag.locator('.diff del').allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));
    const added = (await flag.locator('.diff ins').allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));
    expect(removed.join(' ')).toContain('[removed: to 5 June]');
    expect(added.join(' ')).toContain('[added: ');
    expect(added.join(' ')).toContain('a presidential decree of 7 June 1995');
    // The earlier wording in full, in a disclosure that works without a script.
    await flag.getByText('The earlier wording in full').click();
    await expect(flag.locator('.correction__earlier p').first().isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('tells removed from added words by line and in words, not by colour alone, on screen and in print', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, { colorScheme });
      await page.goto(new URL('corrections/', site.url).href);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const del = page.locator('.diff del').first();
        const ins = page.locator('.diff ins').first();
        await expect(del.evaluate((e) => getComputedStyle(e).textDecorationLine)).resolves.toBe('line-through');
        await expect(ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).resolves.toBe('underline');
        // The words a screen reader says: hidden on screen, there in the text.
        await expect(del.locator('.visually-hidden').first().textContent()).resolves.toBe('[removed:\u00a0');
      }
      await page.context().close();
    }
  });

  it('prints each difference with the words “removed” and “added”, without the disclosure and permalinks', async () => {
    const page = await openPage(browser);
    await page.goto(new URL('corrections/2026/note-iskander-range-poland-2026-12-03/', site.url).href);
    const pdf = await page.pdf({ format: 'A4' });
    await page.context().close();
    const text = pdfPages(pdf).join('\f').replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain('[removed: Minsk] [added: Warsaw]');
    expect(text).toContain('What changed: The note compared the range');
    expect(text).not.toContain('The earlier wording in full');
    expect(text).not.toContain('Permalink');
  });

  it('has no axe violations at 1440 and 390 px, light and dark, on the page and its year', async () => {
    for (const path of ['corrections/', 'corrections/2026/', 'corrections/2026/note-iskander-range-poland-2026-12-03/']) {
      for (const width of [1440, 390]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await openPage(browser, { width, colorScheme });
          await page.goto(new URL(path, site.url).href);
          expect(await axeViolations(page), `${path} at ${width} px, ${colorScheme}`).toEqual([]);
          await page.context().close();
        }
      }
    }
  });

  it('can be read by keyboard: Tab reaches each entry’s item and Enter opens the corrected note', async () => {
    const page = await openPage(browser);
    await page.goto(new URL('corrections/', site.url).href);
    const first = page.locator('article.correction').first().getByRole('heading').getByRole('link');
    const target = await first.getAttribute('href');
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      if (await first.evaluate((link) => link === document.activeElement)) break;
    }
    await expect(first.evaluate((link) => link === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === target);
    await page.context().close();
  });
});

describe('the corrections feed', () => {
  it('is well-formed Atom, linked from the page, with absolute links and an entry per correction', async () => {
    const page = await openPage(browser);
    await page.goto(new URL('corrections/', site.url).href);
    const alternate = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(alternate).toBe('/corrections.xml');
    const entries = allCorrections();
    const response = await page.request.get(new URL(alternate!, site.url).href);
    expect(response.headers()['content-type']).toMatch(/^application\/(atom\+)?xml/);
    const xml = await response.text();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const child = (parent: Element, name: string) => [...parent.children].filter((c) => c.namespaceURI === atom && c.localName === name);
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: `${root.namespaceURI} ${root.localName}`,
        required: ['id', 'title', 'updated', 'author'].filter((name) => child(root, name).length === 0),
        entries: child(root, 'entry').map((entry) => ({
          missing: ['id', 'title', 'updated', 'link', 'content'].filter((name) => child(entry, name).length === 0),
          id: child(entry, 'id')[0]?.textContent ?? '',
        })),
        hrefs: [...doc.getElementsByTagNameNS(atom, 'link')].map((link) => link.getAttribute('href') ?? ''),
      };
    }, xml);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.required).toEqual([]);
    // The latest FEED_ENTRIES corrections; the year pages keep them all.
    expect(feed.entries).toHaveLength(Math.min(entries, FEED_ENTRIES));
    for (const entry of feed.entries) expect(entry.missing).toEqual([]);
    expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(Math.min(entries, FEED_ENTRIES));
    for (const href of feed.hrefs) expect(href).toMatch(/^https?:\/\//);
    await page.context().close();
  });
});

describe('About', () => {
  it('links to the corrections page and its feed from the corrections policy', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(new URL('about/', site.url).href);
    const log = page.locator('#corrections-log + p');
    await expect(log.getByRole('link', { name: 'the corrections page' }).getAttribute('href')).resolves.toBe('/corrections/');
    await expect(log.getByRole('link', { name: 'Atom feed of corrections' }).getAttribute('href')).resolves.toBe('/corrections.xml');
    await expect(page.locator('#corrections-recorded').textContent()).resolves.toContain('content/corrections.yaml');
    await page.context().close();
  });
});
