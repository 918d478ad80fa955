/**
 * How well a stretch of text answers a query, and how the lines of a search are grouped, ordered
 * and counted. Pure: the search UI (src/client/search/) feeds it Pagefind's words; tests feed it
 * strings (tests/unit/lib/search-rank.test.ts).
 *
 * Pagefind ranks pages, and any page that holds all the query's words somewhere is a result; it
 * does not tell which of a page's paragraphs holds the phrase. A reader who types "Open Skies"
 * wants the paragraphs that say "Open Skies" before the ones that say "open", so each line is given
 * a tier: the whole phrase, every word, or some of them.
 */
import { quoted } from './attribution.ts';

/** A line holds the query's words in order, next to each other. */
export const PHRASE = 3;
/** A line holds every word of the query, apart. */
export const ALL_WORDS = 2;
/** A line holds some of the query's words (or was found by Pagefind's own stemming or fuzzing). */
export const SOME_WORDS = 1;

/**
 * A word as it is compared: lower case, accents and punctuation at either end gone, curly
 * apostrophes straight.
 *
 * @example normaliseWord('“Tsikhanoúskaya’s,') // "tsikhanouskaya's"
 */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * A query word cut to the part every form of it starts with, as English endings go: a text that
 * says "skies" answers "sky", one that says "exercises" answers "exercise".
 *
 * @example stemOf('Treaties') // 'treat'
 */
export function stemOf(word: string): string {
  const plain = normaliseWord(word);
  if (plain.length <= 4) return plain;
  const stem = plain.replace(/(ies|es|s|ed|ing|y|e)$/, '');
  return stem.length >= 3 ? stem : plain;
}

/** The words of a query that count: normalised, without empties. */
export function queryWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map((word) => stemOf(word.replace(/^"|"$/g, '')))
    .filter(Boolean);
}

/** Whether a word of the text is a form of the (stemmed) query word. */
export function wordMatches(textWord: string, stem: string): boolean {
  const plain = normaliseWord(textWord);
  // A hyphenated word answers each of its parts: "Iskander-M" answers "Iskander".
  return plain.startsWith(stem) || plain.split(/[-/]/).some((part) => part.startsWith(stem));
}

/**
 * The tier of `words[from, to)` for the query's stems: PHRASE when they stand in order next to each
 * other (a single word is its own phrase), ALL_WORDS, SOME_WORDS, or 0 when none is there.
 *
 * @example tierOf(['the', 'Open', 'Skies', 'Treaty'], ['open', 'ski']) // PHRASE
 */
export function tierOf(words: readonly string[], stems: readonly string[], from = 0, to = words.length): number {
  if (stems.length === 0) return 0;
  const found = new Set<number>();
  let phrase = false;
  for (let at = from; at < to; at++) {
    stems.forEach((stem, index) => {
      if (wordMatches(words[at]!, stem)) found.add(index);
    });
    if (!phrase && at + stems.length <= to && stems.every((stem, index) => wordMatches(words[at + index]!, stem))) phrase = true;
  }
  if (phrase) return PHRASE;
  if (found.size === stems.length) return ALL_WORDS;
  return found.size > 0 ? SOME_WORDS : 0;
}

/** One line of the results, as far as grouping and counting go. */
export interface Rankable {
  type: 'Text' | 'Note' | 'Term' | 'Claim' | 'Event';
  /** The page the line is on. */
  page: string;
  tier: number;
  /** Where the line starts in its page, in words. */
  location: number;
  /** The line is the text's own words (a passage or heading), not the edition's (a note, the provenance). */
  source?: boolean;
}

/** Lines under one heading: a text's, or the glossary's. */
export interface Group<T extends Rankable> {
  /** The text's page, or `glossary`. */
  key: string;
  lines: T[];
}

/**
 * The lines under their texts, the glossary's terms together. Groups go: a term the query names
 * first (`named`), then by their best line's tier, then in the order Pagefind ranked their pages
 * (`rank`, lower first), a group of timeline events after the others of its tier; lines in a group by
 * tier, then the text's own words before the notes on them (a reader who searches a figure the text
 * gives lands on the text, its note beside it), then in the order of the text.
 */
