/**
 * Share cards for notes and articles, from the edition's data: what their images show and what
 * their link previews say. A source's words are always quoted and attributed to its outlet
 * (src/lib/attribution.ts); a fact-check or a correction leads with the edition's finding.
 */
import { NOTE_KIND_COLORS, NOTE_KIND_LABELS } from '../lib/notes.ts';
import { formatDateRange } from '../lib/dates.ts';
import { shareImagesEnabled, type ShareCard } from '../lib/og-image.ts';
import { shorten } from '../lib/shorten.ts';
import { attributedQuote, attributedTitle, attributionOf, findingOf, headlineOutlets, leadsWithFinding, type OutletLike } from '../lib/attribution.ts';
import { pieceOf } from '../lib/claims.ts';
import { compiledEdition } from './compiled.ts';
import { withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import type { TermNote } from './edition.ts';
import type { ArticleEntry } from './articles.ts';

/**
 * Whose words a note's passage is: in a compilation (a text with `sections`), the outlet of the
 * piece it is in (a forum thread quoting TASS: TASS, not the forum and five others), or the
 * compilation's own outlet outside any piece; in any other text, its outlets, each of which
 * published the whole text.
 */
export function passageOutlets(article: ArticleEntry, passage: string): readonly OutletLike[] {
  const { sections, outlets } = article.data;
  if (sections.length === 0) return outlets;
  const order = compiledEdition().articleBySlug.get(article.id)?.passages.map((item) => item.id) ?? [];
  const piece = pieceOf(order, sections.map((section) => ({ heading: section.heading, lead: section.lead, outlet: section.outlet })), passage, {});
  // Before the first piece, or in a piece of no known outlet: the compilation's own words (a forum's).
  return piece.outlet ? [piece.outlet] : headlineOutlets(outlets);
}

export function noteCard({ article, note }: TermNote): ShareCard {
  const outlets = passageOutlets(article, note.passage);
  const common = {
    label: `${SITE.title} · Note ${note.number} · ${NOTE_KIND_LABELS[note.kind]}`,
    footer: `In ${attributedTitle(article.data.title, article.data.outlets)}`,
    date: formatDateRange(article.data.dates),
    accent: NOTE_KIND_COLORS[note.kind],
  };
  if (leadsWithFinding(note.kind)) {
    return { ...common, headline: findingOf(note.bodyText, 150), quote: false, body: `On ${attributedQuote(shorten(note.exact, 120), outlets)}` };
  }
  return { ...common, headline: note.exact, quote: true, by: attributionOf(outlets), body: note.bodyText };
}

export function articleCard(article: ArticleEntry): ShareCard {
  return {
    label: `${SITE.title} · ${article.data.form ?? 'Text'}`,
    headline: article.data.title,
    quote: false,
    by: attributionOf(headlineOutlets(article.data.outlets)),
    body: article.data.summary,
    footer: `Annotated in ${SITE.title}: notes neutral, dated and sourced`,
    date: formatDateRange(article.data.dates),
  };
}

/** The description of a note's link preview: the note, then where its passage is. */
export function noteDescription({ article, note }: TermNote): string {
  return `${NOTE_KIND_LABELS[note.kind]}: ${shorten(note.bodyText, 200)} (On a passage of ${attributedTitle(article.data.title, article.data.outlets)}, ${formatDateRange(article.data.dates)}.)`;
}

/**
 * The title of a note's link preview: for a fact-check or a correction, the finding; for other
 * notes, the passage quoted and attributed.
 */
export function noteShareTitle({ article, note }: TermNote): string {
  return leadsWithFinding(note.kind)
    ? `${NOTE_KIND_LABELS[note.kind]}: ${findingOf(note.bodyText, 150)}`
    : attributedQuote(shorten(note.exact, 110), passageOutlets(article, note.passage));
}

/**
 * The absolute address of a page's share image (`path` from the site's root), or of the edition's
 * own image when the build does not render share images (OG_IMAGES=0).
 */
export function shareImageUrl(site: URL | undefined, base: string, path: string): string {
  return new URL(withBase(base, shareImagesEnabled() ? path : 'og.png'), site).href;
}
