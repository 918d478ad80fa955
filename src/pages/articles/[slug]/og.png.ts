import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../data/articles.ts';
import { articleCard } from '../../../data/share.ts';
import { renderShareImage, shareImagesEnabled } from '../../../lib/og-image.ts';

export const getStaticPaths = (async () => {
  if (!shareImagesEnabled()) return [];
  const articles = await getArticles();
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

/** The share image of an article: its title, outlet, date and summary, 1200 × 630. */
export const GET: APIRoute = async ({ props }) => {
  const png = await renderShareImage(articleCard(props.entry));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
