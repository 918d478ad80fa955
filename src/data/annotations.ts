/**
 * The notes of the edition as W3C Web Annotations (JSON-LD). Each annotation's id is the note's
 * permalink; its target is the article page, selected three ways, each resolving to one place:
 *
 * - a FragmentSelector: the passage's paragraph (its id);
 * - a TextQuoteSelector (exact, prefix, suffix) on the page's text: the prefix and suffix are grown
 *   until the quote with them occurs once in the page's <main>, apparatus included (the notes, the
 *   cited-in boxes, the provenance, the Cite box, the claims), not only in its paragraph;
 * - a CssSelector `article-text` (the element holding the text with its notes) refined by a
 *   TextPositionSelector: start and end count Unicode code points in that element's text content
 *   (DOM `textContent`, nothing normalised), as the page is served and as its scripts leave it.
 *
 * The collection's pages hold ANNOTATIONS_PER_PAGE annotations each: the first is inside the
 * collection (`annotations.jsonld`), the others are `annotations/<n>.jsonld`; each text's notes are
 * also a collection of their own, `annotations/<slug>.jsonld`.
 */
import { sourceTitle } from '../lib/source-language.ts';
import { getArticles } from './articles.ts';
import { getEdition, type ArticleData } from './edition.ts';
import { compiledEdition } from './compiled.ts';
import { NOTE_MOTIVATIONS } from '../lib/notes.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import { planSpans, type Page, type Span } from '../lib/paginate.ts';
import { digestOf } from '../compiler/cache.ts';
import { textContent, uniqueSelectors, type Selectors } from '../lib/text-selectors.ts';

export const ANNOTATIONS_PER_PAGE = 1000;

type Absolute = (path: string) => string;

export function absoluteFor(site: URL | undefined): Absolute {
  const base = import.meta.env.BASE_URL;
  return (path) => new URL(withBase(base, path), site).href;
}

/** Every string of a value (front matter, claims), for the page's text outside the article's. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === 'object' && !(value instanceof Date)) for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/**
 * The selectors of each note of `article`, by note id: its quote made unique in the page and its
 * position in the text content of <article-text>.
 */
function selectorsOf(article: ArticleData, others: readonly string[]): Map<string, Selectors> {
  const { entry, notes } = article;
  const compiled = compiledEdition();
  const file = compiled.articleBySlug.get(entry.id)?.file ?? entry.id;
  const { text, ids } = textContent(compiled.html(entry.id), file);
  // What <main> shows besides the text: the front matter (header, provenance, the Cite box's
  // names and title), the claims, the titles and summaries of other texts (related, previous, next).
  const elsewhere = [...stringsOf(entry.data), ...stringsOf(compiled.claims.get(entry.id) ?? []), ...others];
  const result = new Map<string, Selectors>();
  for (const note of notes) {
    const where = `${file}:${note.line} (note ${note.id})`;
    const paragraph = ids.get(note.passage);
    const found = paragraph === undefined ? -1 : text.indexOf(note.prefix + note.exact + note.suffix, paragraph);
    if (found < 0) throw new Error(`${where}: the quote “${note.exact}” is not in the text of passage ${note.passage} as rendered. Fix: check the <Passage> around it.`);
    result.set(note.id, uniqueSelectors(text, found + note.prefix.length, note, elsewhere, where));
  }
  return result;
}

/** The annotation of each note of `article`. */
function annotationsOf(article: ArticleData, others: readonly string[], absolute: Absolute) {
  const { entry, notes } = article;
  const selectors = selectorsOf(article, others);
  const bodies = compiledEdition().noteBodies(entry.id);
  return notes.map((note) => {
    const { exact, prefix, suffix, start, end } = selectors.get(note.id)!;
    return {
      id: absolute(`${paths.article(entry.id)}#note-${note.id}`),
      type: 'Annotation',
      motivation: NOTE_MOTIVATIONS[note.kind],
      'bl:kind': note.kind,
      created: note.added,
      ...(note.updated ? { modified: note.updated } : {}),
      creator: { type: 'Organization', name: `${SITE.title} editors` },
      body: [
        { type: 'TextualBody', value: bodies.get(note.id) ?? note.bodyText, format: bodies.has(note.id) ? 'text/html' : 'text/plain', language: 'en-GB' },
        // A cited page in another language says so (the Web Annotation model's `language`, as the body's).
        ...note.sources.map((source) => {
          const language = sourceTitle(source.title).hreflang;
          return { id: source.url, type: 'Text', 'dc:title': source.title, ...(language ? { language } : {}), ...(source.date ? { 'dc:date': source.date } : {}), purpose: 'bl:citing' };
        }),
      ],
      target: {
        source: absolute(paths.article(entry.id)),
        selector: [
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: note.passage },
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'CssSelector', value: 'article-text', refinedBy: { type: 'TextPositionSelector', start, end } },
        ],
      },
    };
  });
}

