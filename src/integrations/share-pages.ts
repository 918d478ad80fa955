/**
 * Writes the share page of every note (`notes/<id>/index.html`, see src/lib/share-page.ts) once
 * the site is built, from `share-pages.json`, which an endpoint of the site writes for this step
 * and which is removed afterwards. The pages take their head (policy, stylesheet, icon) from the
 * built 404 page, so they look and are protected like the rest of the site.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readShell, renderSharePage, type SharePage } from '../lib/share-page.ts';

export const SHARE_DATA_FILE = 'share-pages.json';

/** Share pages written at a time. */
const WRITE_BATCH = 64;

export function sharePages(): AstroIntegration {
  return {
    name: 'borderlines:share-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const dataPath = join(root, SHARE_DATA_FILE);
        const pages = JSON.parse(await readFile(dataPath, 'utf8')) as SharePage[];
        const shell = readShell(await readFile(join(root, '404.html'), 'utf8'));
        // A few dozen files at a time: one at a time leaves the disk idle between writes, all at
        // once (65,000 at 5,000 articles) runs out of file handles.
        for (let start = 0; start < pages.length; start += WRITE_BATCH) {
          await Promise.all(
            pages.slice(start, start + WRITE_BATCH).map(async (page) => {
              const folder = join(root, 'notes', page.id);
              await mkdir(folder, { recursive: true });
              await writeFile(join(folder, 'index.html'), renderSharePage(page, shell));
            }),
          );
        }
        await rm(dataPath);
        logger.info(`${pages.length} share pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
