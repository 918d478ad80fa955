/**
 * An Astro integration that builds the Pagefind index once the site is built (`astro:build:done`),
 * so `npm run build` always ships a search index that matches the pages.
 *
 * Pages are indexed from their HTML: article pages (the text, marked `data-pagefind-body`) and term
 * pages. Notes are indexed as records of their own, from `search-records.json`, which an endpoint of
 * the site writes for this step and which is removed afterwards: a note is then a result of its own
 * type and kind, and its result goes to the note's permalink.
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** A note as a search record (see src/pages/search-records.json.ts). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export const RECORDS_FILE = 'search-records.json';

/** Records sent to Pagefind at a time. */
const RECORD_BATCH = 256;

export function searchIndex(): AstroIntegration {
  return {
    name: 'borderlines:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only the pages that have something to find: the rest (share pages, lists, redirects)
        // would be read for nothing.
        const pages = await index.addDirectory({ path: root, glob: '{articles,glossary}/**/*.html' });
        if (pages.errors.length > 0) throw new Error(`Pagefind could not index the site: ${pages.errors.join('; ')}`);
        const recordsPath = join(root, RECORDS_FILE);
        const records = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchRecord[];
        // Sent in batches without waiting for each answer: Pagefind's service reads them in turn,
        // and a round trip per record would cost more than the indexing.
        for (let start = 0; start < records.length; start += RECORD_BATCH) {
          const batch = records.slice(start, start + RECORD_BATCH);
          const results = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
          results.forEach((added, offset) => {
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${batch[offset]!.url}: ${added.errors.join('; ')}`);
          });
        }
        await rm(recordsPath);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${pages.page_count} pages and ${records.length} notes in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
