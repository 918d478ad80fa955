/**
 * The reading page on a touch phone (390x844, isMobile, hasTouch): note markers and ¶ links large
 * enough to tap and never cut off, markers kept on their passage's line, a close control on an
 * open note, a compact header with search that stays on long pages, and a link offered for a
 * selection made by touch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { builtArticleSlugs } from '../helpers/site.ts';

const LONGEST = 'articles/lavrov-speaks-out-against-nato-at-un/';
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };
const TARGET_PX = 24;

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

async function phone(path: string): Promise<Page> {
  const page = await openPage(browser, PHONE);
  await page.goto(site.url + path);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe('tap targets on a phone', () => {
  it('makes every note marker and ¶ link at least 24x24 px, inside the screen, on every article', async () => {
    const problems: string[] = [];
    for (const slug of builtArticleSlugs()) {
      const page = await phone(`articles/${slug}/`);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-article-text] a.note-ref, [data-article-text] a.passage-link')].map((link) => {
          const box = link.getBoundingClientRect();
          return { what: `${link.className} ${link.getAttribute('href')}`, left: box.left, right: box.right, width: box.width, height: box.height };
        }),
      );
      expect(boxes.length).toBeGreaterThan(20);
      for (const box of boxes) {
        if (box.width < 24 || box.height < 24) problems.push(`${slug}: ${box.what} is ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
        if (box.left < 0 || box.right > 390) problems.push(`${slug}: ${box.what} is cut off (${box.left.toFixed(1)}–${box.right.toFixed(1)})`);
      }
      await page.context().close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('keeps each note marker on the line of its passage’s last word, on every article', async () => {
    const alone: string[] = [];
    for (const slug of builtArticleSlugs()) {
      const page = await phone(`articles/${slug}/`);
      alone.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-article-text] a.note-ref')].flatMap((ref) => {
            // The last character of text before the marker, in its paragraph.
            const paragraph = ref.closest('[data-passage]')!;
            const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
            let last: { node: Text; at: number } | undefined;
            for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
              if (ref.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
              if (ref.contains(node)) continue;
              const at = node.data.trimEnd().length;
              if (at > 0) last = { node, at };
            }
            if (!last) return [];
            const range = document.createRange();
            range.setStart(last.node, last.at - 1);
            range.setEnd(last.node, last.at);
            const word = range.getBoundingClientRect();
            const pill = ref.getBoundingClientRect();
            const middle = (pill.top + pill.bottom) / 2;
            return middle >= word.top && middle <= word.bottom ? [] : [`${ref.id}: marker at ${Math.round(pill.top)}, word at ${Math.round(word.top)}`];
          }),
        )),
      );
      await page.context().close();
    }
    expect(alone, alone.join('\n')).toEqual([]);
  });
});

describe('an open note on a phone', () => {
  it('has a close control, which closes it and gives focus back to its marker', async () => {
    const page = await phone(LONGEST);
    const ref = page.locator('[data-article-text] a.note-ref').nth(2);
    const id = await ref.getAttribute('data-note');
    const note = page.locator(`#note-${id}`);
    await ref.tap();
    expect(await note.isVisible()).toBe(true);
    const close = note.getByRole('button', { name: /^Close note/ });
    expect(await close.isVisible()).toBe(true);
    const box = (await close.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(TARGET_PX);
    await close.tap();
    expect(await note.isVisible()).toBe(false);
    expect(await ref.getAttribute('aria-expanded')).toBe('false');
    expect(await ref.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('opened by a marker near the foot of the screen, shows its label and the first lines of its finding, the marker still in view', async () => {
    const page = await phone(LONGEST);
    const problems: string[] = [];
    const count = await page.locator('[data-article-text] a.note-ref').count();
    for (let i = 0; i < count; i += 3) {
      const ref = page.locator('[data-article-text] a.note-ref').nth(i);
      const id = (await ref.getAttribute('data-note'))!;
      // The marker on the screen's last lines, as a reader reaches it scrolling down.
      await ref.evaluate((el) => window.scrollBy({ top: el.getBoundingClientRect().bottom - (innerHeight - 40), behavior: 'instant' }));
      await ref.tap();
      const at = () =>
        page.evaluate((id) => {
          const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
          const body = document.querySelector<HTMLElement>(`#note-${id} .note__body`)!;
          // The label, the quotation and the finding's first two lines.
          const finding = body.getBoundingClientRect().top + 2 * parseFloat(getComputedStyle(body).lineHeight);
          const ref = document.getElementById(`ref-${id}`)!.getBoundingClientRect();
          return { below: Math.round(finding - innerHeight), refTop: Math.round(ref.top - header) };
        }, id);
      // The page may scroll smoothly: wait for it to come to rest.
      await expect.poll(async () => { const a = JSON.stringify(await at()); await page.waitForTimeout(150); return a === JSON.stringify(await at()); }).toBe(true);
      const { below, refTop } = await at();
      if (!(below <= 0)) problems.push(`#note-${id}: its finding's first two lines end ${below} px below the screen`);
      if (refTop < 0) problems.push(`#note-${id}: its marker ${-refTop} px under the header`);
      await page.getByRole('button', { name: /^Close note/ }).and(page.locator(`#note-${id} button`)).tap();
    }
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('opens when its highlighted words are tapped, as the legend says they have a note', async () => {
    const page = await phone(LONGEST);
    // A passage with no link among its words: a tap on them, not on its number.
    const mark = page.locator('[data-article-text] mark.note-mark[data-notes]:not(:has(a:not(.note-ref)))').nth(1);
    const id = (await mark.getAttribute('data-notes'))!.split(' ')[0]!;
    const note = page.locator(`#note-${id}`);
    await mark.scrollIntoViewIfNeeded();
    expect(await note.isVisible()).toBe(false);
    const line = await mark.evaluate((el) => { const box = el.getClientRects()[0]!; return { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 }; });
    await page.touchscreen.tap(line.x, line.y);
    expect(await note.isVisible()).toBe(true);
    expect(await page.locator(`#ref-${id}`).getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
  });

  // From the note's own control, or from wherever in the text the focus has gone since (the paragraph's link after its number).
  for (const [from, move, inNote] of [
    ['its close control', (_page: Page, note: Locator) => note.getByRole('button', { name: /^Close note/ }).focus(), true],
    ['the text, where the focus has gone on to (the paragraph’s link)', (page: Page) => page.keyboard.press('Tab'), false],
  ] as const) {
    it(`closes with Escape from ${from}, focus back on the marker`, async () => {
      const page = await phone(LONGEST);
      const ref = page.locator('[data-article-text] a.note-ref').nth(3);
      const id = await ref.getAttribute('data-note');
      const note = page.locator(`#note-${id}`);
      await ref.focus();
      await page.keyboard.press('Enter');
      expect(await note.isVisible()).toBe(true);
      await move(page, note);
      expect(await ref.evaluate((el) => el === document.activeElement)).toBe(false);
      expect(await note.evaluate((el) => el.contains(document.activeElement))).toBe(inNote);
      await page.keyboard.press('Escape');
      expect(await note.isVisible()).toBe(false);
      expect(await ref.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.context().close();
    });
  }

  it('stays open when an Escape is another’s: a term’s preview elsewhere in the text', async () => {
    const page = await phone(LONGEST);
    const ref = page.locator('[data-article-text] a.note-ref').nth(3);
    const note = page.locator(`#note-${await ref.getAttribute('data-note')}`);
    await ref.focus();
    await page.keyboard.press('Enter');
    expect(await note.isVisible()).toBe(true);
    // A glossary link in another paragraph: its preview is what Escape closes.
    const paragraph = await ref.evaluate((el) => el.closest('p')!.id);
    await page.locator(`[data-article-text] p:not([id="${paragraph}"]) a[href^="/glossary/"]`).first().focus();
    await page.keyboard.press('Escape');
    expect(await note.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the header on a long page', () => {
  for (const viewport of [PHONE, { width: 1440, height: 900 }]) {
    it(`stays compact at the top with search reachable, deep in the longest text (${viewport.width} px)`, async () => {
      const page = await openPage(browser, viewport);
      await page.goto(site.url + LONGEST);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
      await page.waitForFunction(() => scrollY > 5000);
      const header = await page.evaluate(() => {
        const box = document.querySelector('.site-header')!.getBoundingClientRect();
        const search = document.querySelector('.site-header .search-link')!.getBoundingClientRect();
        const hit = document.elementFromPoint(search.left + search.width / 2, search.top + search.height / 2);
        return { top: box.top, bottom: box.bottom, searchTop: search.top, searchBottom: search.bottom, searchHit: Boolean(hit?.closest('.search-link')) };
      });
      expect(header.bottom).toBeGreaterThan(0);
      expect(header.bottom).toBeLessThanOrEqual(64);
      expect(header.searchTop).toBeGreaterThanOrEqual(0);
      expect(header.searchHit).toBe(true);
      await page.locator('.site-header .search-link').click();
      await expect.poll(() => page.getByRole('dialog', { name: 'Search the edition' }).isVisible()).toBe(true);
      await page.context().close();
    });
  }
});

describe('a selection made by touch', () => {
  it('offers a link to the selected words, with no mouse involved', async () => {
    const page = await phone('articles/russian-bombers-fly-over-belarus/');
    await page.evaluate(() => {
      const paragraph = document.getElementById('saturday-british-prime-minister-boris')!;
      paragraph.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf('diplomatic solution');
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'diplomatic solution'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    });
    const copy = page.getByRole('button', { name: 'Copy link to this passage' });
    await expect.poll(() => copy.isVisible(), { timeout: 5000 }).toBe(true);
    // Below the selection and its handles, inside the screen.
    const box = (await copy.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await expect.poll(() => copy.count()).toBe(0);
    await page.context().close();
  });
});
