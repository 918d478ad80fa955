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

/**
 * What each note's share page says, for the share-pages integration, which writes the pages and
 * then deletes this file.
 */
export const GET: APIRoute = async ({ site }) => {
  const edition = await getEdition();
  const base = import.meta.env.BASE_URL;
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
    };
  });
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
