import type { APIRoute } from 'astro';
import { getNotesByArticle } from '../data/notes.ts';
import { NOTE_MOTIVATIONS } from '../lib/notes.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';

/**
 * Every note of the edition as a W3C Web Annotation collection (JSON-LD). Each annotation's id is
 * the note's permalink; its target is the article page, selected both by the passage's fragment id
 * and by a TextQuoteSelector (exact, prefix, suffix) on the page's text.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const absolute = (path: string) => new URL(withBase(base, path), site).href;
  const byArticle = await getNotesByArticle();
  const items = byArticle.flatMap(({ entry, notes }) =>
    notes.map((note) => ({
      id: absolute(`${paths.article(entry.id)}#note-${note.id}`),
      type: 'Annotation',
      motivation: NOTE_MOTIVATIONS[note.kind],
      'bl:kind': note.kind,
      created: note.added,
      ...(note.updated ? { modified: note.updated } : {}),
      creator: { type: 'Organization', name: `${SITE.title} editors` },
      body: [
        { type: 'TextualBody', value: note.bodyHtml ?? note.bodyText, format: note.bodyHtml ? 'text/html' : 'text/plain', language: 'en-GB' },
        ...note.sources.map((source) => ({ id: source.url, type: 'Text', 'dc:title': source.title, ...(source.date ? { 'dc:date': source.date } : {}), purpose: 'bl:citing' })),
      ],
      target: {
        source: absolute(paths.article(entry.id)),
        selector: [
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: note.passage },
          { type: 'TextQuoteSelector', exact: note.exact, prefix: note.prefix, suffix: note.suffix },
        ],
      },
    })),
  );
  const id = absolute('annotations.jsonld');
  const collection = {
    '@context': [
      'http://www.w3.org/ns/anno.jsonld',
      {
        bl: absolute('about/#'),
        dc: 'http://purl.org/dc/terms/',
        skos: 'http://www.w3.org/2004/02/skos/core#',
      },
    ],
    id,
    type: 'AnnotationCollection',
    label: `${SITE.title}: the notes of the edition`,
    total: items.length,
    'bl:vocabulary': [
      { id: 'bl:correcting', type: 'oa:Motivation', 'skos:broader': 'oa:assessing', 'skos:prefLabel': 'correcting' },
      { id: 'bl:citing', type: 'oa:Motivation', 'skos:broader': 'oa:linking', 'skos:prefLabel': 'citing a source' },
    ],
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return new Response(JSON.stringify(collection, null, 2), { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
