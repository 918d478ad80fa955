/**
 * Landing on a note: every note's share page (`/notes/<id>/`, which sends the reader on to
 * `/articles/<slug>/#note-<id>`) is followed at 1440x900 and, on a touch phone, at 390x844, and
 * must leave the passage and the note both in view below the sticky header; on the phone the
 * passage in the upper third of the screen and as much of the note below it as the screen holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { DIST, requireDist } from '../helpers/site.ts';

/** How much of a note must show: its label and first lines. */
const FIRST_LINES_PX = 60;

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

function noteIds(): string[] {
  requireDist();
  return readdirSync(join(DIST, 'notes'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The note a share page sends readers to: its own, or the note it was merged into (the anchor ledger's alias). */
function landsOn(id: string): string {
  const refresh = /<meta http-equiv="refresh" content="0; url=[^"#]*#note-([a-z0-9-]+)">/.exec(readFileSync(join(DIST, 'notes', id, 'index.html'), 'utf8'));
  if (!refresh) throw new Error(`notes/${id}/ sends readers nowhere`);
  return refresh[1]!;
}

/** Where, in the viewport, the header ends and the note and its passage are, once landed. */
async function landed(page: Page, id: string) {
  await page.waitForURL(new RegExp(`/articles/[^/]+/#note-${id}$`));
  await page.waitForFunction((id) => document.activeElement?.id === `note-${id}`, id);
  // Let a smooth scroll, if any, finish.
  await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
  return page.evaluate((id) => {
    const mark = [...document.querySelectorAll<HTMLElement>('[data-article-text] mark.note-mark[data-notes]')].find((m) => m.dataset['notes']!.split(' ').includes(id))!;
    const lines = [...mark.getClientRects()];
    const note = document.getElementById(`note-${id}`)!.getBoundingClientRect();
    const first = lines[0]!;
    const probe = document.elementFromPoint(first.left + 4, first.top + first.height / 2);
    return {
      header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      height: innerHeight,
      passageTop: first.top,
      passageBottom: lines.at(-1)!.bottom,
      passageUncovered: probe !== null && mark.contains(probe),
      noteTop: note.top,
      noteBottom: note.bottom,
      /** Where the second line of the note's finding ends: its label and quotation are not enough. */
      findingLines: (() => {
        const body = document.querySelector<HTMLElement>(`#note-${id} .note__body`)!;
        return body.getBoundingClientRect().top + 2 * parseFloat(getComputedStyle(body).lineHeight);
      })(),
    };
  }, id);
}

const VIEWPORTS: { name: string; options: Pick<BrowserContextOptions, 'isMobile' | 'hasTouch'> & { width: number; height: number } }[] = [
  { name: '1440x900', options: { width: 1440, height: 900 } },
  { name: 'a 390x844 phone', options: { width: 390, height: 844, isMobile: true, hasTouch: true } },
];

describe('following a note’s share page', () => {
  for (const { name, options } of VIEWPORTS) {
    it(`leaves the passage and the note in view below the header, for every note, on ${name}`, async () => {
      const page = await openPage(browser, options);
      const failures: string[] = [];
      const ids = noteIds();
      expect(ids.length).toBeGreaterThanOrEqual(50);
      for (const id of ids) {
        await page.goto(`${site.url}notes/${id}/`);
        const at = await landed(page, landsOn(id));
        const problems: string[] = [];
        if (at.passageTop < at.header) problems.push(`passage at ${Math.round(at.passageTop)} under the header (ends at ${Math.round(at.header)})`);
        if (!at.passageUncovered) problems.push('passage covered');
        if (at.noteTop < at.header) problems.push(`note at ${Math.round(at.noteTop)} under the header`);
        if (options.width < 600) {
          if (at.passageTop > at.height / 3) problems.push(`passage at ${Math.round(at.passageTop)}, below the upper third`);
          if (at.noteTop < at.passageTop) problems.push('note above its passage');
          if (at.findingLines > at.height) problems.push(`note's first two lines off screen (they end at ${Math.round(at.findingLines)})`);
          // As much of the note as the screen holds: all of it when it fits below its passage's
          // first line, else the passage's first line right under the header.
          const fits = at.noteBottom - at.passageTop <= at.height - at.header;
          if (fits ? at.noteBottom > at.height : at.passageTop > at.header + 24) problems.push(`note ${Math.round(at.noteTop)}–${Math.round(at.noteBottom)} shown less than it could be (passage at ${Math.round(at.passageTop)})`);
        } else {
          if (at.passageBottom > at.height) problems.push(`passage ends at ${Math.round(at.passageBottom)}, off screen`);
          const fits = at.noteBottom - at.noteTop <= at.height - at.header;
          if (fits ? at.noteBottom > at.height : at.noteTop + FIRST_LINES_PX > at.height) problems.push(`note ${Math.round(at.noteTop)}–${Math.round(at.noteBottom)} cut off`);
        }
        if (problems.length > 0) failures.push(`${id}: ${problems.join('; ')}`);
      }
      expect(failures, failures.join('\n')).toEqual([]);
      await page.context().close();
    }, 240_000);
  }
});
