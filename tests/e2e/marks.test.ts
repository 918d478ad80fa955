/**
 * The running text carries at most two apparatus styles, one for passages with notes and one for
 * glossary terms, neither looking like a spelling error, and the legend above it shows both.
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

describe('marks in the text', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`are of two styles on every article, none wavy, each shown in the legend (${theme})`, async () => {
      const page = await openPage(browser, { width: 1440, height: 900, colorScheme: theme });
      for (const slug of builtArticleSlugs()) {
        await page.goto(`${site.url}articles/${slug}/`);
        const styles = await page.evaluate(() => {
          const look = (element: Element) => {
            const style = getComputedStyle(element);
            return [style.textDecorationLine, style.textDecorationStyle, style.textDecorationColor, style.backgroundColor, style.borderBottomStyle].join('|');
          };
          const text = document.querySelector('[data-article-text]')!;
          const marks = [...text.querySelectorAll('mark.note-mark[data-notes]:not(.is-paired):not(.is-highlighted)')].map(look);
          const terms = [...text.querySelectorAll('a.term')].map(look);
          const legend = document.querySelector('.apparatus-legend');
          return {
            marks: [...new Set(marks)],
            terms: [...new Set(terms)],
            legend: legend ? [look(legend.querySelector('mark')!), look(legend.querySelector('a.term')!)] : [],
          };
        });
        expect(styles.marks, slug).toHaveLength(1);
        expect(styles.terms.length, slug).toBeLessThanOrEqual(1);
        for (const style of [...styles.marks, ...styles.terms]) expect(style, slug).not.toMatch(/wavy/);
        expect(styles.legend[0], `${slug}: the legend's passage looks like the text's`).toBe(styles.marks[0]);
        if (styles.terms[0]) expect(styles.legend[1], `${slug}: the legend's term looks like the text's`).toBe(styles.terms[0]);
      }
      await page.context().close();
    });
  }
});
