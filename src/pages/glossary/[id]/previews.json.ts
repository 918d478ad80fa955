import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../data/edition.ts';
import { termPagePreviews, previewsFile } from '../../../data/previews.ts';
import { digestOf } from '../../../compiler/cache.ts';

/** The previews of the links on a term's first page (src/components/Previews.astro). */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.terms.flatMap((term) => {
    const previews = termPagePreviews(edition, term, 1);
    return previews.length > 0 ? [{ params: { id: term.id }, cacheKey: digestOf(previewsFile(previews)) }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  const term = edition.termById.get(params['id']!)!;
  return new Response(previewsFile(termPagePreviews(edition, term, 1)), { headers: { 'Content-Type': 'application/json' } });
};
