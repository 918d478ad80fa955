import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { getEdition } from '../../../data/edition.ts';
import { articlePagePreviews, articlePreviewsKey, previewsResponse } from '../../../data/previews.ts';

/**
 * The previews of an article page's links (src/components/Previews.astro). Only the key is kept
 * for every text; the file is made again when a page is written, so that the route's data does not
 * hold every text's previews for the length of the build.
 */
export const getStaticPaths = (async () => {
  const edition = await getEdition();
  const articles = await getArticles();
  return articles.flatMap((entry) => {
    const cacheKey = articlePreviewsKey(edition, entry.id);
    return cacheKey ? [{ params: { slug: entry.id }, cacheKey }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => previewsResponse(articlePagePreviews(await getEdition(), params['slug']!));
