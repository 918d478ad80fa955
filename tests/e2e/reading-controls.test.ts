/**
 * Controls on the reading page that must look like controls, measured in Chromium: the small
 * "Cited in a note" marker under a cited passage opens a box, and shows the disclosure triangle the
 * page's other folded boxes ("Full record of the copy", "Cite this text") show, not bare grey words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { builtArticleSlugs } from '../helpers/site.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

describe('the “Cited in a note” marker', () => {
  for (const width of [1440, 390]) {
    it(`shows a disclosure triangle before its words, on every article at ${width} px`, async () => {
      const bare: string[] = [];
      let markers = 0;
      for (const slug of builtArticleSlugs()) {
        const page = await openPage(browser, { width, height: 900 });
        await page.goto(`${site.url}articles/${slug}/`);
        const indents = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-article-text] .cited-by > summary')].map((summary) => {
            const words = document.createRange();
            words.selectNodeContents(summary);
            // The words start after the triangle, not at the control's left edge.
            return Math.round(words.getBoundingClientRect().left - summary.getBoundingClientRect().left);
          }),
        );
        markers += indents.length;
        indents.forEach((indent, index) => indent < 8 && bare.push(`${slug}: marker ${index + 1} has its words ${indent} px from its edge`));
        await page.context().close();
      }
      expect(markers).toBeGreaterThan(5);
      expect(bare, bare.join('\n')).toEqual([]);
    });
  }
});
