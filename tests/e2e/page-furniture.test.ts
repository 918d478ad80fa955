/**
 * The furniture around the texts, in Chromium (issue 15): the text first on screen and in print,
 * the provenance summary and its full record, the legend of the marks, the theme control, the
 * current section in the contents, the glossary's order and About's address for reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { axeViolations } from '../helpers/axe.ts';
import { ROOT, builtArticleSlugs } from '../helpers/site.ts';
import { readCorpus } from '../../src/lib/corpus.ts';
import { SITE } from '../../src/lib/site.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

/** The top of the text's first paragraph, from the top of the page, in CSS px. */
function firstParagraphTop(page: Page): Promise<number> {
  return page.locator('[data-article-text] p[data-passage]').first().evaluate((p) => p.getBoundingClientRect().top + scrollY);
}

/**
 * The words of a text, as both pdftotext and the DOM can give them: pdftotext drops some
 * apostrophes and rejoins words hyphenated at a line end, and prints note numbers inside a
 * sentence; so letters and digits only, apostrophes and hyphens removed, other signs and note
 * numbers (one or two digits alone) turned to spaces.
 */
function words(text: string): string {
  return text
    .replace(/[‘’'\u00ad-]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(^| )\d{1,2}(?= |$)/g, '$1')
    .replace(/ +/g, ' ')
    .trim();
}


describe('the text first', () => {
  for (const [width, height, screens] of [[1440, 900, 1], [390, 844, 1.3]] as const) {
    it(`starts every text's first paragraph within ${screens} screen${screens === 1 ? '' : 's'} at ${width}x${height}`, async () => {
      const page = await openPage(browser, { width, height });
      const tops: Record<string, number> = {};
      for (const slug of builtArticleSlugs()) {
        await page.goto(`${site.url}articles/${slug}/`);
        // The paragraph's first line, not only its top edge, is on the screen.
        const lineHeight = await page.locator('[data-article-text] p[data-passage]').first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
        tops[slug] = Math.round((await firstParagraphTop(page)) + lineHeight);
      }
      expect(Object.entries(tops).filter(([, bottom]) => bottom > height * screens)).toEqual([]);
      await page.context().close();
    });
  }

  it('sums up the copy in a line or two, the full record behind a disclosure that opens without JavaScript', async () => {
    const corpus = readCorpus(ROOT);
    const page = await openPage(browser, { width: 1440, javaScriptEnabled: false });
    for (const slug of builtArticleSlugs()) {
      await page.goto(`${site.url}articles/${slug}/`);
      const provenance = page.getByRole('complementary', { name: 'About this copy' });
      const summary = provenance.locator('.provenance__summary');
      const box = (await summary.boundingBox())!;
      expect(box.height, `${slug}: the summary is at most three lines`).toBeLessThanOrEqual(3 * 22);
      const text = (await summary.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain(corpus.articles.get(slug)!.outlets[0]!);
      expect(text).toMatch(/copy (from [a-z0-9.-]+\.[a-z]+|of unrecorded origin)/);
      expect(text).toMatch(/(\d+ pieces? of furniture|nothing) removed/);
      expect(text).toMatch(/(\d+ known defects?|no known defects)/);
      const record = provenance.locator('details.provenance__record');
      const from = record.locator('p').first();
      expect(await from.isVisible()).toBe(false);
      await record.locator('> summary').click();
      expect(await from.isVisible()).toBe(true);
      expect(await record.getByRole('link', { name: 'The raw text as received' }).isVisible()).toBe(true);
    }
    await page.context().close();
  });

  it('shows the address of the copy and of the original in the full record', async () => {
    const page = await openPage(browser, { width: 1440 });
    // The AP text has a copy.url, the WSWS text an originalUrl, the Moon of Alabama text both.
    for (const [slug, copy, original] of [
      ['russian-bombers-fly-over-belarus', 'https://www.concordmonitor.com/Russian-bombers-fly-over-Belarus-amid-Ukraine-tensions-44936717', undefined],
      ['nato-ratchets-up-anti-russian-offensive', undefined, 'https://www.wsws.org/en/articles/2021/11/13/russ-n13.html'],
      ['russia-new-steps-western-border', 'https://www.thelibertybeacon.com/russia-takes-new-steps-to-secures-its-western-border/', 'https://www.moonofalabama.org/2022/12/russia-takes-new-steps-to-secures-its-western-border.html'],
    ] as const) {
      await page.goto(`${site.url}articles/${slug}/`);
      const addresses = page.locator('.provenance__addresses');
      const pairs = await addresses.evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.querySelector('a')?.getAttribute('href')]));
      expect(pairs, slug).toEqual([...(copy ? [['Copy taken from:', copy]] : []), ...(original ? [['Original:', original]] : [])]);
    }
    await page.context().close();
  });

  it('prints every text from page 1 (A4), with the full provenance after the text', async () => {
    const page = await openPage(browser, { width: 1440 });
    for (const slug of builtArticleSlugs()) {
      await page.goto(`${site.url}articles/${slug}/`);
      const { first, last } = await page.evaluate(() => {
        const plain = (p: Element) => {
          const copy = p.cloneNode(true) as Element;
          for (const apparatus of copy.querySelectorAll('[data-apparatus], .passage-link, aside')) apparatus.remove();
          return copy.textContent ?? '';
        };
        const paragraphs = [...document.querySelectorAll('[data-article-text] p[data-passage]')].filter((p) => !p.closest('aside, [data-apparatus]'));
        return { first: plain(paragraphs[0]!), last: plain(paragraphs.at(-1)!) };
      });
      const sentence = words(first.split(/(?<=[.!?][’”'"]?)\s+(?=[‘“'"]?[A-Z0-9])/)[0]!);
      await page.emulateMedia({ media: 'print' });
      const pages = pdfPages(await page.pdf({ format: 'A4' })).map(words);
      await page.emulateMedia({ media: 'screen' });
      expect(pages[0], `${slug}: page 1 has the text's first sentence`).toContain(sentence);
      const all = pages.join(' ');
      const record = all.indexOf(words('Full record of the copy'));
      const lastWords = words(last).split(' ').slice(0, 8).join(' ');
      expect(record, `${slug}: the full record is printed`).toBeGreaterThan(0);
      expect(all.indexOf(lastWords), `${slug}: the last paragraph is printed`).toBeGreaterThan(0);
      expect(record, `${slug}: the full record follows the text`).toBeGreaterThan(all.indexOf(lastWords));
    }
    await page.context().close();
  });
});

describe('the legend of the marks', () => {
  it('opens every text with one line that shows and explains the two marks', async () => {
    const page = await openPage(browser, { width: 1440 });
    for (const slug of builtArticleSlugs()) {
      await page.goto(`${site.url}articles/${slug}/`);
      const legend = page.locator('.apparatus-legend');
      expect((await legend.textContent())!.replace(/\s+/g, ' ').trim()).toBe('In the text: highlighted words have a note; underlined names are in the glossary.');
      const box = (await legend.boundingBox())!;
      expect(box.height, `${slug}: one line`).toBeLessThan(30);
      // The samples are styled as the marks in the text are. (The kinds of note marks still differ
      // on this branch; once the marks are one style, every mark matches the sample.)
      const styles = (selector: string) => page.locator(selector).evaluateAll((els) => [...new Set(els.map((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.textDecorationLine, s.textDecorationStyle].join(' ');
      }))]);
      const [noteSample] = await styles('.apparatus-legend .note-mark');
      const [termSample] = await styles('.apparatus-legend .term');
      expect(await styles('[data-article-text] mark.note-mark')).toContain(noteSample);
      expect(await styles('[data-article-text] a.term')).toEqual([termSample]);
      expect(await legend.evaluate((el) => el.compareDocumentPosition(document.querySelector('[data-article-text]')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    }
    await page.context().close();
  });
});

describe('the theme control', () => {
  it('shows the current choice among Light, Dark and System, by keyboard, and remembers it', async () => {
    const page = await openPage(browser, { colorScheme: 'dark' });
    await page.goto(site.url);
    const group = page.getByRole('group', { name: 'Colour theme' });
    const pressed = () => group.locator('button[aria-pressed="true"]').allTextContents().then((texts) => texts.map((t) => t.trim()));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(pressed).toEqual(['System']);
    const dark = await background();
    const light = group.getByRole('button', { name: 'Light' });
    await light.focus();
    await page.keyboard.press('Enter');
    expect(await pressed()).toEqual(['Light']);
    expect(await background()).not.toBe(dark);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await pressed()).toEqual(['Dark']);
    expect(await background()).toBe(dark);
    await page.goto(`${site.url}about/`);
    await expect.poll(pressed).toEqual(['Dark']);
    await group.getByRole('button', { name: 'System' }).click();
    expect(await pressed()).toEqual(['System']);
    expect(await page.evaluate(() => [document.documentElement.dataset['theme'], localStorage.getItem('theme')])).toEqual([undefined, null]);
    await page.context().close();
  });

  it('is one pressed button among three at 390 px, each at least 24 px square', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    await page.goto(site.url);
    const buttons = page.getByRole('group', { name: 'Colour theme' }).getByRole('button');
    expect(await buttons.count()).toBe(3);
    for (const box of await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });

  it('is not shown without JavaScript, which it needs, at any width', async () => {
    for (const width of [390, 1100, 1440]) {
      const page = await openPage(browser, { width, height: 844, javaScriptEnabled: false });
      await page.goto(site.url);
      expect(await page.locator('theme-toggle').isVisible(), `${width} px`).toBe(false);
      // Nor is the “/” shortcut of search, which is the launcher's script's.
      expect(await page.locator('.search-link kbd').isVisible(), `${width} px`).toBe(false);
      await page.context().close();
    }
    const scripted = await openPage(browser, { width: 1440, height: 844 });
    await scripted.goto(site.url);
    expect(await scripted.locator('.search-link kbd').isVisible()).toBe(true);
    await scripted.context().close();
  });
});

describe('the home page', () => {
  it('keeps its masthead beside the list only where all of it fits on the screen, its last paragraph reachable', async () => {
    for (const [width, height] of [[1100, 700], [1440, 900]] as const) {
      const page = await openPage(browser, { width, height });
      await page.goto(site.url);
      await page.evaluate(() => scrollTo(0, 400));
      const bottom = await page.locator('.home .masthead > :last-child').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom, `${width}×${height}`).toBeLessThanOrEqual(height);
      await page.context().close();
    }
    // On a screen just tall enough it stays beside the list as the reader scrolls, all of it shown.
    const tall = await openPage(browser, { width: 1440, height: 1000 });
    await tall.goto(site.url);
    await tall.evaluate(() => scrollTo(0, 600));
    const box = await tall.locator('.home .masthead').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(1000);
    await tall.context().close();
  });
});

describe('the contents', () => {
  it('mark the section being read with aria-current, as the reader scrolls', async () => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/`);
    const rail = page.getByRole('navigation', { name: 'In this text' });
    const current = () => rail.locator('a[aria-current="true"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const links = await rail.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(3);
    for (const href of [links[2]!, links.at(-1)!, links[0]!]) {
      await page.locator(href).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await expect.poll(current).toEqual([href]);
    }
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(current).toEqual([]);
    await page.context().close();
  });

  it('stay on screen beside a long text, listing each piece by its headline quoted and attributed', async () => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/`);
    const rail = page.getByRole('navigation', { name: 'In this text' });
    for (const y of [4000, 12000]) {
      await page.evaluate((y) => scrollTo(0, y), y);
      const box = (await rail.boundingBox())!;
      expect(box.y, `the contents at ${y}`).toBeGreaterThanOrEqual(0);
      expect(box.y, `the contents at ${y}`).toBeLessThan(200);
    }
    const first = (await rail.locator('li').first().textContent())!.replace(/[^\S\u00a0]+/g, ' ').trim();
    expect(first).toBe('“NATO to discuss Open Skies treaty after U.S. announces withdrawal” —\u00a0Reuters');
    await page.context().close();
  });
});

describe('earlier and later texts', () => {
  it('put the later text on the right, also under the first text, which has no earlier one', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/`);
    const list = (await page.locator('.prev-next').boundingBox())!;
    expect(await page.locator('.prev-next a[rel="prev"]').count()).toBe(0);
    const later = (await page.locator('.prev-next a[rel="next"]').boundingBox())!;
    expect(later.x).toBeGreaterThan(list.x + list.width / 2 - 1);
    await page.context().close();
  });
});

describe('the glossary index', () => {
  it('files people by surname, under a complete A–Z bar whose empty letters are not links', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}glossary/`);
    const bar = page.getByRole('navigation', { name: 'Letters' });
    expect((await bar.locator('li').allTextContents()).map((t) => t.trim())).toEqual([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    const linked = await bar.getByRole('link').allTextContents();
    for (const letter of linked) expect(await page.locator(`#letter-${letter}`).count()).toBe(1);
    expect(linked.length).toBeLessThan(26);
    const under = (letter: string) => page.locator(`section:has(> #letter-${letter}) dt a`).allTextContents();
    expect(await under('P')).toContain('Vladimir Putin');
    expect(await under('L')).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Alexander Lukashenko']));
    expect(await under('V')).not.toContain('Vladimir Putin');
    expect(await under('A')).not.toContain('Alexander Lukashenko');
    const counts = await page.locator('.glossary-list__count').allTextContents();
    for (const count of counts) expect(count).toMatch(/^(\d[\d,]* mentions?|not named in the texts(; in \d+ notes?)?)$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the notes index', () => {
  it('shows its links as links, the link colour and underlined, and labels its counts', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}annotations/`);
    const linkColour = await page.locator('.prose a').first().evaluate((a) => getComputedStyle(a).color);
    for (const selector of ['.notes-group h2 a', '.notes-list__passage']) {
      const style = await page.locator(selector).first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).textDecorationLine]);
      expect(style, selector).toEqual([linkColour, 'underline']);
    }
    for (const count of await page.locator('.kind-item__count').allTextContents()) expect(count).toMatch(/^\d+ notes?$/);
    await page.context().close();
  });
});

describe('About', () => {
  it('says how to reach the editors, from the one setting', async () => {
    const page = await openPage(browser, { width: 1440 });
    await page.goto(`${site.url}about/`);
    const link = page.locator('#contact a').first();
    expect(await link.getAttribute('href')).toBe(SITE.contact.startsWith('http') ? SITE.contact : `mailto:${SITE.contact}`);
    await page.context().close();
  });
});
