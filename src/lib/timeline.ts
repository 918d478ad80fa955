/**
 * The edition's one timeline: every dated event of the apparatus on one axis. Three kinds of event:
 *
 * - **recorded** events, from `content/timeline/events.yaml`: what the notes state, each linked to
 *   the notes, passages and terms that speak of it;
 * - **glossary** dates (`dates:` of a term), id `term-<term>-<date>`; a glossary date that a recorded
 *   event of the same term and the same date already gives is merged into it (its id kept alive); an
 *   entry of the events file with terms and no note or passage is one event several glossary entries
 *   date, joined into one line (origin `glossary`);
 * - **text** dates: each piece of a compilation (its dateline), or each date of a text without
 *   pieces, id `text-<slug>-<heading id or date>`.
 *
 * For each event, "when each text first said it": the texts whose passages refer to it, each with
 * the date of the piece that holds the passage (or the text's first date), earliest first.
 *
 * Pure: the pages (src/pages/timeline/) and the check (src/data/timeline.ts) hand it the model.
 */
import type { Problem } from '../compiler/problems.ts';
import { didYouMean } from './suggest.ts';
import { pieceOf } from './claims.ts';

/** A recorded event, as read from the events file, with the line it starts on. */
export interface RecordedEvent {
  id: string;
  date: string;
  label: string;
  notes: string[];
  passages: string[];
  terms: string[];
  formerly: string[];
  /** Glossary dates (their timeline ids) of the same event at another precision, shown with it. */
  joins?: string[];
  line: number;
  /** Where each id it names is written (`notes:<id>`, `passages:<ref>`, `terms:<id>`), for its problems. */
  places?: Record<string, { line: number; column: number }>;
}

/** A glossary term and its dates. */
export interface TermDates {
  id: string;
  term: string;
  dates: { date: string; event: string }[];
}

/** What the timeline needs of an article. */
export interface TimelineArticle {
  slug: string;
  title: string;
  /** Dates of the text, `YYYY-MM-DD`, earliest first. */
  dates: string[];
  /** Its passages in document order (only ids and kinds are needed). */
  passages: { id: string; kind: 'paragraph' | 'heading'; text: string }[];
  /** The pieces of a compilation: the heading passage, the date (`YYYY-MM-DD`), the dateline as written. */
  sections: { heading: string; lead?: string | undefined; date: string; dateline?: string | undefined; outlet?: string | undefined }[];
  /** Its notes, with the passage each marks. */
  notes: { id: string; passage: string }[];
}

export type EventOrigin = 'recorded' | 'glossary' | 'text';

/** A passage that refers to an event, with the date its text said it. */
export interface SaidIn {
  slug: string;
  passage: string;
  /** `YYYY-MM-DD`: the date of the piece holding the passage, or the text's first date. */
  date: string;
}

/** One event on the timeline. */
export interface TimelineEvent {
  id: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  year: string;
  label: string;
  origin: EventOrigin;
  /** Notes that state it, with their article. */
  notes: { slug: string; id: string }[];
  /** Passages that refer to it, with the date each text said it. */
  passages: SaidIn[];
  /** Glossary terms it concerns. */
  terms: string[];
  /** The glossary's own wording of the event, where a glossary date gives it. */
  glossary: { term: string; event: string }[];
  /** The text it is the date of (origin `text`), and the passage of the piece's heading, if any. */
  text?: { slug: string; passage?: string | undefined; dateline?: string | undefined; outlet?: string | undefined } | undefined;
  /** Per text, the earliest date it referred to the event, earliest text first: "when each text first said it". */
  said: SaidIn[];
  /** Texts the event belongs to, for the filter by text. */
  texts: string[];
  /** Ids it was published under before, and ids of glossary dates merged into it. */
  formerly: string[];
}

/** The sources of the timeline. */
export interface TimelineInput {
  recorded: readonly RecordedEvent[];
  terms: readonly TermDates[];
  articles: readonly TimelineArticle[];
}