export type WebAnnotation = ReturnType<typeof annotationsOf>[number];

/** What the annotations of one text are made from, and the key that changes when any of it does. */
interface TextSource {
  article: ArticleData;
  /** The titles and summaries of the other texts its page names. */
  others: string[];
  /** Changes when its annotations would: its page's text and apparatus, the texts its page names. */
  key: string;
}

let sources: Promise<Map<string, TextSource>> | undefined;

/**
 * Each text's sources, by slug, in the edition's order (made once per build; cheap: no text is
 * read). Its key lets Astro's incremental build reuse the text's annotation file, and the pages of
 * the collection, without computing a single selector.
 */
function textSources(): Promise<Map<string, TextSource>> {
  sources ??= Promise.all([getEdition(), getArticles()]).then(([edition, ordered]) => {
    const compiled = compiledEdition();
    // The other texts a page names (its related texts, the previous and the next one): their titles
    // and summaries are in the page too. Only those: checking every text's, per note, grew with the
    // square of the edition.
    const place = new Map(ordered.map((entry, index) => [entry.id, index]));
    const shownWith = (slug: string) => {
      const index = place.get(slug) ?? -1;
      const ids = [...edition.relatedTo(slug).map((item) => item.id), ordered[index - 1]?.id, ordered[index + 1]?.id];
      return ids.flatMap((id) => {
        const other = id === undefined ? undefined : edition.articleById.get(id)?.entry;
        return other ? [other.data.title, other.data.summary] : [];
      });
    };
    return new Map(
      edition.articles.map((article) => {
        const slug = article.entry.id;
        const others = shownWith(slug);
        const key = digestOf(JSON.stringify([compiled.renderKey.get(slug), compiled.claims.get(slug) ?? [], others]));
        return [slug, { article, others, key }];
      }),
    );
  });
  return sources;
}

/** The annotations of the text `slug`. */
async function annotationsFor(absolute: Absolute, slug: string): Promise<WebAnnotation[]> {
  const source = (await textSources()).get(slug);
  return source ? annotationsOf(source.article, source.others, absolute) : [];
}

let plans: Promise<Page<Span>[]> | undefined;

/** The pages of the collection, planned from the texts' note counts (no annotation is made). */
function pagePlans(): Promise<Page<Span>[]> {
  plans ??= textSources().then((sources) => planSpans([...sources.values()].map(({ article }) => [article.entry.id, article.notes.length] as const), ANNOTATIONS_PER_PAGE));
  return plans;
}

let lastMade: Promise<Map<string, number>> | undefined;

/** The last page of the collection that holds each text's notes (a text without notes has none). */
function lastPages(): Promise<Map<string, number>> {
  lastMade ??= pagePlans().then((plans) => {
    const pages = new Map<string, number>();
    for (const page of plans) for (const span of page.items) pages.set(span.group, page.number);
    return pages;
  });
  return lastMade;
}

/**
 * A text's annotations are needed twice: for its own file and for the page of the collection that
 * holds them. Kept from one to the other, but only that long: the files are made in that order, a
 * page right after the texts it ends (see the route), so at most a page's texts are held at once,
 * never the edition's (which at 5,000 texts is hundreds of megabytes). One that is not kept, or is
 * asked for in another order, is made again: the same result, a little later.
 */
const kept = new Map<string, WebAnnotation[]>();

/**
 * The paths of the annotation files in the order that keeps the least in memory: for each page of
 * the collection, the texts whose notes end on it, then the page (page 1 is in the collection's own
 * file, annotations.jsonld); texts without notes first.
 */
