import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition, type TermNote } from '../../data/edition.ts';
import type { ArticleEntry } from '../../data/articles.ts';
import type { HeldNote } from '../../compiler/model.ts';
import { noteDescription, noteShareTitle, passageOutlets, shareImageUrl } from '../../data/share.ts';
import { attributedQuote, attributedTitle, findingOf, leadsWithFinding, quoted } from '../../lib/attribution.ts';
import { NOTE_KIND_LABELS, noteKindPhrase } from '../../lib/notes.ts';
import { shorten } from '../../lib/shorten.ts';
import { formatDateRange } from '../../lib/dates.ts';
import { paths, withBase } from '../../lib/urls.ts';
import { SITE } from '../../lib/site.ts';
import { SHARE_PAGES_PER_PART, type SharePage } from '../../lib/share-page.ts';
import { getLedger } from '../../data/ledger.ts';
import { resolveAlias } from '../../lib/ledger.ts';
import { noteReviewsById } from '../../data/claims.ts';
import { compiledEdition } from '../../data/compiled.ts';
import { digestOf } from '../../compiler/cache.ts';

/**
 * What each note's share page says, for the share-pages integration, which writes the pages and
 * then deletes these files: `share-pages/1.jsonl`, `2.jsonl`, …, one page per line (JSON Lines),
 * at most SHARE_PAGES_PER_PART to a file. At 5,000 texts there are 102,134 pages: as one file, its
 * body alone (made by the route, held whole by Astro to write it) was the build's peak.
 *
 * A file's cache key changes when one of its pages could: its notes (their ids, and the render key
 * of each of their texts, which changes with the text and with what it shows of other files), and
 * what any page can show of the whole edition: the claims (a fact-check's ClaimReview names its
 * claim in the words the edition gives it across texts) and the ledger's aliases of notes (their
 * pages are in the last file).
 */
export const getStaticPaths = (async () => {
  const all = [...(await getEdition()).noteById.values()];
  const compiled = compiledEdition();
  const shared = digestOf(JSON.stringify([[...compiled.claims], compiled.claimsAcross, getLedger().aliases]));
  const parts = Math.max(1, Math.ceil(all.length / SHARE_PAGES_PER_PART));
  return Array.from({ length: parts }, (_, index) => {
    const mine = all.slice(index * SHARE_PAGES_PER_PART, (index + 1) * SHARE_PAGES_PER_PART);
    const texts = [...new Set(mine.map(({ article }) => article.id))];
    const key = digestOf(JSON.stringify([shared, index === parts - 1, mine.map(({ note }) => note.id), texts.map((slug) => compiled.renderKey.get(slug))]));
    return { params: { part: String(index + 1) }, cacheKey: key };
  });
}) satisfies GetStaticPaths;

let notes: TermNote[] | undefined;

export const GET: APIRoute = async ({ site, params }) => {
  const edition = await getEdition();
  notes ??= [...edition.noteById.values()];
  const part = Number(params['part']);
  const base = import.meta.env.BASE_URL;
  // A fact-check note's share page carries the ClaimReview its text's page has (one lookup per
  // text, kept for the notes of that text only).
  let reviews: { text: string; byNote: Awaited<ReturnType<typeof noteReviewsById>> } | undefined;
  const reviewOf = async (article: ArticleEntry, note: HeldNote) => {
    if (note.kind !== 'fact-check') return undefined;
    if (reviews?.text !== article.id) reviews = { text: article.id, byNote: await noteReviewsById(article.id, (path) => new URL(withBase(base, path), site).href) };
    return reviews.byNote.get(note.id);
  };
  const pageOf = async (found: TermNote, id = found.note.id): Promise<SharePage> => {
    const { article, note } = found;
    const target = withBase(base, `${paths.article(article.id)}#note-${note.id}`);
    const quote = attributedQuote(shorten(note.exact, 110), passageOutlets(article, note.passage));
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
        // The text's outlets once, after its headline; the passage only quoted.
        imageAlt: `Note ${note.number}, ${noteKindPhrase(note.kind)}${finding ? ` (${finding})` : ''}, on a passage of ${attributedTitle(article.data.title, article.data.outlets)}: ${quoted(note.exact, 112)}`,
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
  const lines: string[] = [];
  for (const found of notes.slice((part - 1) * SHARE_PAGES_PER_PART, part * SHARE_PAGES_PER_PART)) lines.push(JSON.stringify(await pageOf(found)));
  // A note merged into another or renamed (an alias `note-<old>: note-<new>` in the anchor ledger)
  // keeps its share page: links already shared still unfurl, now as its successor, and lead to it.
  // They are in the last part.
  if (part * SHARE_PAGES_PER_PART >= notes.length) {
    const ledger = getLedger();
    for (const [slug, aliases] of Object.entries(ledger.aliases)) {
      for (const old of Object.keys(aliases)) {
        if (!old.startsWith('note-') || edition.noteById.has(old.slice(5))) continue;
        const successor = resolveAlias(ledger, slug, old);
        const found = successor?.startsWith('note-') ? edition.noteById.get(successor.slice(5)) : undefined;
        if (found) lines.push(JSON.stringify(await pageOf(found, old.slice(5))));
      }
    }
  }
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'application/jsonl' } });
};
