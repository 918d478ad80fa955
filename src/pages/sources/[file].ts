import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getArticles } from '../../data/articles.ts';
import { SOURCES_DIR } from '../../schemas/article.ts';

/** Each published article's raw source text, served verbatim as plain text. */
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return [...new Set(articles.map((entry) => entry.data.copy.source))].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const text = await readFile(join(process.cwd(), SOURCES_DIR, params.file!));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
