/**
 * The timeline as the pages and `npm run check` see it: the events file and the ledger read from
 * `content/timeline/`, checked against the compiled edition (a note, passage or term that does not
 * exist, a published id that is gone, fail with the file, the line and the fix), and the whole
 * timeline built by src/lib/timeline.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import type { CompiledEdition } from '../compiler/index.ts';
import { readFrontmatter } from '../compiler/frontmatter.ts';
import { ContentErrors, type Problem } from '../compiler/problems.ts';
import { timelineEventsSchema, timelineLedgerSchema } from '../schemas/timeline.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { noteSuccessor, readLedgerAt, redirectOf, resolveAlias, type Ledger } from '../lib/ledger.ts';
import { buildTimeline, checkTimeline, figuresNotInNotes, isDerivedId, type RecordedEvent, type TermDates, type TimelineArticle, type TimelineEvent } from '../lib/timeline.ts';
import { readUtf8 } from '../compiler/encoding.ts';
import { committedCopy, droppedProblem } from '../lib/committed.ts';

export const EVENTS_FILE = 'content/timeline/events.yaml';
export const LEDGER_FILE = 'content/timeline/published.yaml';

/** The timeline of the edition. */
export interface Timeline {
  events: TimelineEvent[];
  /** Published ids and the year page each was published on. */
  ledger: Record<string, string>;
}

/** A date as YAML or a schema gives it, as `YYYY-MM-DD` (or as partial as written). */
function dateString(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function readEvents(root: string): { events: RecordedEvent[]; problems: Problem[] } {
  const path = join(root, EVENTS_FILE);
  if (!existsSync(path)) return { events: [], problems: [] };
  const { text: source, problem } = readUtf8(root, EVENTS_FILE);
  if (problem) return { events: [], problems: [problem] };
  const read = readFrontmatter(source, 1, timelineEventsSchema, EVENTS_FILE);
  if (read.problems.length > 0 || !read.data) return { events: [], problems: read.problems };
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  const lines = items.map((item) => counter.linePos((item as { range?: readonly number[] | null }).range?.[0] ?? 0).line);
  // Where each note, passage and term an event names is written: its problem is placed there.
  const placesOf = (item: unknown) => {
    const places: Record<string, { line: number; column: number }> = {};
    if (!isMap(item)) return places;
    for (const field of ['notes', 'passages', 'terms', 'joins']) {
      const list = item.get(field, true);
      if (!isSeq(list)) continue;
      for (const value of list.items) {
        const range = (value as { range?: readonly number[] | null }).range;
        if (isScalar(value) && range) {
          const { line, col } = counter.linePos(range[0]!);
          places[`${field}:${String(value.value)}`] = { line, column: col };
        }
      }
    }
    return places;
  };
  return { events: read.data.map((event, index) => ({ ...event, line: lines[index] ?? 1, places: placesOf(items[index]) })), problems: [] };
}

/**
 * Event ids the last commit's ledger records that `source` (the ledger now, or nothing if the file
 * is gone) does not: an id is published once and kept, and a hand-edit that takes one out (with its
 * event) would otherwise pass, then be made final by the next `npm run ledger:timeline`.
 */
function droppedEvents(root: string, source: string | undefined, ids: ReadonlySet<string>): Problem[] {
  const committed = committedCopy(root, LEDGER_FILE);
  if (committed === undefined || committed === source) return [];
  let before: string[];
  try {
    const data: unknown = parse(committed);
    before = data && typeof data === 'object' ? Object.keys(data) : [];
  } catch {
    return [];
  }
  const dropped = before.filter((id) => !ids.has(id));
  if (source !== undefined && dropped.length === 0) return [];
  const keep = `a published event id is kept for good, and an event that is gone or renamed keeps it under \`formerly:\` of the event that took its place in ${EVENTS_FILE}.`;
  return [droppedProblem(LEDGER_FILE, { ledger: 'the timeline\'s ledger', one: 'event id', many: 'event ids' }, source === undefined ? undefined : dropped, keep)];
}

function readLedger(root: string): { ids: Map<string, { year: string; line: number }>; problems: Problem[] } {
  const path = join(root, LEDGER_FILE);
  if (!existsSync(path)) return { ids: new Map(), problems: droppedEvents(root, undefined, new Set()) };
  const source = readFileSync(path, 'utf8');
  const read = readFrontmatter(source, 1, timelineLedgerSchema, LEDGER_FILE);
  if (read.problems.length > 0 || !read.data) return { ids: new Map(), problems: read.problems };
  const dropped = droppedEvents(root, source, new Set(Object.keys(read.data)));
  if (dropped.length > 0) return { ids: new Map(), problems: dropped };
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const lineOf = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as { value?: unknown; range?: readonly number[] | null } | null;
      if (key?.range) lineOf.set(String(key.value), counter.linePos(key.range[0] ?? 0).line);
    }
  }
  return { ids: new Map(Object.entries(read.data).map(([id, year]) => [id, { year, line: lineOf.get(id) ?? 1 }])), problems: [] };
}

