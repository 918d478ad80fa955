/**
 * Writes the share page of every note (`notes/<id>/index.html`, see src/lib/share-page.ts) once
 * the site is built, from `share-pages/<n>.jsonl`, which a route of the site writes for this step
 * (one page per line, src/pages/share-pages/[part].jsonl.ts) and which are removed afterwards. They
 * are read a chunk at a time (src/integrations/data-files.ts), so that the pages are never all in
 * memory at once. The pages take their head (policy, stylesheet, icon) from the built 404 page, so
 * they look and are protected like the rest of the site.
 *
 * The output is kept between builds (src/integrations/out-dir.ts), so a page is written only when
 * its words differ from the last build's (a digest of each page is kept in the cache folder), and
 * the share page of a note no longer in the edition is removed. At 1,000 texts that is 20,346
 * pages, 190 MB, written once instead of at every build.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readShell, renderSharePage, type SharePage } from '../lib/share-page.ts';
import { readRecord, writeRecord } from './build-record.ts';
import { readDataFiles } from './data-files.ts';

/** The folder of the data files, under the site's root. */
export const SHARE_DATA_DIR = 'share-pages';

/** The files this integration writes, and removes, under the site's root: the out-dir integration leaves them to it. */
export const SHARE_PAGE_FILE = /^notes\/[^/]+\/index\.html$/;

/** Share pages written at a time. */
const WRITE_BATCH = 64;

const digestOf = (html: string) => createHash('sha256').update(html).digest('base64url').slice(0, 22);

/** What the integration keeps for the next build: each page's digest, and each data file's digest and pages. */
interface ShareRecord {
  /** The digest of the shell the pages were made in (its stylesheet and policy change with the site's). */
  shell: string;
  pages: Record<string, string>;
  parts: Record<string, { digest: string; ids: string[] }>;
}

export function sharePages(): AstroIntegration {
  let record = '';
  return {
    name: 'borderlines:share-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        record = join(fileURLToPath(config.cacheDir), 'borderlines', 'share-pages.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const shell = readShell(await readFile(join(root, '404.html'), 'utf8'));
        const shellDigest = digestOf(JSON.stringify(shell));
        // What each page was at the last build (a page is written if it differs or is missing), and
        // what each data file was and held (one unchanged since, its pages all there, is not read).
        const last = readRecord<Partial<ShareRecord>>(record, root);
        const lastPages = new Map<string, string>(Object.entries(last?.pages ?? {}));
        const lastParts = last?.parts ?? {};
        const now = new Map<string, string>();
        const parts: ShareRecord['parts'] = {};
        let written = 0;
        // A few dozen files at a time: one at a time leaves the disk idle between writes, all at
        // once (102,134 at 5,000 articles) runs out of file handles.
        let batch: SharePage[] = [];
        const writeBatch = () =>
          Promise.all(
            batch.map(async (page) => {
              const html = renderSharePage(page, shell);
              const digest = digestOf(html);
              now.set(page.id, digest);
              const file = join(root, 'notes', page.id, 'index.html');
              if (lastPages.get(page.id) === digest && existsSync(file)) return;
              await mkdir(dirname(file), { recursive: true });
              await writeFile(file, html);
              written++;
            }),
          );
        // The data file being read: its pages' ids are recorded with its digest.
        let reading: ShareRecord['parts'][string] = { digest: '', ids: [] };
        const skip = (name: string, digest: string) => {
          const before = lastParts[name];
          if (last?.shell === shellDigest && before?.digest === digest && before.ids.every((id) => lastPages.has(id) && existsSync(join(root, 'notes', id, 'index.html')))) {
            for (const id of before.ids) now.set(id, lastPages.get(id)!);
            parts[name] = before;
            return true;
          }
          reading = parts[name] = { digest, ids: [] };
          return false;
        };
        const { files } = await readDataFiles<SharePage>(
          root,
          SHARE_DATA_DIR,
          'src/pages/share-pages/[part].jsonl.ts',
          async (page) => {
            reading.ids.push(page.id);
            batch.push(page);
            if (batch.length === WRITE_BATCH) {
              await writeBatch();
              batch = [];
            }
          },
          skip,
        );
        await writeBatch();
        // The share pages of notes no longer in the edition (their folder goes if nothing else is in it).
        let removed = 0;
        for (const id of existsSync(join(root, 'notes')) ? readdirSync(join(root, 'notes')) : []) {
          if (now.has(id) || !existsSync(join(root, 'notes', id, 'index.html'))) continue;
          await rm(join(root, 'notes', id, 'index.html'));
          if (readdirSync(join(root, 'notes', id)).length === 0) await rm(join(root, 'notes', id), { recursive: true });
          removed++;
        }
        writeRecord(record, root, { shell: shellDigest, pages: Object.fromEntries(now), parts } satisfies ShareRecord);
        const total = now.size;
        const skipped = files.filter((file) => file.skipped).length;
        const reused = skipped === 0 ? '' : ` (${skipped} of ${files.length} data files unchanged, their pages not made again)`;
        const changes = written === total ? '' : `, ${written} written${removed > 0 ? `, ${removed} removed` : ''}`;
        logger.info(`${total} share pages${changes}${reused} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
