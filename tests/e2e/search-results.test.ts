/**
 * Search results a reader can trust (issue 16), in Chromium against the built site: counts that
 * name what is listed, lines grouped under their text, the phrase and the named term first, typos
 * forgiven, folded filters with chips, a full-screen dialog on phones, and axe with results open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';
import { contrastRatio } from '../helpers/contrast.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

const DONE = /for “|No results|Nothing to show/;
/** What a status adds while more pages match than have been read (a pattern's source). */
const MORE = '(, from the first (\\d+ )?of the \\d+ pages that match; “Show more results” reads (on \\(\\d+ left\\)|the last one))?';

async function search(page: Page, query: string, extra = ''): Promise<string> {
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}${extra}`);
  const status = page.locator('.search-status').filter({ hasText: DONE });
  await status.waitFor();
  // A correction is searched after the first search: wait until the status stops changing.
  let text = '';
  await expect.poll(async () => {
    const now = (await status.textContent()) ?? '';
    const settled = now === text;
    text = now;
    return settled;
  }, { interval: 250 }).toBe(true);
  return text;
}

/** What the listbox holds: options by type, text groups, and terms. */
async function listed(page: Page): Promise<{ passages: number; notes: number; terms: number; texts: number; events: number; records: number }> {
  const count = (selector: string) => page.locator(selector).count();
  return {
    passages: await count('[role="listbox"] [role="option"].search-hit--text:not(.search-hit--record)'),
    records: await count('[role="listbox"] [role="option"].search-hit--record'),
    notes: await count('[role="listbox"] [role="option"].search-hit--note'),
    terms: await count('[role="listbox"] [role="option"].search-hit--term'),
    texts: await page.locator('[role="listbox"] [role="group"]').filter({ has: page.locator('.search-hit--text, .search-hit--note') }).count(),
    events: await count('[role="listbox"] [role="option"].search-hit--event'),
  };
}

/** The numbers a status states: "11 passages and notes in 7 texts, 1 term for …". */
function stated(status: string): { lines: number; texts: number; terms: number; events: number; records: number } {
  const lines = /(\d+) (?:passages and notes|passages?|notes?) in/.exec(status);
  const texts = /in (\d+) texts?/.exec(status);
  const terms = /(\d+) terms?\b/.exec(status);
  const events = /(\d+) timeline events?\b/.exec(status);
  const records = /(\d+) provenance records?\b/.exec(status);
  return { lines: Number(lines?.[1] ?? 0), texts: Number(texts?.[1] ?? 0), terms: Number(terms?.[1] ?? 0), events: Number(events?.[1] ?? 0), records: Number(records?.[1] ?? 0) };
}

describe('the first screen of a common word', () => {
  for (const query of ['NATO', 'Belarus', 'Lukashenko']) {
    it(`lists more than one text for “${query}”, which several texts use often`, async () => {
      const page = await openPage(browser);
      await search(page, query);
      // Each of these words is in four or five of the texts, many times: one text's lines alone
      // would fill the screen and hide that the others say it too.
      expect((await listed(page)).texts).toBeGreaterThanOrEqual(2);
      await page.context().close();
    });
  }
});

describe('counts name what is listed', () => {
  for (const query of ['Iskander', 'Lukashenko', 'Open Skies', 'Kaliningrad', 'Minsk', '2021', 'Stoltenberg']) {
    it(`states the passages, notes, texts and terms listed for “${query}”`, async () => {
      const page = await openPage(browser);
      const status = await search(page, query);
      const list = await listed(page);
      expect(list.passages + list.notes + list.terms).toBeGreaterThan(0);
      expect(stated(status)).toEqual({ lines: list.passages + list.notes, texts: list.texts, terms: list.terms, events: list.events, records: list.records });
      // "Show more" adds lines, and the count follows them; until the last page is read, the
      // status says that more pages match than it counts.
      const more = page.locator('.search-more');
      expect(/, from the first (\d+ )?of the \d+ pages that match; “Show more results” reads (on \(\d+ left\)|the last one)\.$/.test(status), status).toBe(await more.isVisible());
      if (await more.isVisible()) {
        await more.click();
        const shown = (counts: ReturnType<typeof stated>) => counts.lines + counts.terms + counts.events;
        await expect.poll(async () => shown(stated((await page.locator('.search-status').textContent()) ?? ''))).toBeGreaterThan(list.passages + list.notes + list.terms + list.events);
        const after = await listed(page);
        expect(stated((await page.locator('.search-status').textContent())!)).toEqual({ lines: after.passages + after.notes, texts: after.texts, terms: after.terms, events: after.events, records: after.records });
      }
      await page.context().close();
    });
  }

  it('says a filtered search has nothing to show, with no count over an empty list, and offers to clear the filters', async () => {
    const page = await openPage(browser);
    const status = await search(page, 'Open Skies', '&type=Note&kind=Correction');
    expect(status).toBe('Nothing to show for “Open Skies” with the filters chosen.');
    expect(await page.locator('[role="option"]').count()).toBe(0);
    // The filters stay folded; what they hold shows as chips.
    expect(await page.locator('details.search-filters__box').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByRole('button', { name: /^Remove the filter/ }).allTextContents()).toEqual(['Type: Notes ×', 'Kind of note: Correction ×']);
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => page.locator('[role="option"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Remove the filter/ }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=Open+Skies');
    await page.context().close();
  });

  it('removes one filter with its chip', async () => {
    const page = await openPage(browser);
    await search(page, 'Belarus', '&type=Note&kind=Correction');
    await page.getByRole('button', { name: 'Remove the filter Kind of note: Correction' }).click();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=Belarus&type=Note');
    // The box, folded away, is unchecked too.
    expect(await page.locator('input[name="kind"][value="Correction"]').isChecked()).toBe(false);
    await expect.poll(() => page.locator('[role="option"].search-hit--note').count()).toBeGreaterThan(0);
    // (A text with more notes than it lists ends its group with a line that offers them.)
    expect(await page.locator('[role="option"]:not(.search-hit--note):not(.search-hit--more)').count()).toBe(0);
    await page.context().close();
  });
});

describe('grouped results', () => {
  it('groups lines under “Title” — Outlet and section, and no two lines look alike', async () => {
    const page = await openPage(browser);
    await search(page, 'Iskander');
    const groups = await page.locator('[role="group"] > .search-group__title').allTextContents();
    expect(groups[0]).toBe('Glossary');
    expect(groups).toContain('“Russia Takes New Steps To Secures Its Western Border” —\u00a0Moon of Alabama\u00a0·\u00a021\u00a0December\u00a02022');
    // The title is said once, by the group, not on every line.
    const lines = await page.locator('[role="option"]').allInnerTexts();
    // (A claim's line, under "Claims across the texts", names the text it is made in.)
    for (const line of await page.locator('[role="option"]:not(.search-hit--claim)').allInnerTexts()) expect(line).not.toContain('Russia Takes New Steps');
    expect(new Set(lines).size).toBe(lines.length);
    // A note line: its kind and first words, and its passage quoted.
    const note = page.locator('[role="option"].search-hit--note').first();
    expect(await note.locator('.search-hit__title').textContent()).toMatch(/^(Context|Fact-check|Correction|Discrepancy between sources|What happened next|Note on the copy): \S+ \S+/);
    expect(await note.locator('.search-hit__quote').textContent()).toMatch(/^On “.+”$/);
    // A passage line: its own words, the match marked.
    expect(await page.locator('[role="option"].search-hit--text .search-hit__excerpt mark').first().textContent()).toMatch(/^Iskander/);
    await page.context().close();
  });

  it('says when a text or a page of the timeline holds more lines than it lists, and lists them when asked, the count following', async () => {
    const page = await openPage(browser);
    // Moon of Alabama's text names Lukashenko in 16 places; its group lists three passages and three notes.
    await search(page, 'Lukashenko');
    const group = page.locator('[role="group"]').filter({ hasText: 'Russia Takes New Steps' });
    const held = group.locator('[role="option"].search-hit--more');
    // Its provenance box names him too: that line is counted as what it is, not as a passage.
    expect(await held.textContent()).toMatch(/^Show \d+ more passages(, | and )\d+ more notes( and the provenance record)? in this text$/);
    const [, passages, notes] = /^Show (\d+) more passages(?:, | and )(\d+) more notes/.exec((await held.textContent())!)!.map(Number);
    const records = (await held.textContent())!.includes('provenance record') ? 1 : 0;
    const before = await listed(page);
    const hrefs = new Set(await page.locator('[role="option"]:not(.search-hit--more)').evaluateAll((all) => all.map((option) => option.getAttribute('href'))));
    // Chosen from the keyboard: arrows down to it from the field, Enter.
    const options = await page.locator('[role="option"]').evaluateAll((all) => all.map((option) => option.classList.contains('search-hit--more')));
    await page.locator('#search-page-input').focus();
    for (let step = 0; step <= options.indexOf(true); step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => group.locator('[role="option"].search-hit--more').count()).toBe(0);
    const after = await listed(page);
    expect([after.passages - before.passages, after.notes - before.notes, after.records - before.records]).toEqual([passages, notes, records]);
    expect(stated((await page.locator('.search-status').textContent())!)).toEqual({ lines: after.passages + after.notes, texts: after.texts, terms: after.terms, events: after.events, records: after.records });
    // The field keeps the focus, on a line the group added; the page did not change.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    const active = await page.locator('#search-page-input').getAttribute('aria-activedescendant');
    expect(hrefs.has(await page.locator(`[id="${active}"]`).getAttribute('href'))).toBe(false);
    expect(await group.locator(`[id="${active}"]`).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/search/');
    await page.context().close();
  });

  it('lists every event of a timeline page that matches, the fourth when asked', async () => {
    const page = await openPage(browser);
    await search(page, '1999');
    const group = page.locator('[role="group"]').filter({ has: page.locator('.search-group__title', { hasText: /^Timeline, 1999$/ }) });
    expect(await group.locator('.search-hit--event').count()).toBe(3);
    await group.locator('.search-hit--more', { hasText: 'Show 1 more event on this page' }).click();
    await expect.poll(() => group.locator('.search-hit--event').count()).toBe(4);
    expect((await group.locator('.search-hit--event').allInnerTexts()).join('\n')).toContain('Becomes acting president');
    const list = await listed(page);
    expect(stated((await page.locator('.search-status').textContent())!).events).toBe(list.events);
    await page.context().close();
  });

  it('keeps the focus on “Show more” while it reads the next pages', async () => {
    const page = await openPage(browser);
    // “Lukashenko” matches some 57 pages, many more than one reading takes (“Iskander” had only 12,
    // which one reading finished once the timeline joined three of its lines into one).
    await search(page, 'Lukashenko');
    const more = page.locator('.search-more');
    expect(await page.locator('.search-status').textContent()).toMatch(/reads on \((\d{2,}) left\)/);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await more.getAttribute('aria-disabled')) === null).toBe(true);
    // More pages are left after one more reading: the button is still there, and focused.
    expect(await more.isVisible()).toBe(true);
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('gives a timeline event as its date and what happened, without the page’s labels', async () => {
    const page = await openPage(browser);
    await search(page, 'Iskander');
    // Every page that matches, listed.
    const more = page.locator('.search-more');
    for (let round = 0; round < 20 && (await more.isVisible()); round++) {
      const before = await page.locator('[role="option"]').count();
      await more.click();
      // The button says it is busy while the pages are read, and is hidden once none is left.
      await expect.poll(async () => (await more.isHidden()) || (await more.getAttribute('aria-disabled')) === null).toBe(true);
      expect(await page.locator('[role="option"]').count()).toBeGreaterThanOrEqual(before);
    }
    expect(await more.isVisible()).toBe(false);
    const events = await page.locator('[role="option"].search-hit--event').allInnerTexts();
    expect(events.length).toBeGreaterThan(0);
    // Once "October 2016Glossary. Enhanced Forward Presence: … Glossary Enhanced Forward Presence. Permalink."
    for (const event of events) expect(event).not.toMatch(/\d{4}[A-Z]|Permalink|When each text first said it|\bGlossary\b/);
    await page.context().close();
  });
});

describe('a line that lands with the searched words marked', () => {
  it('marks them in the timeline’s event it lands on', async () => {
    const page = await openPage(browser);
    await search(page, 'Becomes acting president');
    const line = page.locator('[role="option"].search-hit--event').first();
    expect(await line.getAttribute('href')).toMatch(/\?hl=Becomes&hl=acting&hl=president#/);
    await line.click();
    await page.waitForURL(/#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const marks = page.locator(`[id="${id}"] mark.search-highlight`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    // The words searched stand together in the event: marked as one.
    expect((await marks.allTextContents()).map((text) => text.toLowerCase())).toContain('becomes acting president');
    await page.context().close();
  });

  it('marks them in a note’s sources when the note does not say them, and brings a mark below the fold into view', async () => {
    const page = await openPage(browser, { width: 390, height: 844 });
    // The note's body does not name the treaty; its sources' titles do.
    const note = 'open-skies-us-russia-withdrawals';
    const body = await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/`).then(() => page.locator(`#note-${note} .note__body`).textContent());
    expect(body).not.toMatch(/Open Skies/i);
    await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/?hl=Open&hl=Skies#note-${note}`);
    const inSources = page.locator(`#note-${note} .note__sources mark.search-highlight`);
    await expect.poll(() => inSources.count()).toBeGreaterThan(0);
    // The copy's record of the AP text: "Lukashenko" is in its defects, below the summary.
    await page.goto(`${site.url}articles/russian-bombers-fly-over-belarus/?hl=Lukashenko#provenance-title`);
    const first = page.locator('.provenance mark.search-highlight').first();
    await expect.poll(() => first.count()).toBe(1);
    await expect.poll(() => first.evaluate((mark) => { const box = mark.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; })).toBe(true);
    // Brought into view: the record's heading, where the link lands, is scrolled past.
    expect(await page.evaluate(() => document.getElementById('provenance-title')!.getBoundingClientRect().bottom < document.querySelector('.site-header')!.getBoundingClientRect().bottom)).toBe(true);
    await page.context().close();
  });

  it('marks words searched together where they stand together, the claim’s title included, not each where it stands alone', async () => {
    const page = await openPage(browser, { width: 1440, height: 900 });
    // This note's words have “open” and “opens”, not “Open Skies”; its claim line and sources do.
    const note = 'forum-report-leads-above-headlines';
    await page.goto(`${site.url}articles/lavrov-speaks-out-against-nato-at-un/?hl=Open&hl=Skies#note-${note}`);
    const marks = page.locator(`#note-${note} mark.search-highlight`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const marked = await marks.allTextContents();
    for (const text of marked) expect(text).toMatch(/^open\s+skies/i);
    expect(await page.locator(`#note-${note} .note__body mark.search-highlight`).count()).toBe(0);
    await page.context().close();
  });
});

