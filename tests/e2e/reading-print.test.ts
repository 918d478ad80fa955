/**
 * A printed article as a demanding reader sees it, measured in Chromium with print media on every
 * article: the short summary of the copy stands apart from the text's first paragraph, not run into it.
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

describe('a printed article', () => {
  it('leaves a line’s space or so between the summary of the copy and the first paragraph, on every article', async () => {
    const gaps: Record<string, number> = {};
    for (const slug of builtArticleSlugs()) {
      const page = await openPage(browser, { width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${site.url}articles/${slug}/`);
      gaps[slug] = await page.evaluate(() => {
        const summary = document.querySelector('.provenance__summary')!.getBoundingClientRect();
        const first = document.querySelector('[data-article-text] > [data-passage], [data-article-text] > .heading-wrap')!.getBoundingClientRect();
        return Math.round(first.top - summary.bottom);
      });
      await page.context().close();
    }
    for (const [slug, gap] of Object.entries(gaps)) expect(gap, `${slug}: ${gap} px between the summary and the text`).toBeGreaterThanOrEqual(10);
  });
});
