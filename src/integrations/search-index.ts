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
 * A large edition is indexed in shards (see {@link SHARD_PAGES}), which bounds Pagefind's memory.
 *
 * Pagefind has no incremental indexing: any change to an indexed page means indexing again the
 * index, or the shard, that holds it. A shard none of whose pages changed (the digest of their HTML
 * is the last build's) is copied from the cache folder instead.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * The pages Pagefind reads: those with something to find, each text's, term's and claim's page
 * and each page of the timeline that lists events, a year or a month (`<dir>/<id>/index.html`).
 * Lists, redirects and a term's further pages of mentions (which quote the texts, and at 5,000
 * texts were 2,400 pages and 390 MB read for nothing) are left out; a list that is there
 * (`claims/texts/`) has no `data-pagefind-body`, and Pagefind passes over it.
 */
const INDEXED = ['articles', 'glossary', 'claims', 'timeline'];
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

/**
 * Pages per Pagefind index. Pagefind holds every page it indexes in memory until it writes the
 * index (6.3 GB for 5,000 texts in one index), so a larger edition is indexed in shards of at most
 * this many pages, one Pagefind process after another, which the search merges in the browser
 * (`mergeIndex`). An edition of up to this many pages has one index, as before.
 */
export const SHARD_PAGES = 1500;

/**
 * How many word positions Pagefind puts in one chunk of its index (its default: 20,000). A search
 * loads the chunk of each word it looks up, and the index's entry file lists the chunks, so smaller
 * chunks trade a larger entry file for less of the index per word. Measured with 15 queries of the
 * ranking table's kind (names, treaties, places, a figure), nothing cached: the bytes of a first
 * search fell from 131.9 KB to 104.0 KB on average for the five texts and from 171.1 KB to
 * 149.3 KB at 1,000 texts; 8,000 gave 108.6 and 153.6 KB. Pagefind reads the size from
 * `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (its option since 1.5, not yet in its documented settings).
 */
export const INDEX_CHUNK_POSITIONS = 5000;

/** The pages, in shards of nearly equal size, none larger than {@link SHARD_PAGES}. */
export function shardsOf<T>(pages: T[], most = SHARD_PAGES): T[][] {
  const count = Math.max(1, Math.ceil(pages.length / most));
  const size = Math.ceil(pages.length / count);
  return Array.from({ length: count }, (_, number) => pages.slice(number * size, (number + 1) * size));
}

/** What this integration writes under the site's root, and replaces whole at every build: the out-dir integration leaves it to it. */
export const SEARCH_INDEX_FILES = /^pagefind\//;

/** Where shard `number` (from 0) is written, under the site's root: `pagefind`, then `pagefind/shard-2`, … */
export function shardPath(number: number): string {
  return number === 0 ? 'pagefind' : `pagefind/shard-${number + 1}`;
}

/**
 * Indexes `pages` (paths under `root`) into `output`; returns how many Pagefind indexed. Pagefind
 * reads a folder: the pages are hard-linked into one of their own (no copy), removed afterwards.
 */
async function indexShard(root: string, pages: string[], output: string): Promise<number> {
  const folder = join(root, '.pagefind-shard');
  rmSync(folder, { recursive: true, force: true });
  for (const page of pages) {
    mkdirSync(dirname(join(folder, page)), { recursive: true });
    linkSync(join(root, page), join(folder, page));
  }
  // Read by the Pagefind process, started by createIndex (and closed below, so each shard starts one).
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(INDEX_CHUNK_POSITIONS);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  // Pagefind runs as a child process: closed whatever happens, or a failed build hangs on it.
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: folder, glob: GLOB });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A digest of the pages of a shard, by path and content, and of how the index is cut. */
function shardKey(root: string, pages: string[], number: number, count: number): string {
  const hash = createHash('sha256').update(`${INDEX_CHUNK_POSITIONS}\0${number} of ${count}\0`);
  for (const file of pages) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('base64url').slice(0, 22);
}

/**
 * Indexes `pages` (paths under `root`) in shards of at most `most`, each written to its
 * {@link shardPath}; returns how many shards, how many of them were reused and how many pages
 * Pagefind indexed. A shard whose pages are all as they were is copied from `cache`, where each
 * shard of this index is kept (and only those) for the next build: an edit to one text indexes
 * its shard again, not the edition. The first index's script names the others, so that the search
 * merges them without a request of its own.
 */
export async function writeSearchIndex(root: string, pages: string[], cache: string, most = SHARD_PAGES): Promise<{ shards: number; reused: number; indexed: number }> {
  const shards = shardsOf(pages, most);
  const outputs = shards.map((_, number) => shardPath(number));
  const keys = shards.map((shard, number) => shardKey(root, shard, number, shards.length));
  rmSync(join(root, 'pagefind'), { recursive: true, force: true });
  let indexed = 0;
  let reused = 0;
  for (const [number, shard] of shards.entries()) {
    const output = join(root, outputs[number]!);
    const cached = join(cache, keys[number]!);
    if (existsSync(join(cached, 'pagefind-entry.json'))) {
      cpSync(cached, output, { recursive: true });
      reused++;
      continue;
    }
    indexed += await indexShard(root, shard, output);
    // Kept as written: the first shard before the others are written inside its folder, and
    // before its script names them.
    rmSync(cached, { recursive: true, force: true });
    cpSync(output, cached, { recursive: true });
  }
  if (outputs.length > 1) appendFileSync(join(root, outputs[0]!, 'pagefind.js'), `\nexport const borderlinesShards = ${JSON.stringify(outputs.slice(1).map((path) => `${path}/`))};\n`);
  for (const name of existsSync(cache) ? readdirSync(cache) : []) if (!keys.includes(name)) rmSync(join(cache, name), { recursive: true, force: true });
  return { shards: outputs.length, reused, indexed };
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
        const started = performance.now();
        // SEARCH_SHARD_PAGES sets another shard size (the tests index the five texts in shards).
        const { shards, reused, indexed } = await writeSearchIndex(root, indexedPages(root), cache, Number(process.env['SEARCH_SHARD_PAGES']) || SHARD_PAGES);
        const ms = Math.round(performance.now() - started);
        if (reused === shards) logger.info(`Search index: no indexed page changed, the last index reused in ${ms} ms`);
        else logger.info(`Search index: ${indexed} pages${reused > 0 ? ` in ${shards - reused} of ${shards} shards (the others reused)` : shards > 1 ? ` in ${shards} shards` : ''} in ${ms} ms`);
      },
    },
  };
}
