/**
 * "Cite" in Chromium (issue 19): the text's Cite box without JavaScript and by keyboard, each
 * note's Cite and a passage's Cite from the selection toolbar giving the forms of the text's
 * citation file, and no axe violation with the panels open, light and dark, wide and narrow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, builtArticleSlugs } from '../helpers/site.ts';
import { citableFromCsl, cslFileSchema } from '../helpers/citation-formats.ts';
import { apa, chicago, EDITION, noteTitle, type Citable, type CitableNote } from '../../src/lib/citation.ts';
import { NOTE_KIND_LABELS, type NoteKind } from '../../src/lib/notes.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

const COMPILATION = 'nato-mock-missile-attacks-us-meddles-in-belarus';

/** The Chicago and APA forms of each record of a text's CSL-JSON file, read back from the record. */
const records = (slug: string): Map<string, { chicago: string; apa: string; title: string; issued: string }> =>
  new Map(
    cslFileSchema.parse(JSON.parse(readFileSync(join(DIST, 'cite', `${slug}.json`), 'utf8'))).map((record) => {
      const citable = citableFromCsl(record);
      return [record.id, { chicago: chicago(citable, EDITION).text, apa: apa(citable, EDITION).text, title: record.title, issued: record.issued['date-parts'][0]!.join('-') }];
    }),
  );

interface NoteAnnotation {
  id: string;
  'bl:kind': NoteKind;
  created: string;
  modified?: string;
  target: { selector: { type: string; exact?: string }[] };
}

/**
 * The forms of each note of a text, built in Node from the Web Annotation export (kind, quoted
 * words, dates, permalink): the oracle for the forms the page builds from the note's card.
 */
function noteForms(slug: string, textTitle: string): Map<string, { chicago: string; apa: string; title: string; issued: string }> {
  const items: NoteAnnotation[] = JSON.parse(readFileSync(join(DIST, 'annotations', `${slug}.jsonld`), 'utf8')).first.items;
  return new Map(
    items.map((item) => {
      const id = item.id.split('#note-')[1]!;
      const note: Citable = {
        kind: 'note',
        key: `borderlines:${slug}:note-${id}`,
        label: NOTE_KIND_LABELS[item['bl:kind']],
        exact: item.target.selector.find((selector) => selector.type === 'TextQuoteSelector')!.exact!,
        textTitle,
        added: item.created,
        updated: item.modified,
        url: item.id,
      };
      const issued = (item.modified ?? item.created).split('-').map(Number).join('-');
      return [id, { chicago: chicago(note, EDITION).text, apa: apa(note, EDITION).text, title: noteTitle(note as CitableNote), issued }];
    }),
  );
}

/** The Chicago and APA forms a panel shows, without its Copy buttons. */
const panelForms = (page: Page, selector: string) =>
  page.locator(`${selector} .cite-panel__form`).allTextContents();

describe('the Cite box of a text', () => {
  it('opens without JavaScript, by keyboard, to the Chicago and APA forms and the three files', async () => {
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}articles/${COMPILATION}/`);
    const summary = page.locator('details.cite > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('details.cite').getAttribute('open')).toBe('');
    const forms = await page.locator('details.cite dd').allTextContents();
    const text = records(COMPILATION).get(`borderlines:${COMPILATION}`)!;
    expect(forms).toEqual([text.chicago, text.apa]);
    for (const name of ['BibTeX', 'RIS', 'CSL-JSON']) {
      const href = await page.locator('details.cite').getByRole('link', { name, exact: true }).getAttribute('href');
      const response = await page.request.get(new URL(href!, site.url).href);
      expect(response.status(), name).toBe(200);
    }
    await page.context().close();
  });
});

describe('Cite for a note', () => {
  it('gives every note of every text the forms of its record in the text’s file', async () => {
    const page = await openPage(browser);
    let checked = 0;
    for (const slug of builtArticleSlugs()) {
      const bySlug = records(slug);
      const forms = noteForms(slug, citableFromCsl(cslFileSchema.parse(JSON.parse(readFileSync(join(DIST, 'cite', `${slug}.json`), 'utf8')))[0]!).original.title);
      await page.goto(`${site.url}articles/${slug}/`);
      const ids = await page.locator('aside.note').evaluateAll((notes) => notes.map((note) => (note as HTMLElement).dataset['note']!));
      expect(await page.locator('button.note__cite').count(), slug).toBe(ids.length);
      for (const id of ids) {
        await page.locator(`#note-${id} button.note__cite`).evaluate((button) => (button as HTMLButtonElement).click());
        await page.locator(`#note-${id} .cite-panel`).waitFor({ state: 'attached' });
        const record = bySlug.get(`borderlines:${slug}:note-${id}`)!;
        const expected = forms.get(id)!;
        expect(await panelForms(page, `#note-${id}`), id).toEqual([expected.chicago, expected.apa]);
        expect([record.title, record.issued], id).toEqual([expected.title, expected.issued]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
    await page.context().close();
  });

  it('opens and closes from the keyboard, saying whether it is open', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${site.url}articles/russian-bombers-fly-over-belarus/#note-belarus-nuclear-offer-2021`);
    const button = page.locator('#note-belarus-nuclear-offer-2021').getByRole('button', { name: 'Cite', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('group', { name: 'Cite this note' }).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy the Chicago form');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#note-belarus-nuclear-offer-2021 .cite-panel').count()).toBe(0);
    await page.context().close();
  });
});

