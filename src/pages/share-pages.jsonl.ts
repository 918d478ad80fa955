import type { APIRoute } from 'astro';
import { getEdition, type TermNote } from '../data/edition.ts';
import type { ArticleEntry } from '../data/articles.ts';
import type { NoteInfo } from '../plugins/remark-notes.ts';
import { noteDescription, noteShareTitle, shareImageUrl } from '../data/share.ts';
import { attributedTitle, findingOf, leadsWithFinding } from '../lib/attribution.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { shorten } from '../lib/og-image.ts';
import { formatDateRange } from '../lib/dates.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import { SHARE_LINES_PER_CHUNK, type SharePage } from '../lib/share-page.ts';
import { getLedger } from '../data/ledger.ts';
import { resolveAlias } from '../lib/ledger.ts';
import { noteReviewsById } from '../data/claims.ts';

/**
 * What each note's share page says, for the share-pages integration, which writes the pages and
 * then deletes this file. One page per line (JSON Lines), made and sent a batch at a time: at 5,000
 * texts there are 102,134 of them, and making them all as one array and one JSON string held 2 GB
 * at the build's peak.
 */
export const GET: APIRoute = async ({ site }) => {
  const edition = await getEdition();
  const base = import.meta.env.BASE_URL;
  // A fact-check note's share page carries the ClaimReview its text's page has (one lookup per
  // text, kept for the notes of that text only).
  let reviews: { text: string; byNote: Awaited<ReturnType<typeof noteReviewsById>> } | undefined;
  const reviewOf = async (article: ArticleEntry, note: NoteInfo) => {
    if (note.kind !== 'fact-check') return undefined;
    if (reviews?.text !== article.id) reviews = { text: article.id, byNote: await noteReviewsById(article.id, (path) => new URL(withBase(base, path), site).href) };
    return reviews.byNote.get(note.id);
  };
  const pageOf = async (found: TermNote, id = found.note.id): Promise<SharePage> => {
    const { article, note } = found;
    const target = withBase(base, `${paths.article(article.id)}#note-${note.id}`);
    const quote = attributedTitle(shorten(note.exact, 110), article.data.outlets);
    const description = noteDescription(found);
    const shareTitle = noteShareTitle(found);
    const finding = leadsWithFinding(note.kind) ? findingOf(note.bodyText, 150) : undefined;
    const jsonLd = await reviewOf(article, note);
    return {
      id,
      url: new URL(withBase(base, `notes/${id}/`), site).href,
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
      ...(jsonLd ? { jsonLd } : {}),
    };
  };
  async function* pages(): AsyncGenerator<SharePage> {
    for (const found of edition.noteById.values()) yield pageOf(found);
    // A note merged into another or renamed (an alias `note-<old>: note-<new>` in the anchor ledger)
    // keeps its share page: links already shared still unfurl, now as its successor, and lead to it.
    const ledger = getLedger();
    for (const [slug, aliases] of Object.entries(ledger.aliases)) {
      for (const old of Object.keys(aliases)) {
        if (!old.startsWith('note-') || edition.noteById.has(old.slice(5))) continue;
        const successor = resolveAlias(ledger, slug, old);
        const found = successor?.startsWith('note-') ? edition.noteById.get(successor.slice(5)) : undefined;
        if (found) yield pageOf(found, old.slice(5));
      }
    }
  }
  const encoder = new TextEncoder();
  const source = pages();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let lines = '';
      for (let count = 0; count < SHARE_LINES_PER_CHUNK; count++) {
        const next = await source.next();
        if (next.done) {
          if (lines) controller.enqueue(encoder.encode(lines));
          controller.close();
          return;
        }
        lines += `${JSON.stringify(next.value)}\n`;
      }
      controller.enqueue(encoder.encode(lines));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/jsonl' } });
};
