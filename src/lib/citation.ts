/**
 * Citations of the edition: a text, one of its passages or one of its notes, as a Chicago
 * (notes and bibliography) bibliography entry, an APA 7 reference, and BibTeX, RIS and CSL-JSON
 * records. Pure: the pages build the `Citable`s from the edition (src/data/citations.ts) and the
 * note and passage "Cite" of the article page builds them from what the page shows
 * (src/client/cite.ts), so both give the same strings.
 *
 * What is cited is the edition's page (the Borderlines editors, the page's date, its URL with the
 * passage's or note's anchor) and, for a text or a passage, the original it reproduces (author or
 * outlet, title, date), the way the styles cite a work reprinted in a collection:
 *
 *     Isachenkov, Vladimir. “Russian bombers fly over Belarus.” In Borderlines, edited by Borderlines
 *     editors, November 22, 2026. https://…/articles/russian-bombers-fly-over-belarus/. Originally
 *     published by Associated Press, February 5, 2022.
 *
 *     Isachenkov, V. (2026, November 22). Russian bombers fly over Belarus. In Borderlines editors
 *     (Eds.), Borderlines. https://…/articles/russian-bombers-fly-over-belarus/ (Original work
 *     published 2022)
 *
 * Titles are given as the edition gives them: neither style's capitalisation is applied by a
 * program, which would get names (NATO, Belarus) wrong.
 */

import { SITE } from './site.ts';

/** The edition as a container of what is cited. */
export interface Edition {
  /** The edition's name: "Borderlines". */
  title: string;
  /** Who edits it, as a group name: "Borderlines editors". */
  editors: string;
}

/** The original a text or passage reproduces. */
export interface Original {
  /** Personal authors as written, "Vladimir Isachenkov"; may be empty. */
  authors: string[];
  /** The outlet or outlets that published it; may be empty when not known. */
  outlets: string[];
  /** Its title, as the edition gives it. */
  title: string;
  /** Its date or dates, `YYYY-MM-DD`; a compilation has several. */
  dates: string[];
}

/** A text of the edition, or a passage of it: the original as reproduced on the edition's page. */
export interface CitableText {
  kind: 'text' | 'passage';
  /** The record's key, stable: made of the text's slug and the passage's permanent id. */
  key: string;
  original: Original;
  /** The date of the edition's page, `YYYY-MM-DD`. */
  date: string;
  /** Absolute URL of the page, with the passage's anchor for a passage. */
  url: string;
  /** A passage's first words, which tell its record from the text's in a reference manager. */
  opening?: string;
}

/** A note of the edition: the editors' own work, on a passage of a text. */
export interface CitableNote {
  kind: 'note';
  key: string;
  /** What kind of note, as readers see it: "What happened next". */
  label: string;
  /** The words the note is on. */
  exact: string;
  /** The title of the text the note is in. */
  textTitle: string;
  /** When the note was written, and last corrected, `YYYY-MM-DD`. */
  added: string;
  updated?: string | undefined;
  /** Absolute URL of the note: the page with `#note-<id>`. */
  url: string;
}

export type Citable = CitableText | CitableNote;

