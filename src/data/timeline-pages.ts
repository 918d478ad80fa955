/**
 * What the timeline's pages share, computed once per build: the timeline, the lookup, the years with
 * their counts, and the texts and terms that have events (the filters).
 */
import { compiledEdition } from './compiled.ts';
import { timelineLookup, timelineOf, type Timeline, type TimelineLookup } from './timeline.ts';
import { eventsOfTerm, eventsOfText, timelineLayout, type TimelineEvent, type TimelineSheet, type TimelineYear } from '../lib/timeline.ts';

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
  texts: { slug: string; title: string; date: string; events: TimelineEvent[] }[];
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
  const texts = [...lookup.articles]
    .map(([slug, { title, date }]) => ({ slug, title, date, events: eventsOfText(timeline.events, slug) }))
    .filter((text) => text.events.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const terms = [...lookup.terms]
    .map(([id, name]) => ({ id, name, events: eventsOfTerm(timeline.events, id) }))
    .filter((term) => term.events.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  held = { edition, timeline, pages: { timeline, lookup, years, sheets, sheetOf, texts, terms } };
  return held.pages;
}
