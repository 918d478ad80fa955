import type { APIRoute } from 'astro';
import { getEdition } from '../data/edition.ts';
import { paths, withBase } from '../lib/urls.ts';
import { isoDate } from '../lib/dates.ts';
import { pageAddress, paginate } from '../lib/paginate.ts';
import { termLists } from '../data/term-page.ts';
import { notesIndex } from '../data/notes-index.ts';
import { SITE } from '../lib/site.ts';
import { getClaims } from '../data/claims.ts';
import { CLAIMS_PER_PAGE } from '../lib/claims.ts';
import { timelinePages } from '../data/timeline-pages.ts';
import { TIMELINE_PER_PAGE, timelinePaths } from '../lib/timeline.ts';
import { getCorrectionPages, getCorrections } from '../data/corrections.ts';
import { correctionPath, correctionsYearPagePath } from '../lib/corrections.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Every page a reader or a search engine should find (share pages and redirects are not among them). */
export const GET: APIRoute = async ({ site }) => {
  const edition = await getEdition();
  const { claims } = await getClaims();
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(withBase(base, path), site).href;
  const pages: { loc: string; lastmod?: string }[] = [
    { loc: url(paths.home()), lastmod: SITE.published },
    { loc: url(paths.about()) },
    { loc: url(paths.notes()) },
    { loc: url(paths.glossary()) },
    { loc: url(paths.search()) },
    ...edition.articles.map(({ entry, notes }) => ({
      loc: url(paths.article(entry.id)),
      lastmod: [SITE.published, ...notes.map((n) => n.updated ?? n.added)].sort().pop()!,
    })),
    ...edition.terms.map((term) => ({ loc: url(paths.term(term.id)) })),
    // Corrections: the page, the pages of each year and one per correction (src/lib/corrections.ts).
    { loc: url('corrections/') },
    ...getCorrectionPages().map(({ year, number, corrections }) => ({ loc: url(correctionsYearPagePath(year, number)), lastmod: corrections[0]!.date })),
    ...getCorrections().map((correction) => ({ loc: url(correctionPath(correction.item, correction.date)), lastmod: correction.date })),
    // The further pages of long lists.
    ...paginate(edition.articles).slice(1).map((page) => ({ loc: url(pageAddress('texts/', page.number)) })),
    ...notesIndex(edition).pages.slice(1).map((page) => ({ loc: url(pageAddress(paths.notes(), page.number)) })),
    // Claims across the texts: the index and each claim's page (the index's filters are views of them).
    { loc: url(paths.claims()) },
    ...paginate(claims, CLAIMS_PER_PAGE).slice(1).map((page) => ({ loc: url(`claims/page/${page.number}/`) })),
    ...claims.map((claim) => ({ loc: url(paths.claim(claim.id)), ...(claim.history.at(-1) ? { lastmod: claim.history.at(-1)!.date } : {}) })),
    ...edition.terms.flatMap((term) => {
      const { count } = termLists(edition, term.id);
      return Array.from({ length: count - 1 }, (_, index) => ({ loc: url(pageAddress(paths.term(term.id), index + 2)) }));
    }),
    // The timeline: the overview, a page per year, a list per text and per term.
    ...((timeline) => [
      { loc: url(timelinePaths.index()) },
      ...timeline.years.map(({ year }) => ({ loc: url(timelinePaths.year(year)) })),
      ...timeline.sheets.filter((sheet) => sheet.key !== sheet.year).map((sheet) => ({ loc: url(sheet.path) })),
      ...paginate(timeline.texts, 100).map((page) => ({ loc: url(pageAddress(timelinePaths.texts(), page.number)) })),
      ...paginate(timeline.terms, 100).map((page) => ({ loc: url(pageAddress(timelinePaths.terms(), page.number)) })),
      ...timeline.texts.flatMap(({ slug, events }) => paginate(events, TIMELINE_PER_PAGE).map((page) => ({ loc: url(pageAddress(timelinePaths.text(slug), page.number)) }))),
      ...timeline.terms.flatMap(({ id, events }) => paginate(events, TIMELINE_PER_PAGE).map((page) => ({ loc: url(pageAddress(timelinePaths.term(id), page.number)) }))),
    ])(timelinePages()),
  ];
  const body = pages.map((page) => `  <url><loc>${escape(page.loc)}</loc>${page.lastmod ? `<lastmod>${isoDate(page.lastmod)}</lastmod>` : ''}</url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
