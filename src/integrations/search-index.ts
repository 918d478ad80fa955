/**
 * An Astro integration that builds the Pagefind index once the site is built (`astro:build:done`),
 * so `npm run build` always ships a search index that matches the pages.
 *
 * Indexed from their HTML, by Pagefind's own reader: article pages (the text, marked
 * `data-pagefind-body`), term pages, and each note's share page (`notes/<id>/`, written by the
 * share-pages integration, which runs first), whose body is the note's text and whose metadata
 * sends a result to the note beside its passage. (Notes were once sent as custom records through
 * Pagefind's Node API, one message each; the pages were written anyway, and reading them leaves one
 * path into the index. At 1,000 articles the index takes 35-40 s either way, most of it in
 * writeFiles.)
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
        const notes = await index.addDirectory({ path: root, glob: 'notes/*/index.html' });
        if (notes.errors.length > 0) throw new Error(`Pagefind could not index the notes: ${notes.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${pages.page_count} pages and ${notes.page_count} notes in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
