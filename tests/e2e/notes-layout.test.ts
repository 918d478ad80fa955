/**
 * Notes beside their passages, measured on every article at 1440 and 1100 px: each note in the
 * margin level with the line its passage starts on (at least 97 % within 40 px, none beyond 120 px),
 * no two overlapping, the last level with its passage even where the text ends soon after; compact cards that open in place; a
 * note and its passage tied together on hover and on keyboard focus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { builtArticleSlugs } from '../helpers/site.ts';

const WIDTHS = [1440, 1100];
const NEAR_PX = 40;
const FAR_PX = 120;
const LONGEST = 'articles/lavrov-speaks-out-against-nato-at-un/';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

interface Placed {
  id: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Where the passage's first line starts. */
  passage: number;
  /** The right edge of the text column and the bottom of its last paragraph. */
  textRight: number;
  textEnd: number;
  /** The top of the article (its header included), above which no note goes: the margin beside the header is empty. */
  articleTop: number;
}

/** Every note of the page, with its passage, in page coordinates. */
async function placed(page: Page): Promise<Placed[]> {
  return page.evaluate(() => {
    const text = document.querySelector<HTMLElement>('[data-article-text]')!;
    const flow = [...text.children].filter((child) => !child.matches('aside.note'));
    const textEnd = Math.max(...flow.map((child) => child.getBoundingClientRect().bottom)) + scrollY;
    const textRight = Math.max(...flow.map((child) => child.getBoundingClientRect().right));
    const articleTop = text.closest('article')!.getBoundingClientRect().top + scrollY;
    return [...text.querySelectorAll<HTMLElement>('aside.note')].map((note) => {
      const id = note.dataset['note']!;
      const mark = [...text.querySelectorAll<HTMLElement>('mark.note-mark[data-notes]')].find((m) => m.dataset['notes']!.split(' ').includes(id))!;
      const box = note.getBoundingClientRect();
      return { id, top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right, passage: mark.getClientRects()[0]!.top + scrollY, textRight, textEnd, articleTop };
    });
  });
}

async function openArticle(path: string, width: number): Promise<Page> {
  const page = await openPage(browser, { width, height: 900 });
  await page.goto(site.url + path);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('aside.note')].every((note) => note.style.top !== ''));
  return page;
}

describe('notes beside their passages', () => {
  for (const width of [1100, 1200]) {
    it(`sit with the text in one block centred on the screen at ${width} px`, async () => {
      const page = await openArticle(LONGEST, width);
      const { left, right } = await page.evaluate(() => {
        const text = document.querySelector<HTMLElement>('[data-article-text]')!.getBoundingClientRect();
        const notes = [...document.querySelectorAll<HTMLElement>('aside.note')].map((note) => note.getBoundingClientRect().right);
        return { left: text.left, right: document.documentElement.clientWidth - Math.max(...notes) };
      });
      await page.context().close();
      expect(Math.abs(left - right), `${Math.round(left)} px left of the text, ${Math.round(right)} px right of the notes`).toBeLessThanOrEqual(8);
    });
  }

  for (const width of WIDTHS) {
    it(`sit level with their passages on every article at ${width} px: 97 % within ${NEAR_PX} px, none beyond ${FAR_PX} px`, async () => {
      const report: string[] = [];
      let near = 0;
      let total = 0;
      for (const slug of builtArticleSlugs()) {
        const page = await openArticle(`articles/${slug}/`, width);
        const notes = await placed(page);
        await page.context().close();
        expect(notes.length, slug).toBeGreaterThan(0);
        for (const note of notes) {
          const off = Math.round(note.top - note.passage);
          total++;
          if (Math.abs(off) <= NEAR_PX) near++;
          else report.push(`${slug}#note-${note.id}: ${off} px from its passage`);
          expect(Math.abs(off), `${slug}#note-${note.id} is ${off} px from its passage`).toBeLessThanOrEqual(FAR_PX);
        }
      }
      expect(near / total, `${near} of ${total} notes within ${NEAR_PX} px; the others:\n${report.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    });

    it(`sit in the margin at ${width} px, never overlapping, past the end of the text only to stay level with their passages`, async () => {
      for (const slug of builtArticleSlugs()) {
        const page = await openArticle(`articles/${slug}/`, width);
        const notes = (await placed(page)).sort((a, b) => a.top - b.top);
        // The block of the text holds the notes that run on below it: what follows starts after them.
        const after = await page.evaluate(() => {
          const text = document.querySelector<HTMLElement>('[data-article-text]')!;
          return (text.nextElementSibling ?? text.parentElement!.nextElementSibling)!.getBoundingClientRect().top + scrollY;
        });
        await page.context().close();
        notes.forEach((note, index) => {
          expect(note.left, `${slug}#note-${note.id} is not beside the text`).toBeGreaterThan(note.textRight);
          expect(note.right, `${slug}#note-${note.id} runs off the screen`).toBeLessThanOrEqual(width);
          expect(note.top, `${slug}#note-${note.id} rises above the article`).toBeGreaterThanOrEqual(note.articleTop - 1);
          expect(note.bottom, `${slug}#note-${note.id} runs into what follows the text`).toBeLessThanOrEqual(after);
          const previous = notes[index - 1];
          if (previous) expect(note.top, `${slug}#note-${note.id} overlaps #note-${previous.id}`).toBeGreaterThanOrEqual(previous.bottom);
        });
        // The last note is level with its passage, or as near below it as the note before allows:
        // never lifted beside the paragraphs before its own because the text ends soon after.
        const last = notes.at(-1)!;
        const previous = notes.at(-2);
        const pushed = previous !== undefined && last.top - previous.bottom <= 12 && last.top > last.passage;
        expect(pushed || Math.abs(last.top - last.passage) <= NEAR_PX, `${slug}#note-${last.id} is ${Math.round(last.top - last.passage)} px from its passage`).toBe(true);
      }
    });
  }
});