/** The year of a partial date. @example yearOf('2020-05') // '2020' */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A partial date for readers.
 *
 * @example formatPartialDate('2020-05-22') // '22 May 2020'
 * @example formatPartialDate('2020-05') // 'May 2020'
 * @example formatPartialDate('1918') // '1918'
 */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/**
 * The date of a passage as its text said it: the date of the piece (section) that holds it, or the
 * text's first date.
 */
export function passageDate(article: TimelineArticle, passage: string): string | undefined {
  const order = article.passages.map((item) => item.id);
  return order.includes(passage) ? pieceOf(order, article.sections, passage, { date: article.dates[0] }).date : undefined;
}

/** Orders events: by date (a year before its months, a month before its days), then origin, then id. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const order: Record<EventOrigin, number> = { text: 0, recorded: 1, glossary: 2 };
  return a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.origin] - order[b.origin] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** "When each text first said it": per text its earliest passage, earliest text first. */
export function firstSaid(passages: readonly SaidIn[]): SaidIn[] {
  const best = new Map<string, SaidIn>();
  for (const item of passages) {
    const held = best.get(item.slug);
    if (!held || item.date < held.date) best.set(item.slug, item);
  }
  return [...best.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : 1));
}

/** The id of a glossary date's event. @example termEventId('open-skies', '1992-03-24') // 'term-open-skies-1992-03-24' */
export function termEventId(term: string, date: string): string {
  return `term-${term}-${date}`;
}

/** Every event of the edition, in order. Assumes the input passed {@link checkTimeline}. */
export function buildTimeline(input: TimelineInput): TimelineEvent[] {
  const articles = new Map(input.articles.map((article) => [article.slug, article]));
  const noteSlug = new Map(input.articles.flatMap((article) => article.notes.map((note) => [note.id, article.slug] as const)));
  const events: TimelineEvent[] = [];
  const merged = new Map<string, TimelineEvent>();
  // Glossary dates an event joins by their ids (`joins:`), given at another precision than its own.
  const joined = new Map<string, TimelineEvent>();

  for (const entry of input.recorded) {
    const passages = entry.passages.flatMap((ref) => {
      const [slug, passage] = ref.split('#') as [string, string];
      const article = articles.get(slug);
      const date = article && passageDate(article, passage);
      return date ? [{ slug, passage, date }] : [];
    });
    const notes = entry.notes.flatMap((id) => (noteSlug.has(id) ? [{ slug: noteSlug.get(id)!, id }] : []));
    const event: TimelineEvent = {
      id: entry.id,
      date: entry.date,
      year: yearOf(entry.date),
      label: entry.label,
      // An entry no note or passage states only joins the dates several glossary entries give it.
      origin: entry.notes.length + entry.passages.length === 0 ? 'glossary' : 'recorded',
      notes,
      passages,
      terms: [...entry.terms],
      glossary: [],
      said: firstSaid(passages),
      texts: [...new Set([...passages.map((p) => p.slug), ...notes.map((n) => n.slug)])],
      formerly: [...entry.formerly],
    };
    if (event.origin === 'recorded') for (const term of entry.terms) merged.set(`${term}\0${entry.date}`, event);
    for (const id of entry.joins ?? []) joined.set(id, event);
    events.push(event);
  }
  // An entry that only joins glossary dates takes those no event the notes state has taken: a note's
  // event is the line the glossary's words go under, wherever the two are in the file.
  for (const event of events) {
    if (event.origin !== 'glossary') continue;
    for (const term of event.terms) if (!merged.has(`${term}\0${event.date}`)) merged.set(`${term}\0${event.date}`, event);
  }

  for (const term of input.terms) {
    const seen = new Map<string, number>();
    for (const { date, event: label } of term.dates) {
      const count = (seen.get(date) ?? 0) + 1;
      seen.set(date, count);
      const id = count === 1 ? termEventId(term.id, date) : `${termEventId(term.id, date)}-${count}`;
      const into = joined.get(id) ?? (count === 1 ? merged.get(`${term.id}\0${date}`) : undefined);
      if (into) {
        into.glossary.push({ term: term.id, event: label });
        into.formerly.push(id);
        if (!into.terms.includes(term.id)) into.terms.push(term.id);
        // The more precise of the two dates is the event's: 6 November 2012 rather than 2012.
        if (date.length > into.date.length && date.startsWith(into.date)) into.date = date;
        continue;
      }
      events.push({ id, date, year: yearOf(date), label: `${term.term}: ${label}`, origin: 'glossary', notes: [], passages: [], terms: [term.id], glossary: [{ term: term.id, event: label }], said: [], texts: [], formerly: [] });
    }
  }

  for (const article of input.articles) {
    const text = (id: string, date: string, passage?: string, dateline?: string, outlet?: string): TimelineEvent => ({
      id,
      date,
      year: yearOf(date),
      label: article.title,
      origin: 'text',
      notes: [],
      passages: [],
      terms: [],
      glossary: [],
      text: { slug: article.slug, passage, dateline, outlet },
      said: [],
      texts: [article.slug],
      formerly: [],
    });
    const covered = new Set(article.sections.map((section) => section.date));
    for (const section of article.sections) {
      const heading = article.passages.find((passage) => passage.id === section.heading);
      const event = text(`text-${article.slug}-${section.heading}`, section.date, section.heading, section.dateline, section.outlet);
      if (heading) event.label = heading.text;
      events.push(event);
    }
    for (const date of new Set(article.dates)) if (!covered.has(date)) events.push(text(`text-${article.slug}-${date}`, date));
  }
  return events.sort(compareEvents);
}

