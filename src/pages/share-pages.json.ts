import type { APIRoute } from 'astro';
import { getEdition } from '../data/edition.ts';
import { noteDescription, noteShareTitle, shareImageUrl } from '../data/share.ts';
import { attributedTitle, findingOf, leadsWithFinding } from '../lib/attribution.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { shorten } from '../lib/og-image.ts';
import { formatDateRange } from '../lib/dates.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import type { SharePage } from '../lib/share-page.ts';
import { getLedger } from '../data/ledger.ts';
import { resolveAlias } from '../lib/ledger.ts';
import { noteReviewsById } from '../data/claims.ts';

/**
 * What each note's share page says, for the share-pages integration, which writes the pages and
 * then deletes this file.
 */
export const GET: APIRoute = async ({ site }) => {
  const edition = await getEdition();
  const base = import.meta.env.BASE_URL;
  // A fact-check note's share page carries the ClaimReview its text's page has (one lookup per text).
  const reviews = new Map<string, Awaited<ReturnType<typeof noteReviewsById>>>();
  for (const { article, note } of edition.noteById.values()) {
    if (note.kind === 'fact-check' && !reviews.has(article.id)) reviews.set(article.id, await noteReviewsById(article.id, (path) => new URL(withBase(base, path), site).href));
  }
  const pages: SharePage[] = [...edition.noteById.values()].map((found) => {
    const { article, note } = found;
    const target = withBase(base, `${paths.article(article.id)}#note-${note.id}`);
    const quote = attributedTitle(shorten(note.exact, 110), article.data.outlets);
    const description = noteDescription(found);
    const shareTitle = noteShareTitle(found);
    const finding = leadsWithFinding(note.kind) ? findingOf(note.bodyText, 150) : undefined;
    return {
      id: note.id,
      url: new URL(withBase(base, `notes/${note.id}/`), site).href,
      canonical: new URL(target, site).href,
      target,
      title: `${finding ? shareTitle : `Note on ${quote}`} · ${SITE.title}`,
      description,
      share: {
        title: shareTitle,
        description,
        image: shareImageUrl(site, base, `notes/${note.id}/og.png`),
        imageAlt: `${NOTE_KIND_LABELS[note.kind]} note${finding ? ` (${finding})` : ''} on the passage ${quote}, in ${attributedTitle(article.data.title, article.data.outlets)}`,
        type: 'article',
      },
      kicker: `Note ${note.number} · ${NOTE_KIND_LABELS[note.kind]}`,
      quote,
      ...(finding ? { finding } : {}),
      body: note.bodyText,
      articleTitle: attributedTitle(article.data.title, article.data.outlets),
      articleMeta: formatDateRange(article.data.dates),
      ...(reviews.get(article.id)?.has(note.id) ? { jsonLd: reviews.get(article.id)!.get(note.id) } : {}),
    };
  });
  // A note merged into another or renamed (an alias `note-<old>: note-<new>` in the anchor ledger)
  // keeps its share page: links already shared still unfurl, now as its successor, and lead to it.
  const byId = new Map(pages.map((page) => [page.id, page]));
  const ledger = getLedger();
  for (const [slug, aliases] of Object.entries(ledger.aliases)) {
    for (const old of Object.keys(aliases)) {
      if (!old.startsWith('note-') || byId.has(old.slice(5))) continue;
      const successor = resolveAlias(ledger, slug, old);
      const page = successor?.startsWith('note-') ? byId.get(successor.slice(5)) : undefined;
      if (page) pages.push({ ...page, id: old.slice(5), url: new URL(withBase(base, `notes/${old.slice(5)}/`), site).href });
    }
  }
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