/**
 * A passage reference (`slug#id`) as the anchor ledger (content/anchors.yaml) leads it on: a renamed
 * text by its redirect, a renamed paragraph by its alias, so that the timeline follows the edition
 * as old links do. Unchanged when the ledger says nothing of it.
 */
function followLedger(ledger: Ledger | undefined): (ref: string) => string {
  return (ref) => {
    if (!ledger) return ref;
    const [from, id] = ref.split('#') as [string, string];
    const slug = redirectOf(ledger, from);
    const passage = resolveAlias(ledger, from, id) ?? resolveAlias(ledger, slug, id) ?? id;
    return `${slug}#${passage}`;
  };
}

/** What the timeline needs of the compiled edition (published articles only). */
export function timelineSources(edition: CompiledEdition): { terms: TermDates[]; articles: TimelineArticle[] } {
  const terms = edition.terms.map((term) => {
    const dates = Array.isArray(term.frontmatter['dates']) ? (term.frontmatter['dates'] as { date: unknown; event: unknown }[]) : [];
    return { id: term.id, term: term.term, dates: dates.map((item) => ({ date: dateString(item.date), event: String(item.event) })) };
  });
  const articles = edition.articles
    .filter((article) => !article.draft)
    .map((article) => {
      const sections = Array.isArray(article.frontmatter['sections']) ? (article.frontmatter['sections'] as Record<string, unknown>[]) : [];
      return {
        slug: article.slug,
        title: article.title,
        dates: [...article.dates].sort(),
        passages: article.passages.map((passage) => ({ id: passage.id, kind: passage.kind, text: passage.text })),
        sections: sections.map((section) => ({
          heading: String(section['heading']),
          lead: typeof section['lead'] === 'string' ? section['lead'] : undefined,
          date: dateString(section['date']).slice(0, 10),
          dateline: typeof section['dateline'] === 'string' ? section['dateline'] : undefined,
          outlet: typeof section['outlet'] === 'string' ? section['outlet'] : undefined,
        })),
        notes: (edition.rendered.get(article.slug)?.notes ?? []).map((note) => ({ id: note.id, passage: note.passage })),
      };
    });
  return { terms, articles };
}

/**
 * Reads, checks and builds the timeline. Throws {@link ContentErrors} naming each problem, so that
 * `npm run check` and the build fail on it.
 */
