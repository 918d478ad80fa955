/**
 * What the timeline's pages share, computed once per build: the timeline, the lookup, the years with
 * their counts, and the texts and terms that have events (the filters).
 */
import { compiledEdition } from './compiled.ts';
import { digestOf } from '../compiler/cache.ts';
import { timelineLookup, timelineOf, type Timeline, type TimelineLookup } from './timeline.ts';
import { eventsByTerm, eventsByText, timelineLayout, type TimelineEvent, type TimelineSheet, type TimelineYear } from '../lib/timeline.ts';
import type { Page } from '../lib/paginate.ts';

export interface TimelinePages {
  timeline: Timeline;
  lookup: TimelineLookup;
  /** Each year: one page, or an index of its months (src/lib/timeline.ts, timelineLayout). */
  years: TimelineYear[];
  /** Every page that lists events, in the axis's order. */
  sheets: TimelineSheet[];
  /** The page that lists each event, by event id. */
  sheetOf: Map<string, TimelineSheet>;
  /** Texts with events, in the order of their first date, each with its events. */
  texts: { slug: string; title: string; outlets: string[]; date: string; events: TimelineEvent[] }[];
  /** Terms with events, by name, each with its events. */
  terms: { id: string; name: string; events: TimelineEvent[] }[];
}

let held: { edition: unknown; timeline: Timeline; pages: TimelinePages } | undefined;

/** The timeline's page data. */
export function timelinePages(): TimelinePages {
  const edition = compiledEdition();
  const timeline = timelineOf(edition);
  if (held?.edition === edition && held.timeline === timeline) return held.pages;
  const lookup = timelineLookup(edition);
  const { years } = timelineLayout(timeline.events);
  const sheets = years.flatMap((year) => year.sheets);
  const sheetOf = new Map(sheets.flatMap((sheet) => sheet.events.map((event) => [event.id, sheet] as const)));
  const [byText, byTerm] = [eventsByText(timeline.events), eventsByTerm(timeline.events)];
  const texts = [...lookup.articles]
    .map(([slug, { title, outlets, date }]) => ({ slug, title, outlets, date, events: byText.get(slug) ?? [] }))
    .filter((text) => text.events.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const terms = [...lookup.terms]
    .map(([id, name]) => ({ id, name, events: byTerm.get(id) ?? [] }))
    .filter((term) => term.events.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  held = { edition, timeline, pages: { timeline, lookup, years, sheets, sheetOf, texts, terms } };
  return held.pages;
}

/**
 * The cache key of a page of a text's or a term's list of events: what the page shows (its events,
 * the list's name and length), what it looks up in other texts and the glossary (titles, paragraph
 * numbers, notes, term names: the render key of each text and the digest of each term its events
 * name), the page of the axis each event is on, and how the edition describes itself in every
 * page's head. Astro's incremental build renders again only the lists whose key changed.
 */
export function listKey(summary: unknown, name: unknown, page: Page<TimelineEvent>): string {
  const compiled = compiledEdition();
  const { sheetOf } = timelinePages();
  const slugs = new Set<string>();
  const terms = new Set<string>();
  for (const event of page.items) {
    for (const slug of [...event.notes.map((note) => note.slug), ...event.passages.map((said) => said.slug), ...event.said.map((said) => said.slug), ...event.texts, ...(event.text ? [event.text.slug] : [])]) slugs.add(slug);
    for (const term of [...event.terms, ...event.glossary.map((entry) => entry.term)]) terms.add(term);
  }
  const digests = new Map(compiled.terms.map((term) => [term.id, term.digest]));
  const shown = [summary, name, page, [...slugs].sort().map((slug) => [slug, compiled.renderKey.get(slug)]), [...terms].sort().map((term) => [term, digests.get(term)]), page.items.map((event) => sheetOf.get(event.id)?.key)];
  return digestOf(JSON.stringify(shown));
}
