import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../../data/edition.ts';
import { termPagePreviews, previewsFile } from '../../../../data/previews.ts';
import { digestOf } from '../../../../compiler/cache.ts';
import { termPageCount } from '../../../../lib/paginate.ts';

/** The previews of the links on a term's further pages, /glossary/<id>/2/ and on (src/components/Previews.astro). */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  return edition.terms.flatMap((term) => {
    const count = termPageCount(edition.mentionsByTerm.get(term.id)?.length ?? 0, edition.notesByTerm.get(term.id)?.length ?? 0);
    return Array.from({ length: count - 1 }, (_, index) => index + 2).flatMap((number) => {
      const previews = termPagePreviews(edition, term, number);
      return previews.length > 0 ? [{ params: { id: term.id, page: String(number) }, cacheKey: digestOf(previewsFile(previews)) }] : [];
    });
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  const term = edition.termById.get(params['id']!)!;
  return new Response(previewsFile(termPagePreviews(edition, term, Number(params['page']))), { headers: { 'Content-Type': 'application/json' } });
};