/** A formatted citation: plain text to copy, and HTML (escaped, with `<i>` for italics) to show. */
export interface Formatted {
  text: string;
  html: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function ymd(value: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) throw new Error(`citation: “${value}” is not a YYYY-MM-DD date. Fix: give dates as YYYY-MM-DD.`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function span(dates: readonly string[]): [Ymd, Ymd] | undefined {
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort();
  return [ymd(sorted[0]!), ymd(sorted[sorted.length - 1]!)];
}

/**
 * A date or span of dates as Chicago writes it (month day, year; en dash in a span).
 *
 * @example chicagoDate(['2022-02-05']) // 'February 5, 2022'
 * @example chicagoDate(['2020-09-01', '2020-09-08']) // 'September 1–8, 2020'
 */
export function chicagoDate(dates: readonly string[]): string {
  const range = span(dates);
  if (!range) return 'n.d.';
  const [a, b] = range;
  const month = (x: Ymd) => MONTHS[x.m - 1]!;
  if (a.y === b.y && a.m === b.m && a.d === b.d) return `${month(a)} ${a.d}, ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${month(a)} ${a.d}–${b.d}, ${a.y}`;
  if (a.y === b.y) return `${month(a)} ${a.d}–${month(b)} ${b.d}, ${a.y}`;
  return `${month(a)} ${a.d}, ${a.y}–${month(b)} ${b.d}, ${b.y}`;
}

/**
 * The date part of an APA reference, without its parentheses.
 *
 * @example apaDate('2026-11-22') // '2026, November 22'
 */
export function apaDate(date: string): string {
  const x = ymd(date);
  return `${x.y}, ${MONTHS[x.m - 1]} ${x.d}`;
}

/** The year or years of `dates`: `2022`, `2021–2022`. */
function years(dates: readonly string[]): string {
  const range = span(dates);
  if (!range) return 'n.d.';
  return range[0].y === range[1].y ? String(range[0].y) : `${range[0].y}–${range[1].y}`;
}

/**
 * A personal name split for citing: the last word is the family name.
 *
 * @example splitName('Vladimir Isachenkov') // { given: 'Vladimir', family: 'Isachenkov' }
 */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? '';
  return { given: words.join(' '), family };
}

/** Initials for APA: "Vladimir" → "V.", "Jean-Paul Marie" → "J.-P. M.". */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .filter(Boolean)
        .map((part) => `${part[0]!.toUpperCase()}.`)
        .join('-'),
    )
    .filter(Boolean)
    .join(' ');
}

