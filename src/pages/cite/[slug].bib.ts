import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_ON, CITED_EDITION, citeStaticPaths, textCitations } from '../../data/citations.ts';
import { bibtex } from '../../lib/citation.ts';

/** /cite/<slug>.bib: the text, each of its passages and each of its notes, in BibTeX (biblatex @online records). */
export const getStaticPaths = citeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const { items } = await textCitations(site, params['slug']!);
  return new Response(bibtex(items, CITED_EDITION, BUILT_ON), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
