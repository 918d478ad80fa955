/**
 * The Web Annotation export resolves in the page (issue 19): each note's TextQuoteSelector matches
 * exactly one place in its page, apparatus included, and its TextPositionSelector, counted in code
 * points in the text content of <article-text>, gives exactly the quoted words, with and without
 * the page's scripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { DIST, builtArticleSlugs } from '../helpers/site.ts';

interface Selector {
  type: string;
  value?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  refinedBy?: { type: string; start: number; end: number };
}

interface Annotation {
  id: string;
  target: { source: string; selector: Selector[] };
}

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

/** What each annotation resolves to in the page: quote matches in <main> and <body>, and the positioned words. */
function resolve(items: Annotation[]) {
  const textOf = (element: Element) => {
    const copy = element.cloneNode(true) as Element;
    for (const script of copy.querySelectorAll('script, template')) script.remove();
    return copy.textContent ?? '';
  };
  const count = (haystack: string, needle: string) => {
    let n = 0;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
    return n;
  };
  const main = textOf(document.querySelector('main')!);
  const body = textOf(document.body);
  return items.map((item) => {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const scoped = item.target.selector.find((s) => s.type === 'CssSelector')!;
    const container = document.querySelector(scoped.value!);
    const points = Array.from(container?.textContent ?? '');
    const needle = quote.prefix! + quote.exact! + quote.suffix!;
    return {
      id: item.id,
      inMain: count(main, needle),
      inBody: count(body, needle),
      positioned: points.slice(scoped.refinedBy!.start, scoped.refinedBy!.end).join(''),
      exact: quote.exact,
    };
  });
}

describe('the Web Annotation selectors of each text', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`match exactly one place in the page and position exactly the quoted words (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const slugs = builtArticleSlugs();
      expect(slugs.length).toBeGreaterThanOrEqual(5);
      const page = await openPage(browser, { javaScriptEnabled });
      let checked = 0;
      for (const slug of slugs) {
        const collection = JSON.parse(readFileSync(join(DIST, 'annotations', `${slug}.jsonld`), 'utf8'));
        const items: Annotation[] = collection.first.items;
        await page.goto(`${site.url}articles/${slug}/`);
        expect(items.length, slug).toBe(await page.locator('aside.note').count());
        for (const result of await page.evaluate(resolve, items)) {
          expect(result.inMain, `${result.id}: quote matches in <main>`).toBe(1);
          expect(result.inBody, `${result.id}: quote matches in <body>`).toBe(1);
          expect(result.positioned, `${result.id}: words at the position`).toBe(result.exact);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(50);
      await page.context().close();
    });
  }
});