/** "A", "A and B", "A, B, and C" (Chicago's serial comma). */
function listWith(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${and} ${items[items.length - 1]}`;
}

function chicagoAuthors(names: readonly string[]): string {
  return listWith(
    names.map((name, index) => {
      const { given, family } = splitName(name);
      return index === 0 && given ? `${family}, ${given}` : name;
    }),
    'and',
  ).replace(/^([^,]+, [^,]+) and /, '$1, and ');
}

function apaAuthors(names: readonly string[]): string {
  const inverted = names.map((name) => {
    const { given, family } = splitName(name);
    return given ? `${family}, ${initials(given)}` : family;
  });
  if (inverted.length <= 1) return inverted.join('');
  return `${inverted.slice(0, -1).join(', ')}, & ${inverted[inverted.length - 1]}`;
}

/** Ends `text` with `mark` unless it already ends with a mark of its own (".", "?", "!"). */
function close(text: string, mark = '.'): string {
  return /[.?!]$/.test(text) ? text : `${text}${mark}`;
}

/** A title set inside double quotation marks, its own double marks turned single (Chicago 13.30). */
function nested(title: string): string {
  return title.replace(/“/g, '‘').replace(/”/g, '’').replace(/"([^"]*)"/g, '‘$1’');
}

/**
 * A quoted title followed by `mark`: the period or comma goes inside the closing quotation mark,
 * after any closing single mark (“… weapons.’”).
 */
function quoted(title: string, mark: string): string {
  const inner = nested(title);
  const closing = /’$/.test(inner) ? '’' : '';
  const words = closing ? inner.slice(0, -1) : inner;
  return /[?!.]$/.test(words) ? `“${inner}”` : `“${words}${mark}${closing}”`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Parts joined into text and HTML; `{ i: … }` is in italics. */
type Part = string | { i: string };

function build(parts: readonly Part[]): Formatted {
  return {
    text: parts.map((part) => (typeof part === 'string' ? part : part.i)).join(''),
    html: parts.map((part) => (typeof part === 'string' ? escapeHtml(part) : `<i>${escapeHtml(part.i)}</i>`)).join(''),
  };
}

/** Shortens the words a note is on for its title: at most `words` words, then an ellipsis. */
export function shortQuote(exact: string, words = 8): string {
  const list = exact.trim().split(/\s+/);
  return list.length <= words ? list.join(' ') : `${list.slice(0, words).join(' ')}…`;
}

/** The title a note is cited by: its kind and the words it is on. */
export function noteTitle(note: Pick<CitableNote, 'label' | 'exact'>): string {
  return `${note.label}: “${shortQuote(note.exact)}”`;
}

/**
 * The Chicago notes-and-bibliography bibliography entry.
 *
 * A text or passage is cited as a work reprinted in a collection (CMOS 14.114): the original's
 * author, its title in quotation marks, "In" the edition "edited by" its editors, the page's date
 * and URL, then "Originally published by" the outlet, with the original's date. Without a personal
 * author the entry begins with the title (CMOS 14.79). A note is the editors' web content (CMOS
 * 14.104): author, title in quotation marks, what it is a note to, the site, date, URL.
 */
export function chicago(item: Citable, edition: Edition): Formatted {
  if (item.kind === 'note') {
    const dated = item.updated ? `${chicagoDate([item.added])}, last modified ${chicagoDate([item.updated])}` : chicagoDate([item.added]);
    return build([`${close(edition.editors)} ${quoted(noteTitle(item), '.')} Note to ${quoted(item.textTitle, '.')} ${edition.title}, ${dated}. ${item.url}.`]);
  }
  const { original } = item;
  const head = original.authors.length > 0 ? `${close(chicagoAuthors(original.authors))} ${quoted(original.title, '.')}` : quoted(original.title, '.');
  const by = original.outlets.length > 0 ? ` by ${listWith(original.outlets, 'and')}` : '';
  return build([`${head} In ${edition.title}, edited by ${edition.editors}, ${chicagoDate([item.date])}. ${item.url}. Originally published${by}, ${chicagoDate(original.dates)}.`]);
}

/**
 * The APA 7 reference.
 *
 * A text or passage is a republished work in an edited collection: author (or, without one, the
 * principal outlet as group author), the page's date, the title, "In" the editors "(Eds.)", the edition in
 * italics, the URL, and "(Original work published <year>)". A note is a web page: the editors as
 * group author, the date (of the last correction, if any), the title in italics with a description
 * in square brackets, the site, the URL.
 */
export function apa(item: Citable, edition: Edition): Formatted {
  if (item.kind === 'note') {
    const date = item.updated ?? item.added;
    return build([`${close(edition.editors)} (${apaDate(date)}). `, { i: noteTitle(item) }, ` [Note on “${item.textTitle}”]. ${edition.title}. ${item.url}`]);
  }
  const { original } = item;
  // Without a personal author, the principal outlet (the first) is the group author.
  const author = original.authors.length > 0 ? apaAuthors(original.authors) : (original.outlets[0] ?? '');
  const title = close(original.title);
  const head = author ? `${close(author)} (${apaDate(item.date)}). ${title}` : `${title} (${apaDate(item.date)}).`;
  return build([`${head} In ${edition.editors} (Eds.), `, { i: edition.title }, `. ${item.url} (Original work published ${years(original.dates)})`]);
}

/** The CSL-JSON record of `item` (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  editor: { literal: string }[];
  'container-title': string;
  publisher: string;
  issued: { 'date-parts': [number, number, number][] };
  accessed: { 'date-parts': [number, number, number][] };
  'original-title'?: string;
  'original-publisher'?: string;
  'original-date'?: { 'date-parts': [number, number, number][] };
  URL: string;
  language: string;
  note?: string;
}

const parts = (date: string): [number, number, number] => {
  const x = ymd(date);
  return [x.y, x.m, x.d];
};

const dateVariable = (dates: readonly string[]) => {
  const range = span(dates)!;
  const first = [range[0].y, range[0].m, range[0].d] as [number, number, number];
  const last = [range[1].y, range[1].m, range[1].d] as [number, number, number];
  return { 'date-parts': first.join() === last.join() ? [first] : [first, last] };
};

function personOrLiteral(name: string): { family: string; given: string } | { literal: string } {
  const { given, family } = splitName(name);
  return given ? { family, given } : { literal: name };
}

/**
 * The CSL-JSON item. `accessed` is the day the file was made (the build), which a reader's
 * reference manager may replace with the day of reading.
 */
export function cslItem(item: Citable, edition: Edition, accessed: string, language = 'en-GB'): CslItem {
  const common = {
    id: item.key,
    type: 'webpage' as const,
    editor: [{ literal: edition.editors }],
    'container-title': edition.title,
    publisher: edition.editors,
    accessed: { 'date-parts': [parts(accessed)] },
    URL: item.url,
    language,
  };
  if (item.kind === 'note') {
    return {
      ...common,
      title: noteTitle(item),
      author: [{ literal: edition.editors }],
      issued: { 'date-parts': [parts(item.updated ?? item.added)] },
      note: `Note on “${item.textTitle}”${item.updated ? `; added ${item.added}, last corrected ${item.updated}` : ''}`,
    };
  }
  const { original } = item;
  const authors = original.authors.length > 0 ? original.authors.map(personOrLiteral) : original.outlets.map((literal) => ({ literal }));
  return {
    ...common,
    title: original.title,
    ...(authors.length > 0 ? { author: authors } : {}),
    issued: { 'date-parts': [parts(item.date)] },
    'original-title': original.title,
    ...(original.outlets.length > 0 ? { 'original-publisher': original.outlets.join('; ') } : {}),
    ...(original.dates.length > 0 ? { 'original-date': dateVariable(original.dates) } : {}),
    ...(item.kind === 'passage' ? { note: `The passage ${item.opening ? `beginning “${item.opening}” ` : ''}of “${original.title}”` } : {}),
  };
}

/** A CSL-JSON file: the items, as a JSON array, one item a line (a text has dozens; indenting them doubled the file). */
export function cslJson(items: readonly Citable[], edition: Edition, accessed: string): string {
  return `[\n${items.map((item) => JSON.stringify(cslItem(item, edition, accessed))).join(',\n')}\n]\n`;
}

/** Braces and TeX's special characters escaped for a BibTeX field; the text is otherwise kept (UTF-8). */
export function bibtexEscape(value: string): string {
  return value.replace(/\\/g, '\\textbackslash{}').replace(/([{}&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX key: the record's key with anything outside `[A-Za-z0-9:._-]` made a hyphen. */
export function bibtexKey(key: string): string {
  return key.replace(/[^A-Za-z0-9:._-]/g, '-');
}

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * One BibTeX record, `@online` (biblatex; BibTeX's standard styles read it as `@misc`). Names are
 * "Family, Given"; a group name is braced so that it is not split.
 */
export function bibtexEntry(item: Citable, edition: Edition, accessed: string): string {
  const csl = cslItem(item, edition, accessed);
  const name = (person: NonNullable<CslItem['author']>[number]) => ('literal' in person ? `{${bibtexEscape(person.literal)}}` : `${bibtexEscape(person.family)}, ${bibtexEscape(person.given)}`);
  const issued = csl.issued['date-parts'][0]!;
  const fields: [string, string][] = [
    ...(csl.author ? [['author', csl.author.map(name).join(' and ')] as [string, string]] : []),
    ['editor', `{${bibtexEscape(edition.editors)}}`],
    ['title', `{${bibtexEscape(csl.title)}}`],
    ['organization', bibtexEscape(edition.title)],
    ['year', String(issued[0])],
    ['month', MONTH_ABBR[issued[1] - 1]!],
    ['date', `${issued[0]}-${String(issued[1]).padStart(2, '0')}-${String(issued[2]).padStart(2, '0')}`],
    ['url', csl.URL],
    ['urldate', accessed],
    ['langid', 'english'],
    ...(item.kind !== 'note' && csl['original-date']
      ? [['origdate', csl['original-date']['date-parts'].map((d) => d.map((n) => String(n).padStart(2, '0')).join('-')).join('/')] as [string, string]]
      : []),
    ['note', bibtexEscape([...(csl.note ? [csl.note] : []), ...(item.kind === 'note' ? [] : [`originally published${csl['original-publisher'] ? ` by ${csl['original-publisher']}` : ''}, ${chicagoDate(item.original.dates)}`])].join('; ').replace(/^./, (c) => c.toUpperCase()))],
  ];
  // Field values with a month macro (`month = feb`) are bare; everything else is braced.
  const body = fields.map(([key, value]) => `  ${key} = ${key === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@online{${bibtexKey(item.key)},\n${body}\n}\n`;
}

/** A BibTeX file of `items`. */
export function bibtex(items: readonly Citable[], edition: Edition, accessed: string): string {
  return items.map((item) => bibtexEntry(item, edition, accessed)).join('\n');
}

/** One RIS record (`TY  - ELEC` … `ER  - `), lines ending in CRLF as the format asks. */
export function risEntry(item: Citable, edition: Edition, accessed: string): string {
  const csl = cslItem(item, edition, accessed);
  const [y, m, d] = csl.issued['date-parts'][0]!;
  const slashed = (date: string) => date.replace(/-/g, '/');
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines: [string, string][] = [
    ['TY', 'ELEC'],
    ['ID', item.key],
    ...(csl.author ?? []).map((person) => ['AU', 'literal' in person ? person.literal : `${person.family}, ${person.given}`] as [string, string]),
    ['A2', edition.editors],
    ['TI', csl.title],
    ['T2', edition.title],
    ['PB', edition.editors],
    ['PY', String(y)],
    ['DA', `${y}/${pad(m)}/${pad(d)}`],
    ['Y2', slashed(accessed)],
    ['UR', csl.URL],
    ['LA', csl.language],
    ...(item.kind !== 'note' && item.original.dates.length > 0 ? [['OP', `${item.original.title} (${csl['original-publisher'] ?? 'outlet not known'}, ${chicagoDate(item.original.dates)})`] as [string, string]] : []),
    ...(csl.note ? [['N1', csl.note] as [string, string]] : []),
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`.trimEnd() + (tag === 'ER' ? ' ' : '')).join('\r\n') + '\r\n';
}