/** Events grouped by year, years in order. */
export function byYear(events: readonly TimelineEvent[]): { year: string; events: TimelineEvent[] }[] {
  const years = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const list = years.get(event.year);
    if (list) list.push(event);
    else years.set(event.year, [event]);
  }
  return [...years].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, list]) => ({ year, events: list }));
}

/**
 * The events of each text (its own dates, and the events its passages or notes speak of), by slug,
 * in the timeline's order: one pass over the events, not one per text (at 5,000 texts, filtering
 * all the events for each text took 0.7 s of every build).
 */
export function eventsByText(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  return groupEvents(events, (event) => event.texts);
}

/** The events of each glossary term, by id, in the timeline's order. */
export function eventsByTerm(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  return groupEvents(events, (event) => event.terms);
}

function groupEvents(events: readonly TimelineEvent[], keysOf: (event: TimelineEvent) => readonly string[]): Map<string, TimelineEvent[]> {
  const groups = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    for (const key of new Set(keysOf(event))) {
      const list = groups.get(key);
      if (list) list.push(event);
      else groups.set(key, [event]);
    }
  }
  return groups;
}

/** Whether an id is one the timeline makes itself, from the glossary or a text's dates. */
export function isDerivedId(id: string): boolean {
  return id.startsWith('term-') || id.startsWith('text-');
}

/**
 * Anchors a page of the axis (`year`: its key) keeps for events made from the glossary or the texts that were published on it
 * and are gone (a glossary date or a text's date corrected): each points to the term or the text it
 * came from, found by the longest id among `terms` and `texts` that the old id starts with.
 */
