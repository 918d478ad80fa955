import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseOf, vocabularyOf } from '../lib/search-typos.ts';

/**
 * The edition's vocabulary for the search's typo correction (src/lib/search-typos.ts): every word
 * of the texts, their notes and the glossary, and the glossary's names and aliases. Built once at
 * build time; the search UI fetches it only when a search finds little (src/client/search/typos.ts).
 */
export const GET: APIRoute = async () => {
  const articles = (await getCollection('articles')).filter((entry) => !entry.data.draft);
  const glossary = await getCollection('glossary');
  const texts = [
    ...articles.flatMap((entry) => [
      entry.data.title,
      entry.data.summary,
      proseOf(readFileSync(entry.filePath ?? join('content/articles', `${entry.id}.mdx`), 'utf8')),
    ]),
    ...glossary.flatMap((entry) => [entry.data.term, ...entry.data.aliases, ...entry.data.alsoKnownAs, entry.data.short, entry.body ?? '']),
  ];
  const names = glossary.flatMap((entry) => [entry.data.term, ...entry.data.aliases, ...entry.data.alsoKnownAs]);
  const { names: all, words } = vocabularyOf(texts, names);
  // The words as one string, not an array: no quotes and commas around each of 5,000 words.
  return new Response(JSON.stringify({ names: all, words: words.join(' ') }), { headers: { 'Content-Type': 'application/json' } });
};
