import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_ON, CITED_EDITION, citeStaticPaths, textCitations } from '../../data/citations.ts';
import { cslJson } from '../../lib/citation.ts';

/** /cite/<slug>.json: the text, each of its passages and each of its notes, in CSL-JSON. */
export const getStaticPaths = citeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const { items } = await textCitations(site, params['slug']!);
  return new Response(cslJson(items, CITED_EDITION, BUILT_ON), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