export function retiredAnchors(year: string, ledger: Readonly<Record<string, string>>, events: readonly TimelineEvent[], terms: readonly string[], texts: readonly string[]): { id: string; term?: string; text?: string }[] {
  const alive = new Set(events.flatMap((event) => [event.id, ...event.formerly]));
  const owner = (rest: string, ids: readonly string[]) => ids.filter((id) => rest.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
  return Object.entries(ledger)
    .filter(([id, published]) => published === year && isDerivedId(id) && !alive.has(id))
    .map(([id]) => {
      const rest = id.slice(5);
      const found = id.startsWith('term-') ? owner(rest, terms) : owner(rest, texts);
      return id.startsWith('term-') ? { id, ...(found ? { term: found } : {}) } : { id, ...(found ? { text: found } : {}) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Events per page of a list by text or by term. */
export const TIMELINE_PER_PAGE = 100;

/** Texts and terms the overview lists as filters; all of them are on `timeline/texts/` and `timeline/terms/`, 100 a page. */
export const OVERVIEW_TEXTS = 8;
export const OVERVIEW_TERMS = 48;

/**
 * The `limit` items with the most events (the earlier first among equals), in their own order: the
 * overview's filters, bounded whatever the size of the edition.
 *
 * @example mostEvents([{ events: [1] }, { events: [1, 2] }, { events: [] }], 2) // the first two, in that order
 */
export function mostEvents<T extends { events: readonly unknown[] }>(items: readonly T[], limit: number): T[] {
  const chosen = new Set(
    items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => b.item.events.length - a.item.events.length || a.index - b.index)
      .slice(0, limit)
      .map(({ item }) => item),
  );
  return items.filter((item) => chosen.has(item));
}

/**
 * Events a page of the axis holds at most: a year with more is cut into months, a month with more
 * into numbered pages, so that no page grows with the edition.
 */
export const TIMELINE_PAGE_EVENTS = 50;

/** A page of the axis that lists events: a whole year, a month, a page of a month, or a year's events given only by year. */
export interface TimelineSheet {
  /** The page's address under `timeline/`: `2014`, `2020-05`, `2020-05-page-2`, `2020-year`. */
  key: string;
  /** Its path relative to the site's base: `timeline/<key>/`. */
  path: string;
  year: string;
  /** What the reader sees it called: `2014`, `May 2020`, `May 2020, page 2`, `2020, no month given`. */
  title: string;
  /** Page `number` of `count` of its month (1 of 1 for a whole year). */
  number: number;
  count: number;
  events: TimelineEvent[];
  previous?: TimelineSheet | undefined;
  next?: TimelineSheet | undefined;
}

/** A year of the axis: one page, or, when split, an index of its months. */
export interface TimelineYear {
  year: string;
  count: number;
  /** Whether its events are on month pages and its own page is an index of them. */
  split: boolean;
  sheets: TimelineSheet[];
  /** The months of a split year (and its events given by year only, first), each with its count and first page. */
  months: { key: string; title: string; count: number; path: string }[];
}

/**
 * What a page of the axis is called, from its key.
 *
 * @example sheetTitle('2020-05-page-2') // 'May 2020, page 2'
 */
export function sheetTitle(key: string): string {
  const [, year, month, page] = /^(\d{4})(?:-(\d{2}|year))?(?:-page-(\d+))?$/.exec(key) ?? [];
  if (!year) return key;
  const title = month === undefined ? year : month === 'year' ? `${year}, no month given` : formatPartialDate(`${year}-${month}`);
  return page ? `${title}, page ${page}` : title;
}

/** How the axis is cut into pages, and the page each event is listed on. */
export interface TimelineLayout {
  years: TimelineYear[];
  /** Event id → the path of the page that lists it. */
  homeOf: Map<string, string>;
}

/**
 * The axis cut into pages of at most `most` events: a year that fits stays one page at
 * `timeline/<year>/` (as it was published); a longer year's page becomes an index of months
 * (`timeline/<year>-<MM>/`; its events dated only by year at `timeline/<year>-year/`), and a month
 * longer still goes on at `timeline/<year>-<MM>-page-<n>/`. Every page is one level under
 * `timeline/`, as the search index reads them. Events keep the order of the axis.
 *
 * @example timelineLayout(events2014).years[0].sheets[0].path // 'timeline/2014/'
 */
export function timelineLayout(events: readonly TimelineEvent[], most: number = TIMELINE_PAGE_EVENTS): TimelineLayout {
  const homeOf = new Map<string, string>();
  const sheets: TimelineSheet[] = [];
  const sheet = (key: string, year: string, title: string, number: number, count: number, list: TimelineEvent[]): TimelineSheet => {
    const made: TimelineSheet = { key, path: `timeline/${key}/`, year, title, number, count, events: list };
    for (const event of list) homeOf.set(event.id, made.path);
    sheets.push(made);
    return made;
  };
  const years = byYear(events).map(({ year, events: list }): TimelineYear => {
    if (list.length <= most) return { year, count: list.length, split: false, sheets: [sheet(year, year, year, 1, 1, list)], months: [] };
    const months = new Map<string, TimelineEvent[]>();
    for (const event of list) {
      const month = event.date.length >= 7 ? event.date.slice(0, 7) : `${year}-year`;
      const held = months.get(month);
      if (held) held.push(event);
      else months.set(month, [event]);
    }
    const ordered = [...months].sort(([a], [b]) => (a.endsWith('-year') ? -1 : b.endsWith('-year') ? 1 : a < b ? -1 : 1));
    const made: TimelineSheet[] = [];
    const index: TimelineYear['months'] = [];
    for (const [key, monthEvents] of ordered) {
      const title = sheetTitle(key);
      const pages = Math.ceil(monthEvents.length / most);
      for (let number = 1; number <= pages; number++) {
        const at = number === 1 ? key : `${key}-page-${number}`;
        made.push(sheet(at, year, sheetTitle(at), number, pages, monthEvents.slice((number - 1) * most, number * most)));
      }
      index.push({ key, title, count: monthEvents.length, path: `timeline/${key}/` });
    }
    return { year, count: list.length, split: true, sheets: made, months: index };
  });
  sheets.forEach((item, at) => {
    item.previous = sheets[at - 1];
    item.next = sheets[at + 1];
  });
  return { years, homeOf };
}

/** Addresses of the timeline's pages (relative to the site's base). */
export const timelinePaths = {
  index: () => 'timeline/',
  year: (year: string) => `timeline/${year}/`,
  text: (slug: string) => `timeline/text/${slug}/`,
  term: (id: string) => `timeline/term/${id}/`,
  texts: () => 'timeline/texts/',
  terms: () => 'timeline/terms/',
} as const;

/** What the check needs to know of the rest of the edition. */
export interface TimelineWorld {
  /** Note ids, with their article's slug. */
  notes: ReadonlyMap<string, string>;
  /** `slug#passage-id` of every passage. */
  passages: ReadonlySet<string>;
  terms: ReadonlySet<string>;
  /** Ids of the events the timeline makes itself (glossary and texts). */
  derived: ReadonlySet<string>;
}

/**
 * The figures of an event's label (numbers, years included) that none of the notes it names states:
 * an event written from a note that was corrected since (a figure withdrawn, a date moved) would
 * otherwise go on saying what the note no longer says. Thousands separators and spaces aside.
 *
 * @example figuresNotInNotes({ id: 'x', label: 'Poland sends 20,000 soldiers', notes: ['n'], line: 3 }, new Map([['n', 'more than 12,000 soldiers']]), 'events.yaml')
 * // [{ …, ruleId: 'timeline-figure', reason: 'event `x` says 20,000, which its note `n` does not say' }]
 */
export function figuresNotInNotes(event: Pick<RecordedEvent, 'id' | 'label' | 'notes' | 'line'>, noteText: ReadonlyMap<string, string>, file: string): Problem[] {
  const bare = (text: string) => text.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '');
  const texts = event.notes.map((id) => noteText.get(id)).filter((text): text is string => text !== undefined);
  if (texts.length === 0) return [];
  const said = bare(texts.join(' '));
  // Figures only: a number that is part of a name (Su-30, TB2, B61, Tu-22M3) is left to the name, and
  // the 30 of "30 km" is not found in the note's "Su-30".
  const figures = event.label.match(/(?<![\p{L}\d.,-])\d(?:[\d,.]*\d)?(?![\p{L}\d])/gu) ?? [];
  const missing = [...new Set(figures)].filter(
    (figure) => !new RegExp(`(?<![\\p{L}\\d.-])${bare(figure).replace(/\./g, '\\.')}(?!\\d|\\.\\d)`, 'u').test(said),
  );
  if (missing.length === 0) return [];
  const whose = event.notes.length === 1 ? `its note \`${event.notes[0]}\`` : `its notes (${event.notes.map((id) => `\`${id}\``).join(', ')})`;
  return [
    {
      file,
      line: event.line,
      column: 1,
      ruleId: 'timeline-figure',
      reason: `event \`${event.id}\` says ${missing.join(', ')}, which ${whose} ${event.notes.length === 1 ? 'does' : 'do'} not say`,
      fix: 'make the label say what the note says now (a note corrected since the event was written?), or name the note that states the figure.',
    },
  ];
}

