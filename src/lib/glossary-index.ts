/**
 * The order of the glossary's A–Z: by each entry's sort key (`sortKey` in its front matter, the
 * surname first for people: "Putin, Vladimir"), else by its name, and under a complete letter bar.
 */

/** The 26 letters of the bar, always all shown: a letter without entries is shown but not a link. */
export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const;

/** What the index needs of an entry. */
export interface Sortable {
  term: string;
  sortKey?: string | undefined;
}

/** The key an entry is sorted and filed by. @example sortKeyOf({ term: 'Vladimir Putin', sortKey: 'Putin, Vladimir' }) // 'Putin, Vladimir' */
export function sortKeyOf(entry: Sortable): string {
  return (entry.sortKey ?? entry.term).trim();
}

/**
 * The letter an entry is filed under: the first letter of its key, without accents, in capitals;
 * `#` for a key that starts with a digit or a sign.
 *
 * @example letterOf('Śhoigu') // 'S'
 * @example letterOf('5G') // '#'
 */
export function letterOf(key: string): string {
  const first = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim()[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(first) ? first : '#';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares two entries by their sort keys, ignoring case and accents. */
export function compareEntries(a: Sortable, b: Sortable): number {
  return collator.compare(sortKeyOf(a), sortKeyOf(b)) || collator.compare(a.term, b.term);
}

/** One letter of the index, with its entries in order (none for a letter without entries). */
export interface IndexLetter<T> {
  letter: string;
  entries: T[];
}

/**
 * The index: every letter A–Z in order, each with its entries sorted by key, and `#` at the end
 * when any key starts with something other than a letter.
 *
 * @example glossaryIndex([{ term: 'Vladimir Putin', sortKey: 'Putin, Vladimir' }]).find((l) => l.letter === 'P')?.entries.length // 1
 */
export function glossaryIndex<T extends Sortable>(entries: readonly T[]): IndexLetter<T>[] {
  const sorted = [...entries].sort(compareEntries);
  const letters: IndexLetter<T>[] = LETTERS.map((letter) => ({ letter, entries: sorted.filter((entry) => letterOf(sortKeyOf(entry)) === letter) }));
  const other = sorted.filter((entry) => letterOf(sortKeyOf(entry)) === '#');
  return other.length > 0 ? [...letters, { letter: '#', entries: other }] : letters;
}

/**
 * How an entry's place in the texts is counted for readers: "9 mentions", "1 mention", or, for a
 * term no text names, why it is in the glossary ("not named in the texts; in 2 notes").
 *
 * @example mentionLabel(9, 0) // '9 mentions'
 * @example mentionLabel(0, 1) // 'not named in the texts; in 1 note'
 */
export function mentionLabel(mentions: number, notes: number): string {
  if (mentions > 0) return `${mentions.toLocaleString('en-GB')} ${mentions === 1 ? 'mention' : 'mentions'}`;
  if (notes > 0) return `not named in the texts; in ${notes.toLocaleString('en-GB')} ${notes === 1 ? 'note' : 'notes'}`;
  return 'not named in the texts';
}

/** A sentence of a text that names a term, once however often it names it, with the names picked out. */
export interface MentionSentence {
  /** The passage (paragraph or heading) it is in. */
  passage: string;
  /** The sentence, in pieces: `strong` for the term's words. */
  pieces: { text: string; strong: boolean }[];
}

/**
 * The sentences of a term's mentions in one text, in order: mentions in the same sentence of the
 * same passage (consecutive, as the text has them) give the sentence once, with each of their
 * words picked out wherever they stand in it. A term's page listed such a sentence once per
 * mention, the first name picked out each time, so that "NATO … NATO" read as the same line twice.
 *
 * @example mentionSentences([{ passage: 'p1', text: 'NATO', sentence: 'NATO and NATO.' }, { passage: 'p1', text: 'NATO', sentence: 'NATO and NATO.' }]).length // 1
 */
export function mentionSentences(mentions: readonly { passage: string; text: string; sentence: string }[]): MentionSentence[] {
  const groups: { passage: string; sentence: string; words: Set<string> }[] = [];
  for (const { passage, text, sentence } of mentions) {
    const last = groups.at(-1);
    if (last && last.passage === passage && last.sentence === sentence) last.words.add(text);
    else groups.push({ passage, sentence, words: new Set([text]) });
  }
  return groups.map(({ passage, sentence, words }) => ({ passage, pieces: pickOut(sentence, [...words]) }));
}

/** `sentence` in pieces, every occurrence of any of `words` (longest first where they overlap) marked strong. */
function pickOut(sentence: string, words: readonly string[]): { text: string; strong: boolean }[] {
  const wanted = [...words].filter((word) => word !== '').sort((a, b) => b.length - a.length);
  const pieces: { text: string; strong: boolean }[] = [];
  let plain = '';
  for (let at = 0; at < sentence.length; ) {
    const word = wanted.find((candidate) => sentence.startsWith(candidate, at));
    if (word) {
      if (plain) pieces.push({ text: plain, strong: false });
      plain = '';
      pieces.push({ text: word, strong: true });
      at += word.length;
    } else {
      plain += sentence[at];
      at++;
    }
  }
  if (plain) pieces.push({ text: plain, strong: false });
  return pieces;
}
