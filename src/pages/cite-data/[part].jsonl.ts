import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_ON, citeParts, textCitations, type CiteLine } from '../../data/citations.ts';

/**
 * What each text's citation files (`cite/<slug>.bib`, `.ris`, `.json`) are made from, for the
 * cite-files integration, which writes them after the build and deletes these files: one text
 * per line, CITE_TEXTS_PER_PART texts to a file. Three routes per text cost Astro about 2 ms each
 * beyond our code (35 s of the 5,000-text build for 15,000 files); a file of 50 texts is one.
 * A file's key changes when one of its texts' would, so an incremental build makes only those.
 */
export const getStaticPaths = (async () => (await citeParts()).map((part, index) => ({ params: { part: String(index + 1) }, cacheKey: part.key }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const part = (await citeParts())[Number(params['part']) - 1]!;
  const lines: string[] = [];
  for (const [index, slug] of part.slugs.entries()) {
    const line: CiteLine = { slug, key: part.keys[index]!, accessed: BUILT_ON, items: (await textCitations(site, slug)).items };
    lines.push(JSON.stringify(line));
  }
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'application/jsonl' } });
};