/**
 * Problems of the events file and the ledger: a note, passage or term that does not exist, a
 * duplicate id, a published id that is gone. Each names the file and line and says what to do.
 */
export function checkTimeline(
  recorded: readonly RecordedEvent[],
  world: TimelineWorld,
  ledger: { file: string; ids: ReadonlyMap<string, { year: string; line: number }> },
  file = 'content/timeline/events.yaml',
  events?: readonly TimelineEvent[],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const twice = new Set<string>();
  const noteIds = [...world.notes.keys()];
  const termIds = [...world.terms];
  for (const event of recorded) {
    const at = { file, line: event.line, column: 3 };
    const earlier = seen.get(event.id);
    if (earlier !== undefined) twice.add(event.id);
    if (earlier !== undefined) problems.push({ ...at, ruleId: 'timeline-duplicate-id', reason: `the event id \`${event.id}\` is used twice (first at line ${earlier})`, fix: 'give one of them another id; an event id is its permanent address.' });
    else seen.set(event.id, event.line);
    // A reference's problem is placed on the reference, else on the event's first line.
    const on = (field: string, id: string) => ({ file, ...(event.places?.[`${field}:${id}`] ?? { line: event.line }) });
    for (const note of event.notes) {
      if (!world.notes.has(note)) problems.push({ ...on('notes', note), ruleId: 'timeline-unknown-note', reason: `event \`${event.id}\` names the note \`${note}\`, which no text has.${didYouMean(note, noteIds)}`, fix: 'write the id of an existing `<Note id="…">`, or remove it from `notes:`.' });
    }
    for (const ref of event.passages) {
      if (!world.passages.has(ref)) {
        const [slug] = ref.split('#');
        const same = [...world.passages].filter((key) => key.startsWith(`${slug}#`));
        problems.push({ ...on('passages', ref), ruleId: 'timeline-unknown-passage', reason: `event \`${event.id}\` names the passage \`${ref}\`, which does not exist.${didYouMean(ref, same.length > 0 ? same : world.passages)}`, fix: 'write `<article-slug>#<passage-id>`, the ` ^id` at the end of the paragraph in the MDX, or remove it from `passages:`.' });
      }
    }
    for (const term of event.terms) {
      if (!world.terms.has(term)) problems.push({ ...on('terms', term), ruleId: 'timeline-unknown-term', reason: `event \`${event.id}\` names the term \`${term}\`, which the glossary does not have.${didYouMean(term, termIds)}`, fix: 'write the name of a file in content/glossary/ without `.md`, or remove it from `terms:`.' });
    }
  }
  // An event with no note or passage is only there to join the glossary's dates of it: each of its
  // terms must date it, or the timeline shows a line that no entry or note states.
  const built = new Map((events ?? []).map((event) => [event.id, event]));
  // The event that shows each glossary date (by the id the date had on its own line).
  const shownBy = new Map((events ?? []).flatMap((event) => event.formerly.map((old) => [old, event] as const)));
  for (const event of recorded) {
    const joined = built.get(event.id);
    if (event.notes.length + event.passages.length > 0 || !joined || twice.has(event.id)) continue;
    const dating = new Set(joined.glossary.map((item) => item.term));
    const silent = event.terms.filter((term) => world.terms.has(term) && !dating.has(term));
    if (silent.length === 0) continue;
    const at = event.places?.[`terms:${silent[0]}`] ? { file, ...event.places[`terms:${silent[0]}`]! } : { file, line: event.line, column: 3 };
    // Dates another event shows already: this entry would put the same event on the axis twice.
    const taken = silent.map((term) => shownBy.get(termEventId(term, event.date))).filter((other): other is TimelineEvent => other !== undefined && other.id !== event.id);
    if (taken.length > 0) {
      const other = taken[0]!;
      const line = recorded.find((entry) => entry.id === other.id)?.line;
      problems.push({
        ...at,
        ruleId: 'timeline-joins-nothing',
        reason: `event \`${event.id}\` names no note or passage, so it stands for the glossary's dates of its terms, but the event \`${other.id}\`${line ? ` (line ${line})` : ''} shows ${event.date === other.date ? 'them' : 'that date'} already: the timeline would show one event twice`,
        fix: `remove \`${event.id}\`, or put the terms it names that \`${other.id}\` lacks in that event's \`terms:\`.`,
      });
      continue;
    }
    // The dates the glossary gives these terms in the event's year: a date written at another
    // precision (2016-10-08 for the glossary's 2016-10) is then plain to see.
    const datesOf = new Map(event.terms.map((term) => [term, [...new Set((events ?? []).filter((other) => other.glossary.some((item) => item.term === term) && other.year === event.date.slice(0, 4)).map((other) => other.date))]]));
    const sameYear = silent.flatMap((term) => (datesOf.get(term)!.length > 0 ? [`\`${term}\` gives ${datesOf.get(term)!.join(', ')}`] : []));
    // One date every term gives, near the event's (the same day, month or year written otherwise).
    const common = [...datesOf.values()].reduce((shared, dates) => shared.filter((date) => dates.includes(date))).filter((date) => date.startsWith(event.date.slice(0, 7)) || event.date.startsWith(date));
    problems.push({
      ...at,
      ruleId: 'timeline-joins-nothing',
      reason: `event \`${event.id}\` names no note or passage, so it stands for the glossary's dates of its terms, but ${silent.map((term) => `\`${term}\``).join(', ')} ${silent.length === 1 ? 'gives' : 'give'} no date ${event.date} in \`dates:\`${sameYear.length > 0 ? ` (in ${event.date.slice(0, 4)}, ${sameYear.join('; ')})` : ''}`,
      fix: common.length === 1
        ? `write the event's date as its terms' \`dates:\` give it: \`date: ${common[0]}\`.`
        : `give the event the note or passage that states it, or name in \`terms:\` only entries whose \`dates:\` list \`${event.date}\`, written as precisely as there (their first date of that day, month or year).`,
    });
  }
  // A glossary date joined by its id: one the glossary gives, of the same day, month or year.
  const glossaryIds = new Set((events ?? []).flatMap((event) => [...(event.origin === 'glossary' && event.id.startsWith('term-') ? [event.id] : []), ...event.formerly.filter((old) => old.startsWith('term-'))]));
  for (const event of recorded) {
    for (const id of event.joins ?? []) {
      const at = { file, ...(event.places?.[`joins:${id}`] ?? { line: event.line, column: 3 }) };
      if (events && !glossaryIds.has(id)) {
        problems.push({ ...at, ruleId: 'timeline-unknown-join', reason: `event \`${event.id}\` joins \`${id}\`, which no glossary date is.${didYouMean(id, glossaryIds)}`, fix: 'write the id of a glossary date as the timeline shows it, `term-<entry>-<date>` (its permalink), or remove it from `joins:`.' });
        continue;
      }
      const date = /-(\d{4}(?:-\d{2}){0,2})$/.exec(id)![1]!;
      if (!date.startsWith(event.date) && !event.date.startsWith(date)) problems.push({ ...at, ruleId: 'timeline-unknown-join', reason: `event \`${event.id}\` (${event.date}) joins \`${id}\`, a date of another time (${date}): only the same event, given at another precision, is joined`, fix: 'remove it from `joins:`, or correct the event\'s date.' });
    }
  }
  const current = new Set<string>([...seen.keys(), ...world.derived]);
  for (const event of recorded) {
    for (const old of event.formerly) {
      if (current.has(old)) problems.push({ file, line: event.line, ruleId: 'timeline-formerly-in-use', reason: `event \`${event.id}\` keeps \`${old}\` as a former id, but an event has that id now`, fix: `remove \`${old}\` from \`formerly:\`: two events cannot share an address.` });
    }
  }
  const alive = new Set<string>([...seen.keys(), ...world.derived, ...recorded.flatMap((event) => event.formerly), ...(events ?? []).flatMap((event) => event.formerly)]);
  for (const [id, { line }] of ledger.ids) {
    // An event made from a glossary date or a text's date that was corrected away keeps its anchor
    // on its year page, as a pointer to the entry or text (see retiredAnchors): no one edits it here.
    if (alive.has(id) || isDerivedId(id)) continue;
    // An id used twice beside it: most likely this event, its id changed into the other's (copied with
    // the entry); joining it to that one (`formerly`) would make two events one.
    // (Of several, the one with an event of the year the gone id was published in.)
    const copied = [...twice].find((dup) => recorded.some((event) => event.id === dup && event.date.startsWith(ledger.ids.get(id)!.year))) ?? [...twice][0];
    const copies = copied === undefined ? [] : recorded.filter((event) => event.id === copied).map((event) => event.line);
    problems.push({
      file: ledger.file,
      line,
      ruleId: 'timeline-published-id-gone',
      reason: copied
        ? `the event \`${id}\` was published on the timeline and no event has that id now, while ${copies.length} events have the id \`${copied}\` (${file}, lines ${copies.slice(0, -1).join(', ')} and ${copies.at(-1)})`
        : `the event \`${id}\` was published on the timeline and no event has that id now.${didYouMean(id, alive)}`,
      fix: copied
        ? `one of those ${copies.length} is most likely this event, its id changed: give it back \`id: ${id}\`. If it was replaced by another event, add \`formerly: [${id}]\` to that one instead.`
        : `keep its address alive: add \`formerly: [${id}]\` to the event that replaces it in ${file}, or restore the event.`,
    });
  }
  return problems;
}

