/**
 * Notes in Chromium: in the margin at 1440 px, folded at 390 px, by touch and keyboard, by
 * permalink, without JavaScript, in print, and accessible in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';

const LONGEST = 'articles/lavrov-speaks-out-against-nato-at-un/';
let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

// Where each note sits in the margin, on every article at 1440 and 1100 px, is measured in
// notes-layout.test.ts.
describe('notes on a wide screen', () => {
  it('never move the text: the script only places the notes', async () => {
    const positions = async (blockScript: boolean) => {
      const page = await openPage(browser, { width: 1440, height: 900 });
      if (blockScript) await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
      await page.goto(site.url + LONGEST);
      await page.evaluate(() => document.fonts.ready);
      const tops = await page.evaluate(() => [...document.querySelectorAll('[data-article-text] p[data-passage]')].map((p) => Math.round(p.getBoundingClientRect().top + scrollY)));
      await page.context().close();
      return tops;
    };
    expect(await positions(false)).toEqual(await positions(true));
  });
});

describe('notes on a narrow screen', () => {
  it('open under their paragraph by touch, and close again', async () => {
    const page = await openPage(browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(site.url + LONGEST);
    const ref = page.locator('a.note-ref').first();
    const id = await ref.getAttribute('data-note');
    const note = page.locator(`#note-${id}`);
    expect(await note.isVisible()).toBe(false);
    await ref.tap();
    expect(await note.isVisible()).toBe(true);
    expect(await ref.getAttribute('aria-expanded')).toBe('true');
    const [refBox, noteBox] = [await ref.boundingBox(), await note.boundingBox()];
    expect(noteBox!.y).toBeGreaterThan(refBox!.y);
    await ref.tap();
    expect(await note.isVisible()).toBe(false);
    await page.context().close();
  });

  it('toggle with Enter and Space, and Escape closes and returns focus', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(site.url + LONGEST);
    const ref = page.locator('a.note-ref').nth(1);
    const id = await ref.getAttribute('data-note');
    const note = page.locator(`#note-${id}`);
    expect(await ref.getAttribute('role')).toBe('button');
    expect(await ref.getAttribute('aria-controls')).toBe(`note-${id}`);
    await ref.focus();
    await page.keyboard.press('Enter');
    expect(await note.isVisible()).toBe(true);
    await page.keyboard.press(' ');
    expect(await note.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    // The open note follows its paragraph: a few more Tabs (past the paragraph's other links) reach it.
    const inNote = () => page.evaluate((noteId) => document.getElementById(noteId)!.contains(document.activeElement), `note-${id}`);
    for (let i = 0; i < 8 && !(await inNote()); i++) await page.keyboard.press('Tab');
    expect(await inNote()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await note.isVisible()).toBe(false);
    expect(await ref.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('in the margin, open from their number with Enter, and Escape closes the card and returns to the number (1440 px)', async () => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await page.goto(site.url + LONGEST);
    const ref = page.locator('a.note-ref').nth(3);
    const id = await ref.getAttribute('data-note');
    const note = page.locator(`#note-${id}`);
    await ref.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(true);
    expect(await note.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    expect(await ref.evaluate((el) => el === document.activeElement)).toBe(true);
    // Opened by its own toggle, the card gives the focus back to the toggle.
    const toggle = note.locator('button.note__toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('tell screen readers which passage a note belongs to', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(site.url + LONGEST);
    const note = page.locator('aside.note').first();
    const label = await note.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby')!)!.textContent);
    const id = await note.getAttribute('data-note');
    const passage = await page.locator(`mark[data-notes~="${id}"]`).textContent();
    expect(label).toContain(`on “${passage!.slice(0, 40)}`);
    await page.context().close();
  });
});

describe('note permalinks', () => {
  for (const width of [1440, 390]) {
    it(`open the note, scroll to its passage and highlight both (${width} px)`, async () => {
      const page = await openPage(browser, { width, height: 800 });
      await page.goto(site.url + LONGEST);
      const id = await page.locator('aside.note').nth(5).getAttribute('data-note');
      await page.goto(`${site.url}${LONGEST}#note-${id}`);
      await page.waitForLoadState('load');
      const note = page.locator(`#note-${id}`);
      const mark = page.locator(`mark[data-notes~="${id}"]`);
      await expect.poll(() => note.isVisible()).toBe(true);
      await expect.poll(() => note.evaluate((el) => el.classList.contains('is-highlighted'))).toBe(true);
      expect(await mark.evaluate((el) => el.classList.contains('is-highlighted'))).toBe(true);
      await expect.poll(async () => {
        const box = await mark.boundingBox();
        return box!.y >= 0 && box!.y < 800;
      }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`note-${id}`);
      await page.context().close();
    });
  }

  it('are copied by the note’s link control, with an announcement', async () => {
    const page = await openPage(browser, { width: 1440, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + LONGEST);
    const note = page.locator('aside.note').first();
    const id = await note.getAttribute('data-note');
    // In the margin the card is compact: its permalink is in the whole note.
    await note.getByRole('button', { name: /^Note \d+ in full$/ }).click();
    await note.getByRole('link', { name: 'Permalink to this note' }).click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link to this note copied');
    // The copied address is the note's share page, which previews well and leads to the note.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}notes/${id}/`);
    await page.context().close();
  });
});

describe('notes without JavaScript and in print', () => {
  it('are all readable next to their passages without JavaScript', async () => {
    const page = await openPage(browser, { width: 1440, javaScriptEnabled: false });
    await page.goto(site.url + LONGEST);
    const notes = page.locator('aside.note');
    const count = await notes.count();
    for (let i = 0; i < count; i++) expect(await notes.nth(i).isVisible()).toBe(true);
    const position = await notes.first().evaluate((el) => getComputedStyle(el).position);
    expect(position).toBe('relative');
    await page.context().close();
  });

  it('print in full, numbered, after their paragraphs', async () => {
    const page = await openPage(browser, { width: 390 });
    await page.goto(site.url + LONGEST);
    await page.emulateMedia({ media: 'print' });
    const notes = page.locator('aside.note');
    const count = await notes.count();
    for (let i = 0; i < count; i++) {
      expect(await notes.nth(i).isVisible()).toBe(true);
      expect(await notes.nth(i).evaluate((el) => getComputedStyle(el).position)).toBe('static');
    }
    expect(await notes.first().locator('.note__number').textContent()).toBe('1');
    await page.context().close();
  });
});

describe('notes index', () => {
  it('lists every note by article with counts, and filters by kind', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(site.url + 'annotations/');
    const items = page.locator('.notes-list__item');
    const total = await items.count();
    expect(total).toBeGreaterThanOrEqual(50);
    expect(await page.locator('.notes-group').count()).toBe(5);
    for (const kind of ['context', 'fact-check', 'discrepancy', 'aftermath', 'copy']) {
      await page.getByRole('checkbox', { name: new RegExp(kind === 'copy' ? 'Note on the copy' : kind === 'discrepancy' ? 'Discrepancy' : kind === 'aftermath' ? 'What happened next' : kind === 'context' ? '^Context' : 'Fact-check') }).uncheck();
    }
    const corrections = await page.locator('.notes-list__item[data-kind="correction"]').count();
    expect(corrections).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.notes-list__item:visible').count()).toBe(corrections);
    expect(await page.locator('.notes-filter__status').textContent()).toBe(`Showing ${corrections} of ${total} notes.`);
    const first = page.locator('.notes-list__item:visible a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/\/articles\/[a-z0-9-]+\/#note-[a-z0-9-]+$/);
    await page.context().close();
  });
});

describe('notes index without JavaScript', () => {
  it('lists the kinds of note with their signs and what each means, with no boxes that would do nothing', async () => {
    const page = await openPage(browser, { width: 1440, javaScriptEnabled: false });
    await page.goto(site.url + 'annotations/');
    const legend = page.getByRole('region', { name: 'The kinds of note and their signs' });
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('.kind-item').count()).toBe(6);
    expect(await legend.locator('.kind-item__badge svg').count()).toBe(6);
    expect((await legend.locator('.kind-item__description').first().textContent())!.length).toBeGreaterThan(20);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.context().close();
    // With scripts the filter stands in its place, and the list is not shown twice.
    const scripted = await openPage(browser, { width: 1440 });
    await scripted.goto(site.url + 'annotations/');
    expect(await scripted.getByRole('region', { name: 'The kinds of note and their signs' }).count()).toBe(0);
    expect(await scripted.getByRole('checkbox').count()).toBe(6);
    await scripted.context().close();
  });
});

describe('accessibility of an annotated page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1440, 390]) {
      it(`has no axe violations (${colorScheme}, ${width} px, a note open)`, async () => {
        const page = await openPage(browser, { width, colorScheme });
        await page.goto(site.url + LONGEST);
        await page.locator('a.note-ref').first().click();
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