/** A RIS file of `items`, a blank line between records. */
export function ris(items: readonly Citable[], edition: Edition, accessed: string): string {
  return items.map((item) => risEntry(item, edition, accessed)).join('\r\n');
}

/** The edition as the container of what is cited: its title and its editors as a group. */
export const EDITION: Edition = { title: SITE.title, editors: `${SITE.title} editors` };

/** The keys of the records: a text's is made of its slug, a passage's and a note's of their permanent ids. */
export const textKey = (slug: string) => `borderlines:${slug}`;
export const passageKey = (slug: string, passage: string) => `${textKey(slug)}:${passage}`;
export const noteKey = (slug: string, note: string) => `${textKey(slug)}:note-${note}`;

type OriginalTuple = [authors: string[], outlets: string[], title: string, dates: string[]];

/**
 * What an article page carries for its passages' and notes' "Cite" (the `data-cite` attribute of
 * its Cite box), kept short; the page's URL is its canonical link, the edition is {@link EDITION},
 * and a piece of a compilation is read from its heading and the line under it.
 */
export interface PageCiteData {
  /** The text's original: authors, outlets, title, dates. */
  o: OriginalTuple;
  /** The page's date. */
  d: string;
}

const toOriginal = ([authors, outlets, title, dates]: OriginalTuple): Original => ({ authors, outlets, title, dates });

