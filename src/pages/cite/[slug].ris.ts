import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_ON, CITED_EDITION, citeStaticPaths, textCitations } from '../../data/citations.ts';
import { ris } from '../../lib/citation.ts';

/** /cite/<slug>.ris: the text, each of its passages and each of its notes, in RIS. */
export const getStaticPaths = citeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const { items } = await textCitations(site, params['slug']!);
  return new Response(ris(items, CITED_EDITION, BUILT_ON), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
