import type { APIRoute } from 'astro';
import { getEdition } from '../data/edition.ts';
import { noteDescription, shareImageUrl } from '../data/share.ts';
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
    const quote = `“${shorten(note.exact, 110)}”`;
    const description = noteDescription(found);
    const outlets = article.data.outlets.map((outlet) => outlet.name);
    return {
      id: note.id,
      url: new URL(withBase(base, `notes/${note.id}/`), site).href,
      canonical: new URL(target, site).href,
      target,
      title: `Note on ${quote} · ${SITE.title}`,
      description,
      share: {
        title: quote,
        description,
        image: shareImageUrl(site, base, `notes/${note.id}/og.png`),
        imageAlt: `${NOTE_KIND_LABELS[note.kind]} note on the passage ${quote} of ${article.data.title}`,
        type: 'article',
      },
      kicker: `Note ${note.number} · ${NOTE_KIND_LABELS[note.kind]}`,
      quote,
      body: note.bodyText,
      articleTitle: article.data.title,
      articleMeta: `${outlets.join(', ')}, ${formatDateRange(article.data.dates)}`,
    };
  });
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
