import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../data/edition.ts';
import { ANNOTATIONS_PER_PAGE, pageResponse, textCollectionResponse } from '../../data/annotations.ts';

/**
 * The further pages of the annotation collection, /annotations/2.jsonld and on, and each text's
 * notes as a collection of their own, /annotations/<slug>.jsonld (a slug is never a number).
 */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  const total = edition.articles.reduce((sum, { notes }) => sum + notes.length, 0);
  const count = Math.max(1, Math.ceil(total / ANNOTATIONS_PER_PAGE));
  return [
    ...Array.from({ length: count - 1 }, (_, index) => ({ params: { page: String(index + 2) } })),
    ...edition.articles.map(({ entry }) => ({ params: { page: entry.id } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => {
  const page = params['page']!;
  return /^\d+$/.test(page) ? pageResponse(site, Number(page)) : textCollectionResponse(site, page);
};
