import type { APIRoute } from 'astro';
import { getEdition } from '../data/edition.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { formatDateRange, isoDate } from '../lib/dates.ts';
import { paths } from '../lib/urls.ts';
import type { SearchRecord } from '../integrations/search-index.ts';

/**
 * The notes as search records, for the search-index integration (which deletes this file once it
 * has indexed them). URLs are site-relative, without the base path, like those Pagefind gives
 * pages; the search script adds the base.
 */
export const GET: APIRoute = async () => {
  const edition = await getEdition();
  const records: SearchRecord[] = edition.articles.flatMap(({ entry, notes }) => {
    const article = entry.data;
    const outlets = article.outlets.map((outlet) => outlet.name);
    const years = [...new Set(article.dates.map((date) => String(date.getUTCFullYear())))];
    return notes.map((note) => ({
      url: `/${paths.article(entry.id)}#note-${note.id}`,
      // Found by what the note says; the words of its passage find the passage itself, in the text's
      // own result, so they are not indexed twice (the passage is shown from `meta`).
      content: note.bodyText,
      language: 'en',
      meta: {
        title: `Note ${note.number}: ${NOTE_KIND_LABELS[note.kind]}`,
        type: 'Note',
        article: article.title,
        outlet: outlets.join(', '),
        date: formatDateRange(article.dates),
        datetime: isoDate(article.dates[0]!),
        passage: note.exact,
        kind: NOTE_KIND_LABELS[note.kind],
      },
      filters: { type: ['Note'], outlet: outlets, year: years, kind: [NOTE_KIND_LABELS[note.kind]] },
    }));
  });
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
