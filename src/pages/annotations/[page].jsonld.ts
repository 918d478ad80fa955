import type { APIRoute, GetStaticPaths } from 'astro';
import { annotationFileOrder, pageKey, pageResponse, textCollectionResponse, textKey } from '../../data/annotations.ts';
import { renamedTexts } from '../../data/ledger.ts';

/**
 * The further pages of the annotation collection, /annotations/2.jsonld and on, and each text's
 * notes as a collection of their own, /annotations/<slug>.jsonld (a slug is never a number). Each
 * file's cache key changes when its annotations would, so an incremental build makes only those.
 * They are made in the order that holds the fewest annotations in memory (annotationFileOrder).
 */
export const getStaticPaths = (async () => {
  const files = await annotationFileOrder();
  const made = await Promise.all(
    files.map(async (file) => ('page' in file ? { params: { page: String(file.page) }, cacheKey: await pageKey(file.page) } : { params: { page: file.slug }, cacheKey: await textKey(file.slug) })),
  );
  // A renamed text's collection stays at its old address too (content/anchors.yaml, `redirects:`), the same file.
  const texts = files.flatMap((file) => ('slug' in file ? [file.slug] : []));
  const moved = await Promise.all(renamedTexts(texts, { sameText: true }).map(async ([old, now]) => ({ params: { page: old }, props: { text: now }, cacheKey: await textKey(now) })));
  return [...made, ...moved];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params, props }) => {
  const page = params['page']!;
  return /^\d+$/.test(page) ? pageResponse(site, Number(page)) : textCollectionResponse(site, (props as { text?: string }).text ?? page);
};
