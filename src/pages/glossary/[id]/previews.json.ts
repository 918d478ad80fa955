import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../data/edition.ts';
import { previewsResponse, termPagePreviews, termPreviewsKey } from '../../../data/previews.ts';

/** The previews of the links on a term's first page (src/components/Previews.astro). */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.terms.flatMap((term) => {
    const cacheKey = termPreviewsKey(edition, term, 1);
    return cacheKey ? [{ params: { id: term.id }, cacheKey }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  return previewsResponse(termPagePreviews(edition, edition.termById.get(params['id']!)!, 1));
};