export function groupLines<T extends Rankable>(lines: readonly T[], rank: (line: T) => number, named: (line: T) => boolean = () => false): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  const own = (line: T) => Number(line.source === true);
  for (const line of lines) {
    const key = line.type === 'Term' ? 'glossary' : line.type === 'Claim' ? 'claims' : line.page;
    const group = groups.get(key) ?? { key, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  const best = (group: Group<T>) => Math.max(...group.lines.map((line) => line.tier));
  const first = (group: Group<T>) => Math.min(...group.lines.map(rank));
  const names = (group: Group<T>) => group.lines.some(named);
  for (const group of groups.values()) {
    group.lines.sort((a, b) => Number(named(b)) - Number(named(a)) || (a.type === 'Term' ? rank(a) - rank(b) : b.tier - a.tier || own(b) - own(a) || a.location - b.location));
  }
  // Claims restate what the texts say: their group comes after the texts' and the glossary's. A timeline
  // event restates what a note or a term says: at the same tier, the texts and terms come first.
  const claims = (group: Group<T>) => Number(group.key === 'claims');
  const events = (group: Group<T>) => Number(group.lines.every((line) => line.type === 'Event'));
  return [...groups.values()].sort((a, b) => claims(a) - claims(b) || Number(names(b)) - Number(names(a)) || best(b) - best(a) || events(a) - events(b) || first(a) - first(b));
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * What a list of lines holds, in words, counted from the lines themselves so that it cannot
 * disagree with them: "11 passages and notes in 7 texts, 1 term".
 *
 * @example countLabel([{ type: 'Text', page: 'a' }, { type: 'Note', page: 'a' }]) // '2 passages and notes in 1 text'
 */
export function countLabel(lines: readonly Pick<Rankable, 'type' | 'page' | 'source'>[]): string {
  // A line of the provenance box ("About this copy") is listed as "Provenance", not as a passage.
  const passages = lines.filter((line) => line.type === 'Text' && line.source !== false).length;
  const records = lines.filter((line) => line.type === 'Text' && line.source === false).length;
  const notes = lines.filter((line) => line.type === 'Note').length;
  const terms = lines.filter((line) => line.type === 'Term').length;
  const claims = lines.filter((line) => line.type === 'Claim').length;
  const events = lines.filter((line) => line.type === 'Event').length;
  const texts = new Set(lines.filter((line) => (line.type === 'Text' && line.source !== false) || line.type === 'Note').map((line) => line.page)).size;
  const parts: string[] = [];
  if (passages + notes > 0) {
    const what = passages > 0 && notes > 0 ? `${passages + notes} passages and notes` : passages > 0 ? plural(passages, 'passage') : plural(notes, 'note');
    parts.push(`${what} in ${plural(texts, 'text')}`);
  }
  if (records > 0) parts.push(plural(records, 'provenance record'));
  if (terms > 0) parts.push(plural(terms, 'term'));
  if (claims > 0) parts.push(plural(claims, 'claim'));
  if (events > 0) parts.push(plural(events, 'timeline event'));
  return parts.join(', ');
}

/**
 * The last line of a group that holds lines back (src/client/search/hits.ts, `extra`): how many
 * more, of what, and where.
 *
 * @example heldLabel([{ type: 'Text' }, { type: 'Text' }, { type: 'Note' }]) // 'Show 2 more passages and 1 more note in this text'
 * @example heldLabel([{ type: 'Event' }]) // 'Show 1 more event on this page'
 */
export function heldLabel(held: readonly Pick<Rankable, 'type' | 'source'>[]): string {
  const count = (type: Rankable['type']) => held.filter((line) => line.type === type && line.source !== false).length;
  const more = (number: number, one: string) => (number > 0 ? [`${number} more ${number === 1 ? one : `${one}s`}`] : []);
  const events = count('Event');
  const records = held.filter((line) => line.type === 'Text' && line.source === false).length;
  const parts = [...more(count('Text'), 'passage'), ...more(count('Note'), 'note'), ...(records > 0 ? ['the provenance record'] : []), ...more(events, 'event')];
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
  return `Show ${what} ${events > 0 ? 'on this page' : 'in this text'}`;
}

/**
 * Pagefind's results with those that hold the exact phrase first, each part in Pagefind's order.
 * `phrase` is the ids a quoted search found.
 */
export function phraseFirst<T extends { id: string }>(results: readonly T[], phrase: ReadonlySet<string>): T[] {
  return [...results.filter((result) => phrase.has(result.id)), ...results.filter((result) => !phrase.has(result.id))];
}

/**
 * Words between the edition's quotation marks, as the notice quotes what was searched: a query typed
 * in quotes keeps one pair (“"Open Skies"” read as doubled marks), and quotes within it turn single.
 *
 * @example inQuotes('"Open Skies"') // '“Open Skies”'
 * @example inQuotes('"Open Skies" treaty') // '“‘Open Skies’ treaty”'
 */
export function inQuotes(text: string): string {
  return quoted(text.replace(/^\s*["“]([^"“”]*)["”]\s*$/, '$1'));
}
