import type { APIRoute } from 'astro';
import { getEdition } from '../data/edition.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { formatDateRange, toDate } from '../lib/dates.ts';
import { paths, withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import { getSummary } from '../data/summary.ts';
import { attributedTitle, leadsWithFinding } from '../lib/attribution.ts';
import { noteShareTitle } from '../data/share.ts';
import { FEED_NOTES, FEED_TEXTS, newest } from '../lib/feed.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Item {
  title: string;
  link: string;
  description: string;
  date: Date;
  category: string;
}

/** An RSS 2.0 feed of the edition: its texts and its notes, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const edition = await getEdition();
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(withBase(base, path), site).href;
  const published = toDate(SITE.published);
  const texts: Item[] = edition.articles.map(({ entry }) => ({
    title: attributedTitle(entry.data.title, entry.data.outlets),
    link: url(paths.article(entry.id)),
    description: `${entry.data.summary} (${entry.data.outlets.map((o) => o.name).join(', ')}, ${formatDateRange(entry.data.dates)}.)`,
    date: published,
    category: 'Text',
  }));
  // Chosen by their dates, then made: a title and a description for every note of a large
  // edition would be made for nothing.
  const candidates = edition.articles.flatMap(({ entry, notes }) => notes.map((note) => ({ entry, note, date: toDate(note.updated ?? note.added) })));
  const notes: Item[] = newest(candidates, FEED_NOTES).map(({ entry, note, date }) => ({
    // As the note's link preview says it: a fact-check leads with its finding, other notes
    // with the passage, quoted and attributed.
    title: leadsWithFinding(note.kind) ? noteShareTitle({ article: entry, note }) : `${NOTE_KIND_LABELS[note.kind]}: on ${noteShareTitle({ article: entry, note })}`,
    link: url(`notes/${note.id}/`),
    description: `${note.bodyText} (A note to ${attributedTitle(entry.data.title, entry.data.outlets)}.)`,
    date,
    category: 'Note',
  }));
  const items = newest([...newest(texts, FEED_TEXTS), ...notes], FEED_TEXTS + FEED_NOTES);
  const channel = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${escape(SITE.title)}</title>
  <link>${escape(url(''))}</link>
  <description>${escape((await getSummary()).description)}</description>
  <language>en-gb</language>
  <atom:link href="${escape(url('feed.xml'))}" rel="self" type="application/rss+xml" />
${items
  .map(
    (item) => `  <item>
    <title>${escape(item.title)}</title>
    <link>${escape(item.link)}</link>
    <guid isPermaLink="true">${escape(item.link)}</guid>
    <pubDate>${item.date.toUTCString()}</pubDate>
    <category>${item.category}</category>
    <description>${escape(item.description)}</description>
  </item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
  return new Response(channel, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