export function loadTimeline(edition: CompiledEdition): Timeline {
  const recorded = readEvents(edition.root);
  const ledger = readLedger(edition.root);
  if (recorded.problems.length + ledger.problems.length > 0) throw new ContentErrors([...recorded.problems, ...ledger.problems]);
  // No events file, where the ledger records events that only it defines: the file is gone, not
  // each event; one problem says so, rather than one for every published id.
  const published = [...ledger.ids.keys()].filter((id) => !isDerivedId(id));
  if (published.length > 0 && !existsSync(join(edition.root, EVENTS_FILE))) {
    throw new ContentErrors([{
      file: EVENTS_FILE,
      ruleId: 'timeline-file-missing',
      reason: `the file is missing, and ${published.length} events the timeline has published (${LEDGER_FILE}) are written there (${published.slice(0, 3).map((id) => `\`${id}\``).join(', ')}${published.length > 3 ? ', …' : ''})`,
      fix: `restore it (\`git restore ${EVENTS_FILE}\`, or \`git log --oneline -- ${EVENTS_FILE}\` to find the last version).`,
    }]);
  }
  const { terms, articles } = timelineSources(edition);
  const known = new Set(articles.flatMap((article) => article.passages.map((passage) => `${article.slug}#${passage.id}`)));
  const anchors = readLedgerAt(edition.root);
  const follow = followLedger(anchors);
  for (const event of recorded.events) event.passages = event.passages.map((ref) => (known.has(ref) ? ref : follow(ref)));
  // A note renamed since, its old id aliased in the anchor ledger, is followed there, as a passage is.
  const noteIds = new Set(articles.flatMap((article) => article.notes.map((note) => note.id)));
  for (const event of recorded.events) event.notes = event.notes.map((id) => (noteIds.has(id) ? id : noteSuccessor(anchors, id) ?? id));
  const events = buildTimeline({ recorded: recorded.events, terms, articles });
  // A text's own events are named by its slug and heading: a text renamed, or a heading given a new
  // id, keeps the old event ids alive as the anchor ledger keeps the old links.
  if (anchors) {
    for (const event of events) {
      if (event.origin !== 'text' || !event.text) continue;
      const { slug, passage } = event.text;
      const suffix = event.id.slice(`text-${slug}-`.length);
      const slugs = [slug, ...Object.entries(anchors.redirects).filter(([, to]) => to === slug).map(([from]) => from)];
      const suffixes = [suffix, ...(passage ? slugs.flatMap((s) => Object.entries(anchors.aliases[s] ?? {}).filter(([, to]) => to === passage).map(([from]) => from)) : [])];
      for (const s of slugs) for (const x of suffixes) if (`text-${s}-${x}` !== event.id && !event.formerly.includes(`text-${s}-${x}`)) event.formerly.push(`text-${s}-${x}`);
    }
  }
  const world = {
    notes: new Map(articles.flatMap((article) => article.notes.map((note) => [note.id, article.slug] as const))),
    passages: known,
    terms: new Set(terms.map((term) => term.id)),
    derived: new Set(events.filter((event) => isDerivedId(event.id)).map((event) => event.id)),
  };
  const problems = checkTimeline(recorded.events, world, { file: LEDGER_FILE, ids: ledger.ids }, EVENTS_FILE, events);
  const noteText = new Map([...edition.rendered.values()].flatMap((article) => article.notes.map((note) => [note.id, note.bodyText] as const)));
  for (const event of recorded.events) problems.push(...figuresNotInNotes(event, noteText, EVENTS_FILE));
  if (problems.length > 0) throw new ContentErrors(problems);
  return { events, ledger: Object.fromEntries([...ledger.ids].map(([id, { year }]) => [id, year])) };
}

/**
 * The timeline's problems with `edition`, as a list rather than thrown: for the compile to report
 * them with its own (`alsoCheck`), where an editor who deleted a note would otherwise learn only
 * after mending the rest that an event still names it.
 */
export function timelineProblems(edition: CompiledEdition): Problem[] {
  try {
    loadTimeline(edition);
    return [];
  } catch (error) {
    if (error instanceof ContentErrors) return [...error.problems];
    throw error;
  }
}

let held: { edition: CompiledEdition; stamp: string; timeline: Timeline } | undefined;

/** When the timeline's own files last changed: the compiled edition does not watch content/timeline/. */
function stampOf(root: string): string {
  return [EVENTS_FILE, LEDGER_FILE].map((file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0)).join(':');
}

/** The timeline of `edition`, built once per compiled edition and version of the timeline's files. */
export function timelineOf(edition: CompiledEdition): Timeline {
  const stamp = stampOf(edition.root);
  if (held?.edition !== edition || held.stamp !== stamp) held = { edition, stamp, timeline: loadTimeline(edition) };
  return held.timeline;
}

/** What the timeline's pages look up by id: titles, notes, terms, passage numbers. */
export interface TimelineLookup {
  /** Each published text's headline and outlets (shown as an attributed quotation) and first date. */
  articles: Map<string, { title: string; outlets: string[]; date: string }>;
  notes: Map<string, { number: number; kindLabel: string }>;
  terms: Map<string, string>;
  /** 1-based place of each passage (`slug#id`) in its text. */
  passageNumber: Map<string, number>;
}

/** The lookup of the timeline's pages, from the compiled edition. */
export function timelineLookup(edition: CompiledEdition): TimelineLookup {
  const articles = new Map(edition.articles.filter((a) => !a.draft).map((a) => [a.slug, { title: a.title, outlets: a.outlets, date: [...a.dates].sort()[0] ?? '' }]));
  const notes = new Map<string, { number: number; kindLabel: string }>();
  const passageNumber = new Map<string, number>();
  for (const article of edition.articles) {
    for (const note of edition.rendered.get(article.slug)?.notes ?? []) notes.set(note.id, { number: note.number, kindLabel: NOTE_KIND_LABELS[note.kind] });
    article.passages.forEach((passage, index) => passageNumber.set(`${article.slug}#${passage.id}`, index + 1));
  }
  return { articles, notes, terms: new Map(edition.terms.map((term) => [term.id, term.term])), passageNumber };
}
