/**
 * Writes each text's citation files (`cite/<slug>.bib`, `.ris`, `.json`: the text, its passages
 * and its notes in BibTeX, RIS and CSL-JSON, src/lib/citation.ts) once the site is built, from
 * `cite-data/<n>.jsonl`, which a route of the site writes for this step
 * (src/pages/cite-data/[part].jsonl.ts) and which are removed afterwards.
 *
 * A text's files are written when its key (its text, notes and passages, the day they are
 * accessed) differs from the last build's or one is missing; the files of a text no longer in the
 * edition are removed, and a renamed text's are copied to its old address. The keys are kept in the
 * cache folder.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bibtex, cslJson, EDITION, ris, type Citable, type CiteLine } from '../lib/citation.ts';
import { readRecord, writeRecord } from './build-record.ts';
import { readDataFiles } from './data-files.ts';
import { renamedTexts } from '../data/ledger.ts';

/** The folder of the data files, under the site's root. */
export const CITE_DATA_DIR = 'cite-data';

/** The files this integration writes, and removes, under the site's root: the out-dir integration leaves them to it. */
export const CITE_FILE = /^cite\/[^/]+\.(bib|ris|json)$/;

/** A text's three files, by extension. */
const FORMATS = {
  bib: (items: Citable[], accessed: string) => bibtex(items, EDITION, accessed),
  ris: (items: Citable[], accessed: string) => ris(items, EDITION, accessed),
  json: (items: Citable[], accessed: string) => cslJson(items, EDITION, accessed),
} as const;

export function citeFiles(): AstroIntegration {
  let record = '';
  return {
    name: 'borderlines:cite-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        record = join(fileURLToPath(config.cacheDir), 'borderlines', 'cite-files.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const folder = join(root, 'cite');
        const last = readRecord<Record<string, string>>(record, root) ?? {};
        const now: Record<string, string> = {};
        const changed: string[] = [];
        let written = 0;
        await mkdir(folder, { recursive: true });
        const { count } = await readDataFiles<CiteLine>(root, CITE_DATA_DIR, 'src/pages/cite-data/[part].jsonl.ts', async ({ slug, key, accessed, items }) => {
          now[slug] = key;
          const files = Object.keys(FORMATS).map((extension) => join(folder, `${slug}.${extension}`));
          if (last[slug] === key && files.every((file) => existsSync(file))) return;
          await Promise.all(Object.values(FORMATS).map((format, index) => writeFile(files[index]!, format(items, accessed))));
          changed.push(slug);
          written++;
        });
        // A renamed text's files stay at its old address too, as copies (content/anchors.yaml, `redirects:`):
        // a link to `cite/<old>.bib` keeps working, and names the text's address now.
        const fresh = new Set(changed);
        for (const [old, current] of renamedTexts(Object.keys(now), { sameText: true })) {
          now[old] = now[current]!;
          for (const extension of Object.keys(FORMATS)) {
            const copy = join(folder, `${old}.${extension}`);
            if (fresh.has(current) || last[old] !== now[current] || !existsSync(copy)) await copyFile(join(folder, `${current}.${extension}`), copy);
          }
        }
        // The files of texts no longer in the edition.
        let removed = 0;
        for (const name of readdirSync(folder)) {
          if (Object.hasOwn(now, name.replace(/\.(bib|ris|json)$/, ''))) continue;
          await rm(join(folder, name), { recursive: true });
          removed++;
        }
        writeRecord(record, root, now);
        const changes = written === count && removed === 0 ? '' : `, those of ${written} written${removed > 0 ? `, ${removed} file${removed === 1 ? '' : 's'} of withdrawn texts removed` : ''}`;
        logger.info(`Citation files of ${count} texts (BibTeX, RIS, CSL-JSON)${changes} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
