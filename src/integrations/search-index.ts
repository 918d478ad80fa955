/**
 * An Astro integration that builds the Pagefind index once the site is built (`astro:build:done`),
 * so `npm run build` always ships a search index that matches the pages.
 *
 * Indexed from their HTML, by Pagefind's own reader: article pages (the text and the bodies of its
 * notes, in `data-pagefind-body`) and term pages. A note is found on its text's page and shown as a
 * result of its own (src/client/search/hits.ts). Notes were once pages of their own in the index
 * (their share pages); at 1,000 texts that was 14,600 pages instead of 1,500, and the page list
 * Pagefind loads before any search was 94 KB instead of 10.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'borderlines:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only the pages that have something to find: the rest (lists, redirects) would be read for nothing.
        const pages = await index.addDirectory({ path: root, glob: '{articles,glossary}/**/*.html' });
        if (pages.errors.length > 0) throw new Error(`Pagefind could not index the site: ${pages.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${pages.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
