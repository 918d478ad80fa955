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
        for (const page of pages) {
          const folder = join(root, 'notes', page.id);
          await mkdir(folder, { recursive: true });
          await writeFile(join(folder, 'index.html'), renderSharePage(page, shell));
        }
        await rm(dataPath);
        logger.info(`${pages.length} share pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
