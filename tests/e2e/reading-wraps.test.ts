/**
 * Line breaks a demanding reader sees on a phone, measured in Chromium on every article: a
 * paragraph's ¶ link never sits alone on a line of its own (an empty-looking line where the link is
 * faint or hidden), and a date, a reading time or a count never breaks in the middle ("22 / May
 * 2020", "3 / known defects").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { builtArticleSlugs } from '../helpers/site.ts';

/** Below 48em the ¶ link follows the paragraph's last word instead of sitting in the gutter. */
const NARROW = [390, 600];

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

async function openArticle(slug: string, width: number): Promise<Page> {
  const page = await openPage(browser, { width, height: 844 });
  await page.goto(`${site.url}articles/${slug}/`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Ids of the paragraphs whose ¶ link starts a line below the paragraph's last words. */
function loneParagraphLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-article-text] [data-passage] > .passage-link')].flatMap((link) => {
      const paragraph = link.parentElement!;
      const before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEndBefore(link);
      const last = [...before.getClientRects()].filter((rect) => rect.width > 0).at(-1);
      return last && link.getBoundingClientRect().top >= last.bottom - 2 ? [paragraph.id] : [];
    }),
  );
}

/** The dates, reading times and counts of the page's header, provenance and section bylines that break across lines. */
function brokenPhrases(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
    const phrase = new RegExp(`\\d{1,2} (?:${months})(?: \\d{4})?|\\d+ min read|\\d+ known defects?|\\d+ pieces? of furniture removed|nothing removed`, 'g');
    const broken: string[] = [];
    for (const line of document.querySelectorAll<HTMLElement>('.article-meta, .section-meta, .provenance__summary')) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const at = (offset: number): [Text, number] => {
        for (const node of nodes) {
          if (offset <= node.length) return [node, offset];
          offset -= node.length;
        }
        throw new Error('offset past the end');
      };
      const text = nodes.map((node) => node.data).join('');
      for (const match of text.matchAll(phrase)) {
        const range = document.createRange();
        range.setStart(...at(match.index));
        range.setEnd(...at(match.index + match[0].length));
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top / 4)));
        if (tops.size > 1) broken.push(`“${match[0]}” in .${line.className.split(' ')[0]}`);
      }
    }
    return broken;
  });
}

/** The attributions (“…” — Outlet) whose dash ends a line, its outlet on the next. */
function danglingDashes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.attributed__by')].flatMap((by) => {
      const walker = document.createTreeWalker(by, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('—')) { node = walker.currentNode as Text; break; }
      if (!node) return [];
      const dash = node.data.indexOf('—');
      const range = document.createRange();
      range.setStart(node, dash);
      // The dash, its space and the outlet's first letter.
      range.setEnd(node, Math.min(node.length, dash + 3));
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top / 4)));
      return tops.size > 1 ? [(by.textContent ?? '').trim()] : [];
    }),
  );
}

/** The note markers that stand on another line than their passage's last word. */
function loneNoteMarkers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-article-text] a.note-ref')].flatMap((ref) => {
      const mark = ref.closest('mark') ?? (ref.previousElementSibling?.matches('mark') ? ref.previousElementSibling : null);
      if (!mark) return [`${ref.id}: outside its passage`];
      // The passage's last character of text before the marker.
      const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (ref.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING && node.data.trim()) last = node;
      }
      if (!last) return [];
      const end = last.data.trimEnd().length;
      const range = document.createRange();
      range.setStart(last, end - 1);
      range.setEnd(last, end);
      const word = range.getBoundingClientRect();
      const box = ref.getBoundingClientRect();
      return Math.abs((word.top + word.bottom) / 2 - (box.top + box.bottom) / 2) > word.height / 2 ? [ref.id] : [];
    }),
  );
}

describe('note markers', () => {
  for (const [width, javaScriptEnabled] of [[390, false], [1440, false], [390, true], [1440, true]] as const) {
    it(`stay on the line of their passage’s last word, on every article at ${width} px, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const lone: string[] = [];
      for (const slug of builtArticleSlugs()) {
        const page = await openPage(browser, { width, height: 844, javaScriptEnabled });
        await page.goto(`${site.url}articles/${slug}/`);
        lone.push(...(await loneNoteMarkers(page)).map((id) => `${slug}#${id}`));
        await page.context().close();
      }
      expect(lone, `markers alone on their line:\n${lone.join('\n')}`).toEqual([]);
    });
  }
});

describe('line breaks on a phone', () => {
  for (const width of NARROW) {
    it(`never leave an attribution’s dash at the end of a line, on the home page and every article at ${width} px`, async () => {
      const dangling: string[] = [];
      for (const path of ['', ...builtArticleSlugs().map((slug) => `articles/${slug}/`)]) {
        const page = await openPage(browser, { width, height: 844 });
        await page.goto(site.url + path);
        dangling.push(...(await danglingDashes(page)).map((what) => `/${path}: ${what}`));
        await page.context().close();
      }
      expect(dangling, dangling.join('\n')).toEqual([]);
    });
  }

  for (const width of NARROW) {
    it(`never leave a paragraph’s ¶ link alone on a line, on every article at ${width} px`, async () => {
      const lone: string[] = [];
      for (const slug of builtArticleSlugs()) {
        const page = await openArticle(slug, width);
        lone.push(...(await loneParagraphLinks(page)).map((id) => `${slug}#${id}`));
        await page.context().close();
      }
      expect(lone, `¶ alone on its line:\n${lone.join('\n')}`).toEqual([]);
    });

    it(`never break a date, a reading time or a count in the middle, on every article at ${width} px`, async () => {
      const broken: string[] = [];
      for (const slug of builtArticleSlugs()) {
        const page = await openArticle(slug, width);
        broken.push(...(await brokenPhrases(page)).map((what) => `${slug}: ${what}`));
        await page.context().close();
      }
      expect(broken, broken.join('\n')).toEqual([]);
    });
  }
});
