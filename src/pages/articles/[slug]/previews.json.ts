import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { getEdition } from '../../../data/edition.ts';
import { articlePagePreviews, previewsFile } from '../../../data/previews.ts';
import { digestOf } from '../../../compiler/cache.ts';

/**
 * The previews of an article page's links (src/components/Previews.astro). Only the key is kept
 * for every text; the file is made again when a page is written, so that the route's data does not
 * hold every text's previews for the length of the build.
 */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  const articles = await getArticles();
  return articles.flatMap((entry) => {
    const previews = articlePagePreviews(edition, entry.id);
    return previews.length > 0 ? [{ params: { slug: entry.id }, cacheKey: digestOf(previewsFile(previews)) }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  return new Response(previewsFile(articlePagePreviews(edition, params['slug']!)), { headers: { 'Content-Type': 'application/json' } });
};
