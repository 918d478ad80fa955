/**
 * An Astro integration that builds the Pagefind index once the site is built (`astro:build:done`),
 * so `npm run build` always ships a search index that matches the pages.
 *
 * Indexed from their HTML, by Pagefind's own reader: article pages (the text and the bodies of its
 * notes, in `data-pagefind-body`) and term pages. A note is found on its text's page and shown as a
 * result of its own (src/client/search/hits.ts). Notes were once pages of their own in the index
 * (their share pages); at 1,000 texts that was 14,600 pages instead of 1,500, and the page list
 * Pagefind loads before any search was 94 KB instead of 10.
 *
 * Pagefind has no incremental indexing: any change to an indexed page means indexing them all. When
 * no indexed page changed (the digest of their HTML is the last build's), the last index is copied
 * from the cache folder instead.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * The pages Pagefind reads: those with something to find, each text's page and each term's first
 * page (`<dir>/<id>/index.html`). Lists, redirects and a term's further pages of mentions (which
 * quote the texts, and at 5,000 texts were 2,400 pages and 390 MB read for nothing) are left out.
 */
const INDEXED = ['articles', 'glossary'];
const GLOB = `{${INDEXED.join(',')}}/*/index.html`;

/** The indexed pages, as paths under `root`, in a stable order. */
export function indexedPages(root: string): string[] {
  return INDEXED.flatMap((dir) => {
    if (!existsSync(join(root, dir))) return [];
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'index.html')))
      .map((entry) => `${dir}/${entry.name}/index.html`)
      .sort();
  });
}

/** A digest of every indexed page, by path and content. */
function digestOf(root: string): string {
  const hash = createHash('sha256');
  for (const file of indexedPages(root)) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('base64url').slice(0, 22);
}

export function searchIndex(): AstroIntegration {
  let cache = '';
  return {
    name: 'borderlines:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'borderlines', 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const output = join(root, 'pagefind');
        const started = performance.now();
        const key = digestOf(root);
        const cached = join(cache, key);
        if (existsSync(join(cached, 'pagefind-entry.json'))) {
          cpSync(cached, output, { recursive: true });
          logger.info(`Search index: no indexed page changed, the last index reused in ${Math.round(performance.now() - started)} ms`);
          return;
        }
        let count = 0;
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        // Pagefind runs as a child process: closed whatever happens, or a failed build hangs on it.
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const pages = await index.addDirectory({ path: root, glob: GLOB });
          if (pages.errors.length > 0) throw new Error(`Pagefind could not index the site: ${pages.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          count = pages.page_count;
        } finally {
          await pagefind.close();
        }
        // Keep this index, and only this one, for the next build.
        rmSync(cache, { recursive: true, force: true });
        cpSync(output, cached, { recursive: true });
        logger.info(`Search index: ${count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