describe('a text’s own date as a timeline event', () => {
  it('shows the text’s headline quoted and attributed to its outlet, never as the edition’s words', async () => {
    const page = await openPage(browser);
    await search(page, 'Russian bombers');
    const more = page.locator('.search-more');
    for (let round = 0; round < 20 && (await more.isVisible()); round++) {
      await more.click();
      await expect.poll(async () => (await more.isHidden()) || (await more.getAttribute('aria-disabled')) === null).toBe(true);
    }
    const events = (await page.locator('[role="option"].search-hit--event').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    // It read “5 February 2022. Russian bombers fly over Belarus.”, the headline as if it were ours.
    expect(events).toContainEqual(expect.stringMatching(/5 February 2022\. “Russian bombers fly over Belarus” — Associated Press\.$/));
    expect(events.filter((text) => /Russian bombers fly over Belarus/.test(text)).every((text) => /“Russian bombers fly over Belarus”/.test(text))).toBe(true);
    await page.context().close();
  });
});

describe('the provenance summary', () => {
  it('is found by a word only it holds, as a line “About this copy” that lands on the summary', async () => {
    const page = await openPage(browser);
    // The AP text's copy is from concordmonitor.com: a word of the summary, not of the text.
    await search(page, 'concordmonitor');
    const line = page.locator('[role="option"]').filter({ has: page.locator('.search-hit__title', { hasText: /^About this copy$/ }) });
    expect(await line.count()).toBe(1);
    expect(await line.getAttribute('href')).toMatch(/\/articles\/russian-bombers-fly-over-belarus\/\?hl=concordmonitor#provenance-title$/);
    expect(await line.locator('.search-hit__excerpt mark').first().textContent()).toMatch(/^concordmonitor/i);
    // Labelled as what it is: the copy's record, not a passage of the text.
    expect(await line.locator('.search-hit__type').textContent()).toBe('Provenance');
    await line.click();
    await page.waitForURL(/#provenance-title$/);
    const landed = await page.evaluate(() => {
      const title = document.getElementById('provenance-title')!.getBoundingClientRect();
      return { top: title.top, bottom: title.bottom, header: document.querySelector('.site-header')!.getBoundingClientRect().bottom, height: innerHeight, region: document.getElementById('provenance-title')!.closest('aside')?.getAttribute('aria-labelledby') };
    });
    expect(landed.region).toBe('provenance-title');
    expect(landed.top).toBeGreaterThanOrEqual(landed.header);
    expect(landed.bottom).toBeLessThanOrEqual(landed.height);
    // The word is marked where it is, and a mark in the folded full record is shown, the record opened.
    const marks = page.locator('.provenance mark.search-highlight');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    for (const mark of await marks.all()) expect(await mark.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('ranking', () => {
  // Names, treaties, weapons, places, a date, a figure, and phrases: the first line each should give.
  const TABLE: [string, string][] = [
    ['Iskander', '/glossary/iskander/'],
    ['Open Skies', '/glossary/open-skies/'],
    ['New START', '/glossary/new-start/'],
    ['Belarus Democracy Act', '/glossary/belarus-democracy-act/'],
    ['Tikhanovskaya', '/glossary/tsikhanouskaya/'],
    ['Lukashenka', '/glossary/lukashenko/'],
    ['Stoltenberg', '/glossary/stoltenberg/'],
    ['Shoygu', '/glossary/shoigu/'],
    ['B-52', '/glossary/b-52/'],
    ['S-400', '/glossary/s-400/'],
    ['Tu-22M3', '/glossary/tu-22m3/'],
    ['Bayraktar', '/glossary/bayraktar-tb2/'],
    ['Kaliningrad', '/glossary/kaliningrad/'],
    ['Crimea', '/glossary/crimea-annexation/'],
    ['Union State', '/glossary/union-state/'],
    ['19 December 2022', '/articles/russia-new-steps-western-border/?hl=19&hl=December&hl=2022#note-minsk-summit-19-december-2022'],
    ['500 km', '/articles/russia-new-steps-western-border/?hl=500&hl=km#note-belarus-size-population'],
    ['1.5 million', '/articles/russia-new-steps-western-border/?hl=1.5&hl=million#during-russian-defense-ministry-meeting'],
  ];

  it(`gives the expected first result for ${TABLE.length} queries`, async () => {
    const page = await openPage(browser);
    const got: [string, string | null][] = [];
    for (const [query] of TABLE) {
      await search(page, query);
      got.push([query, await page.locator('[role="option"]').first().getAttribute('href')]);
    }
    expect(got).toEqual(TABLE);
    await page.context().close();
  });

  it('puts the lines that hold the whole phrase before those that hold one of its words', async () => {
    const page = await openPage(browser);
    await search(page, 'Open Skies');
    const texts = (await page.locator('[role="option"]:not(.search-hit--term):not(.search-hit--more)').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    const holds = texts.map((text) => /open skies/i.test(text));
    // Every line with the phrase comes before any line without it.
    expect(holds.indexOf(false) === -1 || holds.lastIndexOf(true) < holds.indexOf(false)).toBe(true);
    expect(holds[0]).toBe(true);
    await page.context().close();
  });

  it('lists every passage of a text that holds a phrase searched in quotes, each holding it, and quotes the query once', async () => {
    const page = await openPage(browser);
    // Pagefind gives a quoted search the phrase's first place in a page: the Lavrov text, which
    // says “Open Skies treaty” in several paragraphs, gave one line.
    const status = await search(page, '"Open Skies treaty"');
    expect(status).toContain('for “Open Skies treaty”');
    const passages = (await page.locator('[role="option"].search-hit--text, [role="option"].search-hit--note').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(passages.length).toBeGreaterThanOrEqual(3);
    for (const text of passages) expect(text).toMatch(/open skies treaty/i);
    expect(stated(status).lines).toBe(await page.locator('[role="option"].search-hit--text, [role="option"].search-hit--note').count());
    await page.context().close();
  });
});

describe('typos', () => {
  const CASES: [string, string, string][] = [
    ['Iskandar', 'Iskander', '/glossary/iskander/'],
    ['Lukashneko', 'Lukashenko', '/glossary/lukashenko/'],
    ['Kalinigrad', 'Kaliningrad', '/glossary/kaliningrad/'],
    ['Stoltenburg', 'Stoltenberg', '/glossary/stoltenberg/'],
    ['Tikhanovskya', 'Tikhanovskaya', '/glossary/tsikhanouskaya/'],
    ['Pompeoo', 'Pompeo', '/articles/russia-new-steps-western-border/?hl=Pompeo#1999-russia-belarus-signed-treaty'],
  ];
  it('corrects a misspelt word of several, when no line holds them all', async () => {
    const page = await openPage(browser);
    // It said only that no line held every word, and listed the lines of “Putin” alone.
    const status = await search(page, 'Lukashneko Putin');
    // The notice names the word misspelt, not “Putin”, which the edition spells so.
    expect(status).toMatch(/^Nothing in the edition is spelled “Lukashneko”\. .+ for “Lukashenko Putin”/);
    expect(await page.locator('.search-suggest').textContent()).toBe('Did you mean Lukashenko Putin?');
    await page.context().close();
  });

  for (const [typed, meant, first] of CASES) {
    it(`asks “Did you mean ${meant}?” for “${typed}” and lists its results`, async () => {
      const page = await openPage(browser);
      const status = await search(page, typed);
      expect(status).toMatch(new RegExp(`^Nothing in the edition is spelled “${typed}”\\. .+ for “${meant}”${MORE}\\.$`));
      expect(await page.locator('.search-suggest').textContent()).toBe(`Did you mean ${meant}?`);
      expect(await page.locator('[role="option"]').first().getAttribute('href')).toBe(first);
      // The button puts the spelling in the field.
      await page.getByRole('button', { name: meant, exact: true }).click();
      await expect.poll(() => page.locator('.search-status').textContent()).toMatch(new RegExp(`^\\d.+ for “${meant}”${MORE}\\.$`));
      expect(await page.getByRole('combobox').inputValue()).toBe(meant);
      await page.context().close();
    });
  }

  it('loads the vocabulary only when a search finds little', async () => {
    const page = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await search(page, 'Iskander');
    expect(requests.filter((path) => /vocabulary|typos/.test(path))).toEqual([]);
    await search(page, 'Lukashneko');
    expect(requests.filter((path) => path.endsWith('/search-vocabulary.json'))).toHaveLength(1);
    await page.context().close();
  });

  it('corrects towards the words of the whole apparatus, note sources included, and none of the MDX markup', async () => {
    const response = await fetch(`${site.url}search-vocabulary.json`);
    const { words } = (await response.json()) as { words: string };
    const vocabulary = new Set(words.split(' '));
    // “Anadolu” is written only in a note's source title; “bombers” in the texts and notes.
    expect(vocabulary.has('Anadolu')).toBe(true);
    expect(vocabulary.has('bombers')).toBe(true);
    // Component names, attribute names and the addresses of sources are not words of the edition.
    for (const markup of ['Passage', 'verified', 'https']) expect(vocabulary.has(markup), markup).toBe(false);
  });

  it('points a search for one spelling of a name to the glossary page that lists every mention under any of them', async () => {
    const page = await openPage(browser);
    await search(page, 'Lukashenka');
    const notice = page.locator('.search-mentions');
    expect(await notice.textContent()).toBe('The glossary lists “Lukashenka” under Alexander Lukashenko; the entry’s page lists every mention in the texts, under any of the entry’s names.');
    expect(await notice.getByRole('link', { name: 'the entry’s page' }).getAttribute('href')).toBe('/glossary/lukashenko/');
    // A word that ends the name of a term that is not a person (“presidential election in Belarus”) is not taken for a surname.
    await search(page, 'Belarus');
    expect(await page.locator('.search-mentions').count()).toBe(0);
    await page.context().close();
  });

  it('says plainly when nothing is near', async () => {
    const page = await openPage(browser);
    expect(await search(page, 'xylophone')).toBe('No results for “xylophone”.');
    expect(await page.locator('.search-suggest').count()).toBe(0);
    // Pagefind stretches “flibber” to “fly”: the lines it finds are listed, and said to lack the word.
    expect(await search(page, 'flibber')).toMatch(/^No line found has “flibber”: these have words that begin like it \(“fl[^”]*”(?:, “[^”]+”)*\)\. \d+ /u);
    expect(await page.locator('[role="listbox"] [role="option"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says when no line listed holds every word typed, before the count', async () => {
    const page = await openPage(browser);
    const status = await search(page, 'Lukashenko zzqxw');
    expect(status).toMatch(/^No line found holds every word of “Lukashenko zzqxw”: these hold some of them\. \d+ (?:results|passages|lines)/u);
    // Words that a line holds together are not told so.
    expect(await search(page, 'Open Skies')).not.toContain('No line found');
    await page.context().close();
  });
});

describe('layout and access', () => {
  it('sends “/” on the search page to the page’s own field, not to a dialog over it', async () => {
    const page = await openPage(browser);
    await search(page, 'Iskander');
    await page.waitForFunction(() => customElements.get('search-launcher') !== undefined);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`draws the search field's edge at 3:1 and its example queries at 4.5:1 against the page, ${colorScheme}`, async () => {
      const page = await openPage(browser, { colorScheme });
      await page.goto(`${site.url}search/`);
      const input = page.locator('#search-page-input');
      await input.waitFor();
      const [border, placeholder, background] = await input.evaluate((field) => [getComputedStyle(field).borderTopColor, getComputedStyle(field, '::placeholder').color, getComputedStyle(field).backgroundColor]);
      expect(contrastRatio(border, background), `${border} on ${background}`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(placeholder, background), `${placeholder} on ${background}`).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  }

  it('fills the screen with the dialog at 390 px, and not at 1440', async () => {
    for (const [width, full] of [[390, true], [640, true], [1440, false]] as const) {
      const page = await openPage(browser, { width, height: 800 });
      await page.goto(site.url);
      await page.waitForFunction(() => customElements.get('search-launcher') !== undefined);
      await page.keyboard.press('/');
      const dialog = page.getByRole('dialog', { name: 'Search the edition' });
      await dialog.waitFor();
      const box = await dialog.boundingBox();
      expect(box!.width === width && box!.height === 800, `${width} px`).toBe(full);
      await page.context().close();
    }
  });

  for (const width of [1440, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`passes axe with results open at ${width} px, ${colorScheme}: the page and the dialog`, async () => {
        const page = await openPage(browser, { width, height: 900, colorScheme });
        await search(page, 'Open Skies', '&type=Text&type=Note');
        await page.getByRole('combobox').press('ArrowDown');
        expect(await page.locator('[role="option"]').count()).toBeGreaterThan(2);
        expect(await axeViolations(page)).toEqual([]);
        await page.goto(`${site.url}articles/russia-new-steps-western-border/`);
        // "/" opens the dialog once the launcher's script has run.
        await page.waitForFunction(() => customElements.get('search-launcher') !== undefined);
        await page.keyboard.press('/');
        await page.getByRole('dialog').getByRole('combobox').waitFor();
        await page.keyboard.type('Iskandar');
        await expect.poll(() => page.locator('dialog .search-suggest').count(), { timeout: 15_000 }).toBe(1);
        await page.keyboard.press('ArrowDown');
        expect(await axeViolations(page, { include: 'dialog' })).toEqual([]);
        await page.context().close();
      });
    }
  }
});
