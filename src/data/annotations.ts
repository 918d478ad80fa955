/**
 * The notes of the edition as W3C Web Annotations (JSON-LD). Each annotation's id is the note's
 * permalink; its target is the article page, selected both by the passage's fragment id and by a
 * TextQuoteSelector (exact, prefix, suffix) on the page's text. The collection's pages hold
 * ANNOTATIONS_PER_PAGE annotations each: the first is inside the collection
 * (`annotations.jsonld`), the others are `annotations/<n>.jsonld`.
 */
import { getEdition } from './edition.ts';
import { NOTE_MOTIVATIONS } from '../lib/notes.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import { paginate, type Page } from '../lib/paginate.ts';

export const ANNOTATIONS_PER_PAGE = 1000;

type Absolute = (path: string) => string;

export function absoluteFor(site: URL | undefined): Absolute {
  const base = import.meta.env.BASE_URL;
  return (path) => new URL(withBase(base, path), site).href;
}

async function annotations(absolute: Absolute) {
  const edition = await getEdition();
  return edition.articles.flatMap(({ entry, notes }) =>
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
}

let cached: Promise<Page<Awaited<ReturnType<typeof annotations>>[number]>[]> | undefined;

/** The pages of the collection (made once per build). */
export function annotationPages(absolute: Absolute) {
  cached ??= annotations(absolute).then((items) => paginate(items, ANNOTATIONS_PER_PAGE));
  return cached;
}

export function pageId(absolute: Absolute, number: number): string {
  return number === 1 ? `${absolute('annotations.jsonld')}#page-1` : absolute(`annotations/${number}.jsonld`);
}

/** An AnnotationPage, with its links to the collection and its neighbours. */
export function annotationPage(absolute: Absolute, page: Page<unknown>, embedded: boolean) {
  return {
    ...(embedded ? {} : { '@context': 'http://www.w3.org/ns/anno.jsonld' }),
    id: pageId(absolute, page.number),
    type: 'AnnotationPage',
    ...(embedded ? {} : { partOf: absolute('annotations.jsonld') }),
    startIndex: page.start,
    ...(page.number > 1 ? { prev: pageId(absolute, page.number - 1) } : {}),
    ...(page.number < page.count ? { next: pageId(absolute, page.number + 1) } : {}),
    items: page.items,
  };
}

const json = (data: unknown) => new Response(JSON.stringify(data, null, 2), { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });

/** The collection, with its first page. */
export async function collectionResponse(site: URL | undefined): Promise<Response> {
  const absolute = absoluteFor(site);
  const pages = await annotationPages(absolute);
  const id = absolute('annotations.jsonld');
  return json({
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
    total: pages[0]!.total,
    'bl:vocabulary': [
      { id: 'bl:correcting', type: 'oa:Motivation', 'skos:broader': 'oa:assessing', 'skos:prefLabel': 'correcting' },
      { id: 'bl:citing', type: 'oa:Motivation', 'skos:broader': 'oa:linking', 'skos:prefLabel': 'citing a source' },
    ],
    ...(pages.length > 1 ? { last: pageId(absolute, pages.length) } : {}),
    first: annotationPage(absolute, pages[0]!, true),
  });
}

/** A further page of the collection. */
export async function pageResponse(site: URL | undefined, number: number): Promise<Response> {
  const absolute = absoluteFor(site);
  const pages = await annotationPages(absolute);
  return json(annotationPage(absolute, pages[number - 1]!, false));
}
