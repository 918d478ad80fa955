import type { APIRoute, GetStaticPaths } from 'astro';
import { annotationFileOrder, pageKey, pageResponse, textCollectionResponse, textKey } from '../../data/annotations.ts';

/**
 * The further pages of the annotation collection, /annotations/2.jsonld and on, and each text's
 * notes as a collection of their own, /annotations/<slug>.jsonld (a slug is never a number). Each
 * file's cache key changes when its annotations would, so an incremental build makes only those.
 * They are made in the order that holds the fewest annotations in memory (annotationFileOrder).
 */
export const getStaticPaths = (async () =>
  Promise.all(
    (await annotationFileOrder()).map(async (file) =>
      'page' in file ? { params: { page: String(file.page) }, cacheKey: await pageKey(file.page) } : { params: { page: file.slug }, cacheKey: await textKey(file.slug) },
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => {
  const page = params['page']!;
  return /^\d+$/.test(page) ? pageResponse(site, Number(page)) : textCollectionResponse(site, page);
};
