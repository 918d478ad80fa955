import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getEdition } from '../data/edition.ts';
import { compiledEdition } from '../data/compiled.ts';
import { vocabularyOf } from '../lib/search-typos.ts';
import { digestOf } from '../compiler/cache.ts';

/**
 * The edition's vocabulary for the search's typo correction (src/lib/search-typos.ts): every word
 * of the texts, their notes and the glossary, and the glossary's names and aliases. Built once at
 * build time from the compiled edition (no file is read again); the search UI fetches it only when
 * a search finds little (src/client/search/typos.ts).
 *
 * `/search-vocabulary.json`, the one path of a dynamic route so that it has a cache key (a static
 * route has none): the render key of every text (which changes with its file) and the digest of
 * every glossary file. At 5,000 texts it takes 4.5 s to make, which a rebuild with no change to
 * the texts or the glossary no longer pays.
 */
export const getStaticPaths = (() => {
  const compiled = compiledEdition();
  const key = digestOf(JSON.stringify([[...compiled.renderKey], compiled.terms.map((term) => [term.id, term.digest])]));
  return [{ params: { vocabulary: 'search-vocabulary' }, cacheKey: key }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const edition = await getEdition();
  const compiled = compiledEdition();
  const glossary = await getCollection('glossary');
  const texts = [
    ...edition.articles
      .filter(({ entry }) => !entry.data.draft)
      .flatMap(({ entry, notes }) => [
        entry.data.title,
        entry.data.summary,
        ...(compiled.articleBySlug.get(entry.id)?.passages.map((passage) => passage.text) ?? []),
        ...notes.flatMap((note) => [note.bodyText, ...note.sources.map((source) => source.title)]),
      ]),
    ...glossary.flatMap((entry) => [entry.data.term, ...entry.data.aliases, ...entry.data.alsoKnownAs, entry.data.short, entry.body ?? '']),
  ];
  const names = glossary.flatMap((entry) => [entry.data.term, ...entry.data.aliases, ...entry.data.alsoKnownAs]);
  const { names: all, words } = vocabularyOf(texts, names);
  // The words as one string, not an array: no quotes and commas around each of 5,000 words.
  return new Response(JSON.stringify({ names: all, words: words.join(' ') }), { headers: { 'Content-Type': 'application/json' } });
};
