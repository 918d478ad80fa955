/**
 * Share cards for notes and articles, from the edition's data: what their images show and what
 * their link previews say.
 */
import { NOTE_KIND_COLORS, NOTE_KIND_LABELS } from '../lib/notes.ts';
import { formatDateRange } from '../lib/dates.ts';
import { shareImagesEnabled, shorten, type ShareCard } from '../lib/og-image.ts';
import { withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import type { TermNote } from './edition.ts';
import type { ArticleEntry } from './articles.ts';

export function noteCard({ article, note }: TermNote): ShareCard {
  const outlets = article.data.outlets.map((o) => o.name).join(', ');
  return {
    label: `${SITE.title} · Note ${note.number} · ${NOTE_KIND_LABELS[note.kind]}`,
    headline: note.exact,
    quote: true,
    body: note.bodyText,
    footer: `${article.data.title} · ${outlets}`,
    date: formatDateRange(article.data.dates),
    accent: NOTE_KIND_COLORS[note.kind],
  };
}

export function articleCard(article: ArticleEntry): ShareCard {
  return {
    label: `${SITE.title} · ${article.data.form ?? 'Text'}`,
    headline: article.data.title,
    quote: false,
    body: article.data.summary,
    footer: `${article.data.outlets.map((o) => o.name).join(', ')} · an annotated edition`,
    date: formatDateRange(article.data.dates),
  };
}

/** The description of a note's link preview: the note, then where its passage is. */
export function noteDescription({ article, note }: TermNote): string {
  return `${NOTE_KIND_LABELS[note.kind]}: ${shorten(note.bodyText, 200)} — On a passage of “${article.data.title}” (${article.data.outlets.map((o) => o.name).join(', ')}, ${formatDateRange(article.data.dates)}).`;
}

/**
 * The absolute address of a page's share image (`path` from the site's root), or of the edition's
 * own image when the build does not render share images (OG_IMAGES=0).
 */
export function shareImageUrl(site: URL | undefined, base: string, path: string): string {
  return new URL(withBase(base, shareImagesEnabled() ? path : 'og.png'), site).href;
}
