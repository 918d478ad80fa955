/**
 * Preview contents for the links of a page, from the edition's data.
 */
import { compiledEdition } from './compiled.ts';
import { clip, type Preview } from '../lib/previews.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { TERM_CATEGORY_LABELS } from '../schemas/glossary.ts';
import { formatDateRange } from '../lib/dates.ts';
import { paths, withBase } from '../lib/urls.ts';
import { attributedTitle } from '../lib/attribution.ts';
import type { Edition } from './edition.ts';

const base = () => import.meta.env.BASE_URL;

export function termPreview(edition: Edition, id: string): Preview | undefined {
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
  const article = edition.articleById.get(slug)?.entry;
  if (!article) return undefined;
  return {
    href: withBase(base(), paths.article(slug)),
    kind: 'article',
    title: attributedTitle(article.data.title, article.data.outlets),
    label: formatDateRange(article.data.dates),
    text: clip(article.data.summary),
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
    text: clip(line),
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
    text: clip(note.bodyText),
    action: 'Go to the note',
  };
}
