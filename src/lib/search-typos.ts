/**
 * Typos forgiven: the edition's vocabulary, built once at build time
 * (src/pages/[vocabulary].json.ts), and the nearest spelling of a query in it. Pagefind
 * forgives some slips on its own ("Iskandar" finds Iskander) but not others ("Lukashneko" finds
 * nothing, "Kalinigrad" finds a stray word), so when a search finds little the UI loads the
 * vocabulary and asks {@link suggest}. Pure; tested in tests/unit/lib/search-typos.test.ts.
 */
import { normaliseWord } from './search-rank.ts';

/** What the vocabulary endpoint serves. */
export interface Vocabulary {
  /** Glossary names: each term's name and aliases, as written. */
  names: string[];
  /** Words of the edition (texts, notes, glossary), as most often written, common ones first. */
  words: string[];
}

/** A word met this many times or more wins a tie against a rarer one. */
const COMMON = 3;

/** Words shorter than this are not in the vocabulary and are not corrected: too many are near. */
export const MIN_LENGTH = 4;

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `max + 1` as soon as it
 * is sure to exceed `max`.
 *
 * @example distance('lukashneko', 'lukashenko', 2) // 1
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** How many slips a word of this length may hold: one up to six letters, two beyond. */
export function allowedSlips(length: number): number {
  return length < MIN_LENGTH ? 0 : length <= 6 ? 1 : 2;
}

/** The nearest entry of `candidates` to `word` within its allowed slips, the first on a tie. */
function nearest(word: string, candidates: readonly string[], key: (candidate: string) => string = normaliseWord): string | undefined {
  const max = allowedSlips(word.length);
  if (max === 0) return undefined;
  let found: string | undefined;
  let best = max + 1;
  for (const candidate of candidates) {
    const d = distance(word, key(candidate), Math.min(max, best - 1));
    if (d < best) {
      best = d;
      found = candidate;
      if (d === 0) break;
    }
  }
  return best <= max ? found : undefined;
}

const phraseKey = (name: string) => name.split(/\s+/).map(normaliseWord).join(' ');

/**
 * The query as the edition spells it, or undefined when every word is already the edition's (or
 * nothing is near). A query one or two letters off a glossary name or alias becomes that name;
 * otherwise each word off the vocabulary becomes its nearest word.
 *
 * @example suggest('Lukashneko', { names: ['Alexander Lukashenko'], words: ['Lukashenko'] }) // 'Lukashenko'
 * @example suggest('Opn Skies', { names: ['Open Skies'], words: [] }) // 'Open Skies'
 */
export function suggest(query: string, vocabulary: Vocabulary): string | undefined {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  if (typed.length === 0) return undefined;
  const key = typed.map(normaliseWord).join(' ');
  const names = vocabulary.names.map(phraseKey);
  if (names.includes(key)) return undefined;
  const name = nearest(key, vocabulary.names, phraseKey);
  if (name) return name;
  const known = new Set(vocabulary.words.map(normaliseWord));
  for (const name of vocabulary.names) for (const word of name.split(/\s+/)) known.add(normaliseWord(word));
  let changed = false;
  const words = typed.map((word) => {
    const plain = normaliseWord(word);
    if (plain.length < MIN_LENGTH || known.has(plain) || /\d/.test(plain)) return word;
    const near = nearest(plain, [...vocabulary.names.flatMap((n) => n.split(/\s+/)), ...vocabulary.words]);
    if (!near) return word;
    changed = true;
    return near;
  });
  return changed ? words.join(' ') : undefined;
}

/**
 * The vocabulary of some texts: their words of MIN_LENGTH letters or more, each in the form it is
 * most often written (so "Iskander", not "iskander"), the common ones first; and the glossary's names.
 *
 * @example vocabularyOf(['Iskander missiles, Iskander'], ['Iskander']).words // ['Iskander', 'missiles']
 */
export function vocabularyOf(texts: readonly string[], names: readonly string[]): Vocabulary {
  // Thousands of texts hold millions of words but tens of thousands of distinct ones: each is
  // counted as written, then trimmed and normalised once (per word, this took 10 s at 1,000 texts).
  const written = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/\p{L}[\p{L}\p{M}'’]*/gu)) written.set(match[0], (written.get(match[0]) ?? 0) + 1);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const [token, count] of written) {
    const word = token.replace(/['’]s?$/u, '');
    const plain = normaliseWord(word);
    if (plain.length < MIN_LENGTH) continue;
    const forms = counts.get(plain) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + count);
    counts.set(plain, forms);
  }
  const total = (forms: Map<string, number>) => [...forms.values()].reduce((sum, n) => sum + n, 0);
  // Two bands, each in alphabetical order: the words met COMMON times or more, which win a tie,
  // then the rest. Alphabetical order compresses a sixth better than order of frequency.
  const band = (forms: Map<string, number>) => (total(forms) >= COMMON ? 0 : 1);
  const words = [...counts]
    .sort(([a, formsA], [b, formsB]) => band(formsA) - band(formsB) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, forms]) => [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  return { names: [...new Set(names)], words };
}