export async function annotationFileOrder(): Promise<({ page: number } | { slug: string })[]> {
  const sources = await textSources();
  const last = await lastPages();
  const plans = await pagePlans();
  const byPage = new Map<number, string[]>();
  for (const slug of sources.keys()) {
    const page = last.get(slug) ?? 0;
    const list = byPage.get(page) ?? [];
    list.push(slug);
    byPage.set(page, list);
  }
  return [0, ...plans.map((plan) => plan.number)].flatMap((number) => [...(byPage.get(number) ?? []).map((slug) => ({ slug })), ...(number >= 2 ? [{ page: number }] : [])]);
}

/** The key of page `number` of the collection: its place, and the keys of the texts on it. */
export async function pageKey(number: number): Promise<string> {
  const plan = (await pagePlans())[number - 1]!;
  const keys = await textSources();
  return digestOf(JSON.stringify([plan.number, plan.count, plan.total, plan.items.map((span) => [span.group, span.from, span.to, keys.get(span.group)?.key])]));
}

/** The key of the text `slug`'s own collection. */
export async function textKey(slug: string): Promise<string> {
  return (await textSources()).get(slug)?.key ?? '';
}

/** Page `number` of the collection, made from the annotations of only the texts on it. */
async function annotationPageOf(absolute: Absolute, number: number): Promise<Page<WebAnnotation>> {
  const { items: spans, ...plan } = (await pagePlans())[number - 1]!;
  const last = await lastPages();
  const items: WebAnnotation[] = [];
  for (const { group, from, to } of spans) {
    items.push(...(kept.get(group) ?? (await annotationsFor(absolute, group))).slice(from, to));
    if (last.get(group) === number) kept.delete(group);
  }
  return { ...plan, items };
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

/** Written without indentation, a quarter smaller: at 1,000 texts the files were 130 MB, nearly as much as the pages. */
const json = (data: unknown) => new Response(`${JSON.stringify(data)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });

const context = (absolute: Absolute) => [
  'http://www.w3.org/ns/anno.jsonld',
  {
    bl: absolute('about/#'),
    dc: 'http://purl.org/dc/terms/',
    skos: 'http://www.w3.org/2004/02/skos/core#',
  },
];

/** How the selectors are to be read, said in each collection. */
const SELECTORS_NOTE =
  'Each target has three selectors of the same words: the passage (FragmentSelector), a TextQuoteSelector whose prefix and suffix make it occur once in the page (the text of <main>, scripts excluded), and a TextPositionSelector refining the CssSelector article-text: Unicode code points in that element’s textContent, not normalised.';

/** The collection, with its first page. */
export async function collectionResponse(site: URL | undefined): Promise<Response> {
  const absolute = absoluteFor(site);
  const first = await annotationPageOf(absolute, 1);
  const id = absolute('annotations.jsonld');
  return json({
    '@context': context(absolute),
    id,
    type: 'AnnotationCollection',
    label: `${SITE.title}: the notes of the edition`,
    'bl:selectors': SELECTORS_NOTE,
    total: first.total,
    'bl:vocabulary': [
      { id: 'bl:correcting', type: 'oa:Motivation', 'skos:broader': 'oa:assessing', 'skos:prefLabel': 'correcting' },
      { id: 'bl:citing', type: 'oa:Motivation', 'skos:broader': 'oa:linking', 'skos:prefLabel': 'citing a source' },
    ],
    ...(first.count > 1 ? { last: pageId(absolute, first.count) } : {}),
    first: annotationPage(absolute, first, true),
  });
}

/** A further page of the collection. */
export async function pageResponse(site: URL | undefined, number: number): Promise<Response> {
  const absolute = absoluteFor(site);
  return json(annotationPage(absolute, await annotationPageOf(absolute, number), false));
}

/** The notes of one text: a collection of its own, with its one page. */
export async function textCollectionResponse(site: URL | undefined, slug: string): Promise<Response> {
  const absolute = absoluteFor(site);
  const edition = await getEdition();
  const items = await annotationsFor(absolute, slug);
  if (((await lastPages()).get(slug) ?? 0) >= 2) kept.set(slug, items);
  const id = absolute(`annotations/${slug}.jsonld`);
  return json({
    '@context': context(absolute),
    id,
    type: 'AnnotationCollection',
    label: `${SITE.title}: the notes on “${edition.articleById.get(slug)?.entry.data.title ?? slug}”`,
    'bl:selectors': SELECTORS_NOTE,
    partOf: absolute('annotations.jsonld'),
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  });
}
