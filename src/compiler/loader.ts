/**
 * Astro content loaders over the compiled edition: the articles and glossary collections hold each
 * file's validated front matter, keyed by a digest that changes when the page would, so Astro's
 * content layer keeps what did not change. Article HTML is not put in the store (it is one module
 * at build time; at 5,000 articles that module alone ran builds out of memory): pages read it from
 * the compiler's cache. Glossary bodies are short and rendered by Astro's own Markdown processor.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { getCompiledEdition, type CompiledEdition } from './index.ts';
import { compileInWorkers } from './workers.ts';
import { CONTENT_HINT, problemsOf } from './problems.ts';
import { timelineProblems } from '../data/timeline.ts';

/** Editions whose warnings and figures were logged already (both collections load from one). */
const logged = new WeakSet<CompiledEdition>();

/**
 * The look for a cold compile to do in workers, once per process (later compiles are of edits),
 * awaited by both collections' loaders, which Astro may run at once.
 */
let warming: Promise<void> | undefined;

async function compile(context: LoaderContext, recheck = false): Promise<CompiledEdition> {
  const options = { root: fileURLToPath(context.config.root), base: context.config.base, ...(context.config.site ? { site: context.config.site } : {}), cacheDir: fileURLToPath(new URL('borderlines/', context.config.cacheDir)) };
  // The timeline's events name notes and passages: reported with the compile's own problems, in one list.
  const checked = { ...options, alsoCheck: timelineProblems };
  warming ??= compileInWorkers(options).then((report) => {
    if (report) context.logger.info(`${report.files} files new to the cache: compiled in ${report.workers} processes at a time, ${report.processes} in all (${report.ms} ms)`);
    for (const failure of report?.failures ?? []) context.logger.warn(`A compile worker stopped (${failure}); the build compiles its share itself.`);
  });
  await warming;
  const edition = getCompiledEdition(checked, { recheck });
  if (logged.has(edition)) return edition;
  logged.add(edition);
  for (const warning of edition.warnings) context.logger.warn(warning);
  context.logger.info(`${edition.stats.files} files: ${edition.stats.parsed} parsed, ${edition.stats.rendered} articles rendered, ${edition.stats.reused} reused (${edition.stats.ms} ms)`);
  return edition;
}

/**
 * The files whose change can change a compiled edition (the signature of src/compiler/index.ts):
 * the articles, glossary entries, import rules and claims inventories, and the YAML files of
 * content/ (corrections, claims across texts, the anchor ledger).
 */
const EDITION_FILE = /[\\/]content[\\/](?:(?:articles|glossary)[\\/][^\\/]+\.mdx?|(?:import-rules|claims)[\\/][^\\/]+|[^\\/]+\.ya?ml)$/;

/** The message of the content error logged last (both collections' loaders compile the edition, at once). */
let reported: string | undefined;

/** Logs a content error once, however many loaders meet it; other errors as they are. */
function reportError(context: LoaderContext, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (problemsOf(error) === undefined) {
    context.logger.error(message);
    return;
  }
  if (message === reported) return;
  reported = message;
  context.logger.error(`${message}\n  ${CONTENT_HINT} The dev server keeps running; saving the fix reloads the content.`);
}

/** Re-runs `load` when a file the edition is compiled from changes (dev server). */
function watch(context: LoaderContext, load: (recheck: boolean) => Promise<void>): void {
  const watcher = context.watcher;
  if (!watcher) return;
  const root = fileURLToPath(context.config.root);
  watcher.add([`${root}content`]);
  watcher.on('all', (_event, path) => {
    if (!EDITION_FILE.test(path)) return;
    load(true).catch((error: unknown) => reportError(context, error));
  });
}

/** Removes the entries of ids no longer in the edition. */
function keepOnly(context: LoaderContext, ids: ReadonlySet<string>): void {
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
}

/**
 * A loader that compiles the edition (again when a content file changes under the dev server) and
 * syncs its collection from it with `sync`.
 */
function editionLoader(name: string, sync: (context: LoaderContext, edition: CompiledEdition) => Promise<void>): Loader {
  return {
    name,
    async load(context) {
      const load = async (recheck = false) => {
        await sync(context, await compile(context, recheck));
        reported = undefined;
      };
      if (!context.watcher) return load();
      // Under the dev server, a content error at start is reported and the server stays up, as it
      // does for an error in a later edit: the pages show it (they compile the edition when asked),
      // and saving the fix, in whichever file of content/ it is, loads the collection again. A
      // build stops on it, above.
      try {
        await load();
      } catch (error) {
        if (problemsOf(error) === undefined) throw error;
        reportError(context, error);
      }
      watch(context, load);
    },
  };
}

/** The articles collection: front matter of each `content/articles/*.mdx`. */
export function articlesLoader(): Loader {
  return editionLoader('borderlines-articles', async (context, edition) => {
    keepOnly(context, new Set(edition.articleBySlug.keys()));
    for (const facts of edition.articles) {
      const digest = edition.renderKey.get(facts.slug)!;
      if (context.store.get(facts.slug)?.digest === digest) continue;
      const data = await context.parseData({ id: facts.slug, data: facts.frontmatter, filePath: facts.file });
      context.store.set({ id: facts.slug, data, digest, filePath: facts.file });
    }
  });
}

/** The glossary collection: each `content/glossary/*.md`, its body rendered by Astro's processor. */
export function glossaryLoader(): Loader {
  return editionLoader('borderlines-glossary', async (context, edition) => {
    keepOnly(context, new Set(edition.terms.map((term) => term.id)));
    for (const term of edition.terms) {
      if (context.store.get(term.id)?.digest === term.digest) continue;
      const body = term.source.replace(/^---\n[\s\S]*?\n---\n?/, '');
      const data = await context.parseData({ id: term.id, data: term.frontmatter, filePath: term.file });
      const rendered = await context.renderMarkdown(body, { fileURL: new URL(term.file, context.config.root) });
      context.store.set({ id: term.id, data, digest: term.digest, filePath: term.file, body, rendered });
    }
  });
}
