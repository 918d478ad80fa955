/**
 * Preview contents for the links of a page, from the edition's data.
 */
import { compiledEdition } from './compiled.ts';
import { PREVIEW_TEXT, type Preview } from '../lib/previews.ts';
import { shorten } from '../lib/shorten.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { TERM_CATEGORY_LABELS } from '../schemas/glossary.ts';
import { formatDateRange } from '../lib/dates.ts';
import { paths, withBase } from '../lib/urls.ts';
import { attributedTitle } from '../lib/attribution.ts';
import type { Edition, TermEntry } from './edition.ts';
import { citationsOf } from '../lib/corpus.ts';
import { pageOf, termLists } from './term-page.ts';
import { digestOf } from '../compiler/cache.ts';

const base = () => import.meta.env.BASE_URL;

/**
 * The preview of each text and each term, made once per edition: a text's preview is in the
 * previews file of every term page that lists it and of every text related to it (at 5,000 texts,
 * hundreds of thousands of times). The previews are shared, and nothing changes them. A note's or
 * a passage's preview is made when asked: there are twenty times as many, each asked for by a few
 * pages, and held for the whole build they would weigh on its peak memory.
 */
const once = perEdition<Preview | undefined>();

/** A store of values worked out once per edition (a build has one), by name. */
function perEdition<T>(): (edition: Edition, name: string, make: () => T) => T {
  const stores = new WeakMap<Edition, Map<string, T>>();
  return (edition, name, make) => {
    let store = stores.get(edition);
    if (!store) stores.set(edition, (store = new Map()));
    if (!store.has(name)) store.set(name, make());
    return store.get(name) as T;
  };
}

export function termPreview(edition: Edition, id: string): Preview | undefined {
  return once(edition, `term:${id}`, () => makeTermPreview(edition, id));
}

function makeTermPreview(edition: Edition, id: string): Preview | undefined {
  const term = edition.termById.get(id);
  if (!term) return undefined;
  return {
    href: withBase(base(), paths.term(id)),
    kind: 'term',
    title: term.data.term,
    label: TERM_CATEGORY_LABELS[term.data.category],
    text: term.data.short,
    action: 'Read the glossary entry',
  };
}

export function articlePreview(edition: Edition, slug: string): Preview | undefined {
  return once(edition, `article:${slug}`, () => makeArticlePreview(edition, slug));
}

function makeArticlePreview(edition: Edition, slug: string): Preview | undefined {
  const article = edition.articleById.get(slug)?.entry;
  if (!article) return undefined;
  return {
    href: withBase(base(), paths.article(slug)),
    kind: 'article',
    title: attributedTitle(article.data.title, article.data.outlets),
    label: formatDateRange(article.data.dates),
    text: shorten(article.data.summary, PREVIEW_TEXT),
    action: 'Read the text',
  };
}

/** A passage `slug#id`; its words are the passage's plain text, as the compiler read it. */
export function passagePreview(edition: Edition, target: string): Preview | undefined {
  const [slug = '', id = ''] = target.split('#');
  const article = edition.articleById.get(slug)?.entry;
  const line = compiledEdition().corpus.articles.get(slug)?.passages.get(id);
  if (!article || line === undefined) return undefined;
  return {
    href: withBase(base(), `${paths.article(slug)}#${id}`),
    kind: 'passage',
    title: attributedTitle(article.data.title, article.data.outlets),
    label: formatDateRange(article.data.dates),
    text: shorten(line, PREVIEW_TEXT),
    action: 'Go to the passage',
  };
}

export function notePreview(edition: Edition, id: string): Preview | undefined {
  const found = edition.noteById.get(id);
  if (!found) return undefined;
  const { article, note } = found;
  return {
    href: withBase(base(), `${paths.article(article.id)}#note-${id}`),
    kind: 'note',
    title: `Note ${note.number}: ${NOTE_KIND_LABELS[note.kind]}`,
    label: attributedTitle(article.data.title, article.data.outlets),
    text: shorten(note.bodyText, PREVIEW_TEXT),
    action: 'Go to the note',
  };
}

/**
 * The previews of an article page's links, in the order the page has them: the glossary terms
 * linked in the text, the links in its notes, the notes elsewhere that cite it, its related texts.
 * Each href once.
 */
export function articlePagePreviews(edition: Edition, slug: string): Preview[] {
  const data = edition.articleById.get(slug);
  if (!data) return [];
  const previews = [...new Set(data.mentions.filter((m) => m.linked).map((m) => m.term))].flatMap((id) => termPreview(edition, id) ?? []);
  for (const note of data.notes) {
    for (const link of note.links) {
      const preview =
        link.kind === 'term' ? termPreview(edition, link.target)
        : link.kind === 'note' ? notePreview(edition, link.target)
        : link.kind === 'article' ? articlePreview(edition, link.target)
        : passagePreview(edition, link.target);
      if (preview) previews.push(preview);
    }
  }
  for (const citation of citationsOf(compiledEdition().corpus, slug)) {
    const preview = notePreview(edition, citation.note);
    if (preview) previews.push(preview);
  }
  for (const item of edition.relatedTo(slug)) {
    const preview = articlePreview(edition, item.id);
    if (preview) previews.push(preview);
  }
  return unique(previews);
}

/**
 * The previews of page `number` of a term's page: its related terms (on the first page only) and
 * the texts its slice of the places lists (as TermPage cuts them).
 */
export function termPagePreviews(edition: Edition, term: TermEntry, number: number): Preview[] {
  const groups = pageOf(termLists(edition, term.id).places, number).items;
  return unique([
    ...(number === 1 ? term.data.related.flatMap((id) => termPreview(edition, id) ?? []) : []),
    ...groups.flatMap(({ article }) => articlePreview(edition, article.id) ?? []),
  ]);
}

function unique(previews: Preview[]): Preview[] {
  return [...new Map(previews.map((preview) => [preview.href, preview])).values()];
}

/**
 * The previews file of a page (`<page's address>previews.json`), which <link-previews> fetches when a
 * reader first points at, focuses or taps a link: an array of [href, kind, title, label, text,
 * action], so that the page itself carries none of it.
 */
export function previewsFile(previews: Preview[]): string {
  return JSON.stringify(previews.map(({ href, kind, title, label, text, action }) => [href, kind, title, label, text, action]));
}

/** The previews file as a route's response. */
export function previewsResponse(previews: Preview[]): Response {
  return new Response(previewsFile(previews), { headers: { 'Content-Type': 'application/json' } });
}

/** Keys of the previews files already worked out in this build, by edition and page. */
const keys = perEdition<string>();

/**
 * The cache key of a page's previews file (a digest of the file), or '' when the page has no
 * previews: the page asks whether it has any, and its previews route for the key, so both take it
 * from here and the previews are worked out once for both. Only the key is kept, not the previews.
 */
function previewsKey(edition: Edition, page: string, previews: () => Preview[]): string {
  return keys(edition, page, () => {
    const found = previews();
    return found.length > 0 ? digestOf(previewsFile(found)) : '';
  });
}

/** The key of an article page's previews file ('' when it has none). */
export function articlePreviewsKey(edition: Edition, slug: string): string {
  return previewsKey(edition, `article:${slug}`, () => articlePagePreviews(edition, slug));
}

/** The key of the previews file of page `number` of a term's page ('' when it has none). */
export function termPreviewsKey(edition: Edition, term: TermEntry, number: number): string {
  return previewsKey(edition, `term:${term.id}:${number}`, () => termPagePreviews(edition, term, number));
}
