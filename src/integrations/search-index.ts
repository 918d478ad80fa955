/**
 * An Astro integration that builds the Pagefind index once the site is built (`astro:build:done`),
 * so that a build always ships a search index that matches the pages; under `npm run build` it
 * leaves the indexing to scripts/build.ts, after Astro's process (see {@link SEARCH_INDEX_LATER}).
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
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Pages in one Pagefind index at most. Pagefind holds every page it indexes in memory until it
 * writes the index (6.3 GB for 5,000 texts in one index), so a larger edition is indexed in shards,
 * one Pagefind process after another, which the search merges in the browser (`mergeIndex`).
 */
export const ONE_INDEX_PAGES = 1500;

/**
 * Pages per shard at most, once the edition is in shards. An edit indexes again the shard of each
 * page whose indexed words changed: at 5,000 texts, a shard of 1,300 pages took 16.8 s of a 61 s
 * rebuild. Smaller shards cost a first search one more chunk of each word per shard (about 8 KB);
 * up to {@link ONE_INDEX_PAGES} the edition keeps one index, which costs it none.
 */
export const SHARD_PAGES = 1000;

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

/**
 * The pages: in one index up to `whole` pages, past it in shards of nearly equal size, none larger
 * than `most`.
 */
export function shardsOf<T>(pages: T[], most = SHARD_PAGES, whole = ONE_INDEX_PAGES): T[][] {
  const count = pages.length <= whole ? 1 : Math.ceil(pages.length / most);
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

/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** A start or end tag (its attribute values may hold `>`), or a comment, where the search is. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|<!--[\s\S]*?-->/y;
const TAG_ANYWHERE = new RegExp(TAG.source, 'g');
/** An attribute's name, in a start tag's attributes (with its value, passed over). */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/**
 * What, in an element marked `data-pagefind-ignore`, Pagefind reads all the same (parser.rs, in
 * Pagefind's `fossick`): attributes of its own (filters, metadata, a sort, a body), the first
 * `<h1>` or `<title>` for the page's title, an image, and ids (anchors are counted even there); and
 * elements whose text is not markup (`<script>`, `<style>`, …), which a tag reader cannot pass over.
 */
const READ_IN_IGNORED = /\sdata-pagefind-(?!ignore\b)|<(?:h1|title|img|script|style|textarea|xmp|iframe|noembed|noframes|plaintext)[\s/>]|\sid\s*=/i;

/**
 * The page as far as its search index can tell: the page, less the contents of each element marked
 * `data-pagefind-ignore` in which Pagefind reads nothing (see {@link READ_IN_IGNORED}). Shards are
 * keyed by it, so that a change the index cannot hold (the words of another text's note in a
 * cited-in box or a preview) does not index a shard again. Whatever it cannot read for certain (a
 * tag it cannot parse, an element that does not close as it opened) it keeps whole.
 */
export function pagefindReads(html: string): string {
  const kept: string[] = [];
  let from = 0;
  let at = html.indexOf('data-pagefind-ignore');
  while (at !== -1) {
    const start = html.lastIndexOf('<', at);
    const element = start >= from ? ignoredElement(html, start, at) : undefined;
    if (!element || READ_IN_IGNORED.test(html.slice(element.contents, element.end))) {
      at = html.indexOf('data-pagefind-ignore', at + 1);
      continue;
    }
    // The element's start tag stays (its attributes are Pagefind's to read), its contents go.
    kept.push(html.slice(from, element.contents), '\0');
    from = element.end;
    at = html.indexOf('data-pagefind-ignore', from);
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/**
 * The element whose start tag begins at `start` and holds, at `at`, the attribute
 * `data-pagefind-ignore` and no other of Pagefind's: where its contents begin and where it ends
 * (after its end tag); none when the tags from there are not ones that close as they open.
 */
function ignoredElement(html: string, start: number, at: number): { contents: number; end: number } | undefined {
  TAG.lastIndex = start;
  const open = TAG.exec(html);
  if (!open || open[1] || !open[2] || TAG.lastIndex <= at) return undefined;
  const names = [...open[3]!.matchAll(ATTRIBUTE)].map((attribute) => attribute[1]!.toLowerCase());
  if (!names.includes('data-pagefind-ignore') || names.some((name) => name.startsWith('data-pagefind-') && name !== 'data-pagefind-ignore')) return undefined;
  const name = open[2].toLowerCase();
  if (VOID.has(name) || open[3]!.endsWith('/')) return undefined;
  const contents = TAG.lastIndex;
  const stack = [name];
  TAG_ANYWHERE.lastIndex = contents;
  for (let tag = TAG_ANYWHERE.exec(html); tag; tag = TAG_ANYWHERE.exec(html)) {
    if (!tag[2]) continue;
    const tagName = tag[2].toLowerCase();
    if (!tag[1]) {
      if (!VOID.has(tagName) && !tag[3]!.endsWith('/')) stack.push(tagName);
      continue;
    }
    if (stack.pop() !== tagName) return undefined;
    if (stack.length === 0) return { contents, end: TAG_ANYWHERE.lastIndex };
  }
  return undefined;
}

/** Each indexed page's digest, by its bytes, and the digest of what Pagefind reads of it ({@link pagefindReads}), as the last build found them. */
type PageDigests = Record<string, { bytes: string; reads: string }>;
const DIGESTS = 'pages.json';

function digest(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 22);
}

/**
 * What Pagefind reads of each page, as a digest: a page whose bytes are the last build's has the
 * digest it had then (reading a page for what Pagefind reads takes longer than hashing it).
 */
function readsOf(root: string, pages: string[], last: PageDigests): PageDigests {
  const digests: PageDigests = {};
  for (const page of pages) {
    const bytes = readFileSync(join(root, page));
    const byBytes = digest(bytes);
    const known = last[page];
    digests[page] = { bytes: byBytes, reads: known?.bytes === byBytes ? known.reads : digest(pagefindReads(bytes.toString('utf8'))) };
  }
  return digests;
}

/** A digest of the pages of a shard, by path and what Pagefind reads of them, and of how the index is cut. */
function shardKey(pages: string[], digests: PageDigests, number: number, count: number): string {
  const hash = createHash('sha256').update(`${INDEX_CHUNK_POSITIONS}\0${number} of ${count}\0`);
  for (const page of pages) hash.update(`${page}\0${digests[page]!.reads}\0`);
  return hash.digest('base64url').slice(0, 22);
}

function lastDigests(cache: string): PageDigests {
  try {
    return JSON.parse(readFileSync(join(cache, DIGESTS), 'utf8')) as PageDigests;
  } catch {
    return {};
  }
}

/**
 * Indexes `pages` (paths under `root`) in shards of at most `most`, each written to its
 * {@link shardPath}; returns how many shards, how many of them were reused and how many pages
 * Pagefind indexed. A shard whose pages are all as they were is copied from `cache`, where each
 * shard of this index is kept (and only those) for the next build: an edit to one text indexes
 * its shard again, not the edition. The first index's script names the others, so that the search
 * merges them without a request of its own.
 */
export async function writeSearchIndex(root: string, pages: string[], cache: string, most = SHARD_PAGES, whole = ONE_INDEX_PAGES): Promise<{ shards: number; reused: number; indexed: number }> {
  const shards = shardsOf(pages, most, whole);
  const outputs = shards.map((_, number) => shardPath(number));
  const digests = readsOf(root, pages, lastDigests(cache));
  const keys = shards.map((shard, number) => shardKey(shard, digests, number, shards.length));
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
  for (const name of existsSync(cache) ? readdirSync(cache) : []) if (!keys.includes(name) && name !== DIGESTS) rmSync(join(cache, name), { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, DIGESTS), JSON.stringify(digests));
  return { shards: outputs.length, reused, indexed };
}

/** What indexing a built site needs: its root, the cache folder and the shard sizes. */
export interface SearchIndexJob {
  root: string;
  cache: string;
  most: number;
  whole: number;
}

/** Indexes the site `job` names, and says in `log` what it did and how long it took (the bench reads the time). */
export async function runSearchIndex(job: SearchIndexJob, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const { shards, reused, indexed } = await writeSearchIndex(job.root, indexedPages(job.root), job.cache, job.most, job.whole);
  const ms = Math.round(performance.now() - started);
  if (reused === shards) log(`Search index: no indexed page changed, the last index reused in ${ms} ms`);
  else log(`Search index: ${indexed} pages${reused > 0 ? ` in ${shards - reused} of ${shards} shards (the others reused)` : shards > 1 ? ` in ${shards} shards` : ''} in ${ms} ms`);
}

/**
 * Set by scripts/build.ts (`npm run build`) to a file's path: the integration writes there what to
 * index ({@link SearchIndexJob}) and leaves the indexing to build.ts, once Astro's process has
 * ended. Astro's process still holds what it built the pages from (2.4 GB resident at 5,000
 * texts, which a collection does not give back to the system), and Pagefind beside it took the
 * build's peak to 3.8 GB; after it, the index costs Pagefind's memory alone. A plain `astro build`
 * indexes at once.
 */
export const SEARCH_INDEX_LATER = 'BORDERLINES_SEARCH_INDEX_LATER';

export function searchIndex(): AstroIntegration {
  let cache = '';
  return {
    name: 'borderlines:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'borderlines', 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        // SEARCH_SHARD_PAGES sets another shard size, from which the index is in shards (the tests index the five texts in shards).
        const shardPages = Number(process.env['SEARCH_SHARD_PAGES']);
        const job: SearchIndexJob = { root: fileURLToPath(dir), cache, most: shardPages || SHARD_PAGES, whole: shardPages || ONE_INDEX_PAGES };
        const later = process.env[SEARCH_INDEX_LATER];
        if (later) {
          writeFileSync(later, JSON.stringify(job));
          logger.info('Search index: written once Astro has ended (npm run build)');
          return;
        }
        await runSearchIndex(job, (message) => logger.info(message));
      },
    },
  };
}
