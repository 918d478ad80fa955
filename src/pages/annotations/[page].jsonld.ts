import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../data/edition.ts';
import { pageCount, pageKey, pageResponse, textCollectionResponse, textKey } from '../../data/annotations.ts';

/**
 * The further pages of the annotation collection, /annotations/2.jsonld and on, and each text's
 * notes as a collection of their own, /annotations/<slug>.jsonld (a slug is never a number). Each
 * file's cache key changes when its annotations would, so an incremental build makes only those.
 */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  const count = await pageCount();
  const numbers = Array.from({ length: count - 1 }, (_, index) => index + 2);
  return [
    ...(await Promise.all(numbers.map(async (number) => ({ params: { page: String(number) }, cacheKey: await pageKey(number) })))),
    ...(await Promise.all(edition.articles.map(async ({ entry }) => ({ params: { page: entry.id }, cacheKey: await textKey(entry.id) })))),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => {
  const page = params['page']!;
  return /^\d+$/.test(page) ? pageResponse(site, Number(page)) : textCollectionResponse(site, page);
};
