import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../data/edition.ts';
import { ANNOTATIONS_PER_PAGE, pageResponse } from '../../data/annotations.ts';

/** The further pages of the annotation collection: /annotations/2.jsonld and on. */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  const total = edition.articles.reduce((sum, { notes }) => sum + notes.length, 0);
  const count = Math.max(1, Math.ceil(total / ANNOTATIONS_PER_PAGE));
  return Array.from({ length: count - 1 }, (_, index) => ({ params: { page: String(index + 2) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => pageResponse(site, Number(params['page']));