/** The page data of a text. */
export function pageCiteData(text: CitableText): PageCiteData {
  const { authors, outlets, title, dates } = text.original;
  return { o: [authors, outlets, title, dates], d: text.date };
}

/** Where a passage or note of a page is: the page's slug and absolute URL (without fragment). */
export interface PageAddress {
  slug: string;
  url: string;
}

/** A passage, from page data; `piece` is the original of the piece of a compilation it is in, if any. */
export function passageFromPage(data: PageCiteData, page: PageAddress, passage: string, piece?: Original): CitableText {
  return { kind: 'passage', key: passageKey(page.slug, passage), original: piece ?? toOriginal(data.o), date: data.d, url: `${page.url}#${passage}` };
}

/** A note, from page data and what its card shows. */
export function noteFromPage(data: PageCiteData, page: PageAddress, note: { id: string; label: string; exact: string; added: string; updated?: string | undefined }): CitableNote {
  return {
    kind: 'note',
    key: noteKey(page.slug, note.id),
    label: note.label,
    exact: note.exact,
    textTitle: data.o[2],
    added: note.added,
    ...(note.updated ? { updated: note.updated } : {}),
    url: `${page.url}#note-${note.id}`,
  };
}

/** One line of `cite-data/<n>.jsonl`: what src/integrations/cite-files.ts writes a text's three files from. */
export interface CiteLine {
  slug: string;
  /** Changes when the files would (the text, its notes, its passages, the day they are accessed). */
  key: string;
  accessed: string;
  items: Citable[];
}