describe('compact notes in the margin', () => {
  it('show the number, the kind and the first lines, and open in place to the whole note', async () => {
    const page = await openArticle(LONGEST, 1440);
    const note = page.locator('aside.note').first();
    const id = await note.getAttribute('data-note');
    expect(await note.locator('.note__kind').isVisible()).toBe(true);
    expect(await note.locator('.note__body').isVisible()).toBe(true);
    expect(await note.locator('.note__sources').isVisible()).toBe(false);
    // Compact: the body shows two of its lines, and the card is a few lines tall, not the note.
    const body = await note.locator('.note__body').evaluate((element) => ({ height: element.getBoundingClientRect().height, line: parseFloat(getComputedStyle(element).lineHeight) }));
    expect(body.height).toBeLessThanOrEqual(2 * body.line + 1);
    const compact = (await note.boundingBox())!.height;
    expect(compact).toBeLessThan(8 * body.line);
    const more = note.getByRole('button', { name: /^Note \d+ in full$/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await note.locator('.note__sources').isVisible()).toBe(true);
    expect(await note.getByRole('link', { name: 'Permalink to this note' }).isVisible()).toBe(true);
    await expect.poll(async () => (await note.boundingBox())!.height).toBeGreaterThan(compact + 40);
    // The opened note stays by its passage; the notes after it make room.
    const notes = (await placed(page)).sort((a, b) => a.top - b.top);
    const opened = notes.find((n) => n.id === id)!;
    expect(Math.abs(opened.top - opened.passage)).toBeLessThanOrEqual(NEAR_PX);
    notes.forEach((n, index) => index > 0 && expect(n.top, n.id).toBeGreaterThanOrEqual(notes[index - 1]!.bottom));
    await more.click();
    expect(await note.locator('.note__sources').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('an opened note in the margin', () => {
  // The bombers' report has a note of 950 px; the forum thread two notes on its first two lines.
  for (const path of ['articles/russian-bombers-fly-over-belarus/', LONGEST]) it(`stands level with its passage wherever it is, even in a run of notes, and the others make room (every note of ${path} at 1440 px)`, async () => {
    const page = await openArticle(path, 1440);
    const off: string[] = [];
    for (const note of await page.locator('aside.note').all()) {
      const more = note.getByRole('button', { name: /^Note \d+ in full$/ });
      await more.click();
      const id = await note.getAttribute('data-note');
      await expect.poll(async () => (await placed(page)).find((n) => n.id === id)!.bottom - (await placed(page)).find((n) => n.id === id)!.top).toBeGreaterThan(0);
      const notes = (await placed(page)).sort((a, b) => a.top - b.top);
      const opened = notes.find((n) => n.id === id)!;
      // A note opened to its whole length (one of this text is 950 px) once stood up to 81 px above its passage, pulled up by the cards after it.
      // It may stand lower only when the cards before it are stacked from the top of the article, which none goes above
      // (the top of the text was the bound, and the forum thread's second note, opened, stood 58 px below its passage).
      const before = notes.slice(0, notes.indexOf(opened));
      const stacked = before.length > 0 && Math.abs(before[0]!.top - before[0]!.articleTop) <= 1 && [...before, opened].every((n, index, run) => index === 0 || n.top - run[index - 1]!.bottom <= 9);
      if (Math.abs(opened.top - opened.passage) > 2 && !(stacked && opened.top > opened.passage)) off.push(`${id}: ${Math.round(opened.top - opened.passage)} px from its passage`);
      notes.forEach((n, index) => index > 0 && expect(n.top, n.id).toBeGreaterThanOrEqual(notes[index - 1]!.bottom));
      await more.click();
    }
    expect(off, off.join('\n')).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('folded notes in the margin', () => {
  it('fade the end of their second line only when the note runs on past it', async () => {
    const page = await openArticle(LONGEST, 1440);
    const notes = page.locator('aside.note');
    const mask = (note: Locator) => note.locator('.note__body').evaluate((body) => getComputedStyle(body).maskImage);
    expect(await mask(notes.first())).not.toBe('none');
    // A note of one short sentence (an editor's next note may be one) is shown whole, nothing faded.
    const short = notes.nth(1);
    await short.locator('.note__body').evaluate((body) => {
      body.textContent = 'A short note.';
    });
    await expect.poll(() => mask(short)).toBe('none');
    await page.context().close();
  });
});

describe('opened notes in the margin', () => {
  it('keep their number and kind on one line, as when compact (every note at 1100 px)', async () => {
    const split: string[] = [];
    for (const slug of builtArticleSlugs()) {
      const page = await openArticle(`articles/${slug}/`, 1100);
      for (const note of await page.locator('aside.note').all()) {
        const more = note.getByRole('button', { name: /^Note \d+ in full$/ });
        await more.click();
        const { id, number, kind } = await note.evaluate((el) => {
          const box = (selector: string) => el.querySelector(selector)!.getBoundingClientRect();
          return { id: el.dataset['note'], number: box('.note__number'), kind: box('.note__kind') };
        });
        if (kind.top >= number.bottom || kind.bottom <= number.top) split.push(`${slug}#note-${id}: the kind ${Math.round(kind.top - number.top)} px below the number`);
        await more.click();
      }
      await page.context().close();
    }
    expect(split, split.join('\n')).toEqual([]);
  });
});

describe('a note’s kind in the margin', () => {
  it('is named whole, compact or opened, beside a fact-check’s finding too (every note at 1440 and 1100 px)', async () => {
    const clipped: string[] = [];
    const cut = (note: Locator) => note.locator('.note__kind').evaluate((kind) => kind.scrollWidth > kind.clientWidth + 0.5);
    for (const width of WIDTHS) {
      for (const slug of builtArticleSlugs()) {
        const page = await openArticle(`articles/${slug}/`, width);
        for (const note of await page.locator('aside.note').all()) {
          const id = await note.getAttribute('data-note');
          if (await cut(note)) clipped.push(`${width} px, ${slug}#note-${id}, compact`);
          if ((await note.locator('.note__finding').count()) === 0) continue;
          const more = note.getByRole('button', { name: /^Note \d+ in full$/ });
          await more.click();
          if (await cut(note)) clipped.push(`${width} px, ${slug}#note-${id}, opened`);
          await more.click();
        }
        await page.context().close();
      }
    }
    expect(clipped, clipped.join('\n')).toEqual([]);
  });
});

describe('compact notes and the keyboard', () => {
  it('are one Tab stop each, their toggle, links in their first lines or not, and let the keyboard in once opened', async () => {
    const page = await openArticle(LONGEST, 1440);
    const link = page.locator('aside.note .note__body a').first();
    const note = link.locator('xpath=ancestor::aside');
    const toggle = note.getByRole('button', { name: /^Note \d+ in full$/ });
    const inNote = () => page.evaluate(() => document.activeElement?.closest('aside.note')?.id ?? '');
    // Folded, Tab goes from the toggle on past the card: its link took the reader in, some ten stops.
    await toggle.focus();
    await page.keyboard.press('Tab');
    expect(await inNote()).not.toBe(await note.getAttribute('id'));
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    // Opened from its toggle, the card's links come next.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.note__body') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    // A link focused all the same (a screen reader's cursor) opens its card, which folds when focus leaves.
    await link.focus();
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(true);
    expect(await link.isVisible()).toBe(true);
    await page.locator('.site-title').focus();
    expect(await note.evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    // Folded twice over (focused open, Escape, then Tab on: a second fold), it still lets the
    // keyboard in once opened: its links had kept the -1 they were given the first time.
    await link.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.note__body') !== null)).toBe(true);
    await page.context().close();
  });

  it('bring the link the keyboard reached into the window once its card has opened', async () => {
    // The first note of the AP report: its body's link was 64 px below the window, with no focus ring in sight.
    const page = await openArticle('articles/russian-bombers-fly-over-belarus/', 1440);
    const note = page.locator('aside.note').filter({ has: page.locator('.note__body a') }).first();
    await note.getByRole('button', { name: /^Note \d+ in full$/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.evaluate((el) => el.closest('.note__body') !== null)).toBe(true);
    await expect.poll(async () => {
      const box = (await focused.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 900;
    }).toBe(true);
    await page.context().close();
  });
});

describe('a note and its passage, tied together', () => {
  const tied = (page: Page, id: string) =>
    page.evaluate((id) => {
      const note = document.getElementById(`note-${id}`)!;
      const mark = [...document.querySelectorAll<HTMLElement>('[data-article-text] mark.note-mark[data-notes]')].find((m) => m.dataset['notes']!.split(' ').includes(id))!;
      return { note: getComputedStyle(note).boxShadow !== 'none', mark: getComputedStyle(mark).backgroundColor };
    }, id);

  it('light up together on hover', async () => {
    const page = await openArticle(LONGEST, 1440);
    const id = (await page.locator('aside.note').nth(2).getAttribute('data-note'))!;
    const idle = await tied(page, id);
    expect(idle.note).toBe(false);
    await page.locator(`#note-${id}`).hover();
    // The passage's colour fades in (a short transition).
    await expect.poll(async () => { const now = await tied(page, id); return now.note && now.mark !== idle.mark; }).toBe(true);
    await page.context().close();
  });

  it('light up together when the keyboard reaches the note’s marker or a link in the note', async () => {
    const page = await openArticle(LONGEST, 1440);
    const id = (await page.locator('aside.note').nth(2).getAttribute('data-note'))!;
    const idle = await tied(page, id);
    await page.locator(`#ref-${id}`).focus();
    await expect.poll(async () => { const now = await tied(page, id); return now.note && now.mark !== idle.mark; }).toBe(true);
    await page.locator(`#note-${id} button, #note-${id} a`).first().focus();
    expect((await tied(page, id)).note).toBe(true);
    await page.locator('.site-title').focus();
    await expect.poll(() => tied(page, id)).toEqual(idle);
    await page.context().close();
  });
});

describe('a note opened from its passage', () => {
  it('opens in the margin when its highlighted words are clicked, but not from a link among them or words selected', async () => {
    const page = await openArticle(LONGEST, 1440);
    const mark = page.locator('[data-article-text] mark.note-mark[data-notes]:not(:has(a:not(.note-ref)))').nth(1);
    const id = (await mark.getAttribute('data-notes'))!.split(' ')[0]!;
    const expanded = () => page.locator(`#note-${id}`).evaluate((el) => el.classList.contains('is-expanded'));
    // Words selected to copy (a drag across them) leave the note as it was.
    const box = (await mark.evaluate((el) => { const r = el.getClientRects()[0]!; return { x: r.left, y: r.top + r.height / 2, width: r.width }; }));
    await page.mouse.move(box.x + 2, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 2, 80), box.y, { steps: 5 });
    await page.mouse.up();
    expect(await expanded()).toBe(false);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await mark.click({ position: { x: 4, y: 4 } });
    expect(await expanded()).toBe(true);
    // A link among a passage's words is followed or previewed, not taken for the words.
    const linked = page.locator('[data-article-text] mark.note-mark[data-notes]:has(a.term)').first();
    expect(await linked.count(), 'a passage with a glossary term among its words').toBe(1);
    const other = (await linked.getAttribute('data-notes'))!.split(' ')[0]!;
    const term = linked.locator('a.term').first();
    // (Its default, following the link, held back: the page stays to be looked at.)
    await page.evaluate(() => window.addEventListener('click', (event) => event.preventDefault(), { capture: true, once: true }));
    await term.click();
    expect(await page.locator(`#note-${other}`).evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    // Nor a click in the term's preview, which opens inside the passage, after its link.
    await term.hover();
    const preview = page.locator('#link-preview');
    await preview.waitFor();
    expect(await preview.evaluate((el) => el.closest('mark.note-mark') !== null)).toBe(true);
    // (Dispatched: a pointer moved off the link onto the preview may close it before the click lands.)
    await preview.locator('.preview__text').dispatchEvent('click');
    expect(await page.locator(`#note-${other}`).evaluate((el) => el.classList.contains('is-expanded'))).toBe(false);
    await page.context().close();
  });
});

describe('notes opened one after another', () => {
  const TEXT = 'articles/nato-ratchets-up-anti-russian-offensive/';

  it('leave one open in the margin, so that the notes after it stay level with their passages', async () => {
    const page = await openArticle(TEXT, 1440);
    const ids = await page.locator('aside.note').evaluateAll((all) => all.slice(0, 4).map((note) => (note as HTMLElement).dataset['note']!));
    // Three notes opened from their numbers in the text, the last first: each opened card stayed open
    // and pushed the ones after it down, and note 4 stood 2,000 px below its passage.
    for (const id of ids.slice(0, 3).reverse()) await page.locator(`#ref-${id}`).click();
    expect(await page.locator('aside.note.is-expanded').evaluateAll((all) => all.map((note) => (note as HTMLElement).dataset['note']))).toEqual([ids[0]]);
    // The margin as it is with the first note alone opened: the two others left nothing behind.
    const alone = await openArticle(TEXT, 1440);
    await alone.locator(`#ref-${ids[0]}`).click();
    const fourth = async (on: Page) => (await placed(on)).find((note) => note.id === ids[3])!;
    expect(Math.abs((await fourth(page)).top - (await fourth(alone)).top)).toBeLessThanOrEqual(2);
    await alone.context().close();
    await page.context().close();
  });

  it('leave one open on a phone, and keep the number just tapped where it was', async () => {
    const page = await openPage(browser, { width: 390, height: 844, hasTouch: true, isMobile: true });
    await page.goto(site.url + TEXT);
    // As in Safari, which keeps no scroll anchor: Chromium would hold the number in place by itself.
    await page.evaluate(() => { for (const element of [document.documentElement, document.body]) element.style.overflowAnchor = 'none'; });
    const ids = await page.locator('aside.note').evaluateAll((all) => all.slice(0, 3).map((note) => (note as HTMLElement).dataset['note']!));
    for (const id of ids) {
      // The number a fifth down the screen, so that its note opens in view below it and the page need not move to show it.
      await page.locator(`#ref-${id}`).evaluate((ref) => window.scrollBy({ top: ref.getBoundingClientRect().top - 170, behavior: 'instant' }));
      const before = await page.locator(`#ref-${id}`).evaluate((ref) => ref.getBoundingClientRect().top);
      await page.locator(`#ref-${id}`).tap();
      await expect.poll(() => page.locator(`#note-${id}.is-open`).count()).toBe(1);
      // The note open above it closed: the text moved up, and the page with it.
      expect(Math.abs((await page.locator(`#ref-${id}`).evaluate((ref) => ref.getBoundingClientRect().top)) - before)).toBeLessThanOrEqual(1);
    }
    expect(await page.locator('aside.note.is-open').evaluateAll((all) => all.map((note) => (note as HTMLElement).dataset['note']))).toEqual([ids[2]]);
    await page.context().close();
  });
});
