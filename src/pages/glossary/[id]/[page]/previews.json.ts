import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../../data/edition.ts';
import { previewsResponse, termPagePreviews, termPreviewsKey } from '../../../../data/previews.ts';
import { termLists } from '../../../../data/term-page.ts';

/** The previews of the links on a term's further pages, /glossary/<id>/2/ and on (src/components/Previews.astro). */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.terms.flatMap((term) => {
    const { count } = termLists(edition, term.id);
    return Array.from({ length: count - 1 }, (_, index) => index + 2).flatMap((number) => {
      const cacheKey = termPreviewsKey(edition, term, number);
      return cacheKey ? [{ params: { id: term.id, page: String(number) }, cacheKey }] : [];
    });
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  return previewsResponse(termPagePreviews(edition, edition.termById.get(params['id']!)!, Number(params['page'])));
};