describe('Cite for a passage', () => {
  it('is offered with the selection and gives the passage’s record, its piece of a compilation included', async () => {
    const page = await openPage(browser);
    await page.goto(`${site.url}articles/${COMPILATION}/`);
    const paragraph = page.locator('#kremlin-lashed-out-us-nato');
    await paragraph.scrollIntoViewIfNeeded();
    const box = (await paragraph.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + 10);
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Selected passage' }).getByRole('button', { name: 'Cite', exact: true }).click();
    const panel = page.getByRole('group', { name: 'Cite this paragraph' });
    await panel.waitFor();
    const record = records(COMPILATION).get(`borderlines:${COMPILATION}:kremlin-lashed-out-us-nato`)!;
    expect(await panelForms(page, '.cite-panel--passage')).toEqual([record.chicago, record.apa]);
    expect(record.chicago.replace(/\u00a0/g, ' ')).toContain('Durden, Tyler. “Kremlin Says NATO Jets Engaged In ‘Mock Missile Strikes’ Against Russia.”');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cite-panel'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await page.context().close();
  });
});

describe('Cite for a paragraph pasted above its piece’s heading', () => {
  it('cites it as that piece (its lead), on the page as in the citation files', async () => {
    const LAVROV = 'lavrov-speaks-out-against-nato-at-un';
    const page = await openPage(browser);
    await page.goto(`${site.url}articles/${LAVROV}/`);
    await page.locator('details.cite > summary').click();
    const select = page.getByLabel('Or cite a passage:');
    await select.waitFor();
    await select.selectOption('according-russias-top-diplomat-over');
    await page.locator('details.cite .cite-panel').waitFor();
    const record = records(LAVROV).get(`borderlines:${LAVROV}:according-russias-top-diplomat-over`)!;
    // TASS's item on Afghan drugs, whose lead a member pasted above its headline; not the Reuters report before it.
    expect(record.chicago).toContain('TASS');
    expect(record.chicago).not.toContain('Reuters');
    expect(await panelForms(page, 'details.cite')).toEqual([record.chicago, record.apa]);
    await page.context().close();
  });
});

describe('Cite for a passage, by keyboard', () => {
  it('lists the text’s passages in the opened Cite box and gives the chosen one’s record', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${site.url}articles/${COMPILATION}/`);
    await page.locator('details.cite > summary').focus();
    await page.keyboard.press('Enter');
    const select = page.getByLabel('Or cite a passage:');
    await select.waitFor();
    const paragraphs = await page.locator('article-text [data-passage]').count();
    expect(await select.locator('option').count()).toBe(paragraphs + 1);
    await select.focus();
    await select.selectOption('kremlin-lashed-out-us-nato');
    await page.locator('details.cite .cite-panel').waitFor();
    const record = records(COMPILATION).get(`borderlines:${COMPILATION}:kremlin-lashed-out-us-nato`)!;
    expect(await panelForms(page, 'details.cite')).toEqual([record.chicago, record.apa]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy the Chicago form');
    await page.context().close();
  });
});

describe('Cite and accessibility', () => {
  for (const [width, colorScheme] of [[1440, 'light'], [1440, 'dark'], [390, 'light'], [390, 'dark']] as const) {
    it(`has no axe violation with the box and a note's panel open at ${width} px, ${colorScheme}`, async () => {
      const page = await openPage(browser, { width, colorScheme });
      await page.goto(`${site.url}articles/${COMPILATION}/#note-copy-usaf-intercept-video-caption`);
      await page.locator('details.cite > summary').click();
      await page.getByLabel('Or cite a passage:').selectOption('kremlin-lashed-out-us-nato');
      await page.locator('#note-copy-usaf-intercept-video-caption button.note__cite').evaluate((button) => (button as HTMLButtonElement).click());
      await page.locator('#note-copy-usaf-intercept-video-caption .cite-panel').waitFor({ state: 'attached' });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