/** The ledger with the current events added, each with the key of its page (ids never removed; a page already recorded is kept). */
export function updatedLedger(ledger: Readonly<Record<string, string>>, events: readonly TimelineEvent[], most: number = TIMELINE_PAGE_EVENTS): Record<string, string> {
  const next: Record<string, string> = { ...ledger };
  // The page that lists it now: its year's, or on a year cut into months its month's (which then
  // keeps a pointer when the event leaves it), so that no page's pointers grow with the edition.
  const { homeOf } = timelineLayout(events, most);
  for (const event of events) next[event.id] ??= (homeOf.get(event.id) ?? `timeline/${event.year}/`).slice('timeline/'.length, -1);
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Anchors a page of the axis (`page`: its key, a year or a month) must keep for ids published on it
 * that it no longer lists: an event whose date moved to another year, an id that became another's
 * `formerly`, an event pushed to a month's next page, or, on a year cut into months, every event
 * published on the year's page. `listedHere` says whether the page lists an event (by default,
 * whether it is of the year `page`). Each maps to the event.
 */
export function movedAnchors(page: string, ledger: Readonly<Record<string, string>>, events: readonly TimelineEvent[], listedHere: (event: TimelineEvent) => boolean = (event) => event.year === page): { id: string; to: TimelineEvent }[] {
  const byId = new Map<string, TimelineEvent>();
  for (const event of events) {
    byId.set(event.id, event);
    for (const old of event.formerly) if (!byId.has(old)) byId.set(old, event);
  }
  const moved: { id: string; to: TimelineEvent }[] = [];
  for (const [id, published] of Object.entries(ledger)) {
    if (published !== page) continue;
    const to = byId.get(id);
    if (to && !listedHere(to)) moved.push({ id, to });
  }
  return moved.sort((a, b) => (a.id < b.id ? -1 : 1));
}
