import { getCollection, type CollectionEntry } from 'astro:content';
import { byDate, isVisible } from '../lib/articles.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

/** The articles readers see, in date order: drafts are shown by the dev server only. */
export async function getArticles(): Promise<ArticleEntry[]> {
  const all = await getCollection('articles');
  return byDate(all.filter((entry) => isVisible(entry, import.meta.env.DEV)));
}
