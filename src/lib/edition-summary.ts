/**
 * How the edition describes itself (home page, About, page descriptions, share images, the feed),
 * worked out from its texts so that no number of texts, years or kinds of outlet is written by hand:
 * a sixth text changes every one of them.
 */
import { OUTLET_KIND_LABELS } from '../schemas/article.ts';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A count as a reader writes it: words up to twelve, figures beyond.
 *
 * @example countWord(5) // 'five'
 * @example countWord(1234) // '1,234'
 */
export function countWord(count: number): string {
  return WORDS[count] ?? count.toLocaleString('en-GB');
}

/** The same, with a capital. */
export function countWordCapitalised(count: number): string {
  const word = countWord(count);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The years the dates span.
 *
 * @example yearSpan(['2020-05-22', '2022-12-21']) // '2020–2022'
 * @example yearSpan(['2021-03-01']) // '2021'
 */
export function yearSpan(dates: readonly string[]): string {
  const years = dates.map((date) => date.slice(0, 4)).sort();
  if (years.length === 0) return '';
  const [first, last] = [years[0]!, years.at(-1)!];
  return first === last ? first : `${first}–${last}`;
}

/**
 * The first and last months of the dates, for "written between … and …".
 *
 * @example monthSpan(['2020-05-22', '2022-12-21']) // ['May 2020', 'December 2022']
 */
export function monthSpan(dates: readonly string[]): [string, string] | undefined {
  const sorted = [...dates].sort();
  if (sorted.length === 0) return undefined;
  const month = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return [month(sorted[0]!), month(sorted.at(-1)!)];
}

/** `a, b and c`. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The kinds of outlet the texts come from, each counted once per outlet.
 *
 * @example outletKinds([{ name: 'AP', kind: 'news-agency' }, { name: 'A', kind: 'blog' }, { name: 'B', kind: 'blog' }])
 * // 'a news agency and blogs'
 */
export function outletKinds(outlets: readonly { name: string; kind: keyof typeof OUTLET_KIND_LABELS }[]): string {
  const byKind = new Map<string, Set<string>>();
  for (const outlet of outlets) {
    const names = byKind.get(outlet.kind) ?? new Set<string>();
    names.add(outlet.name);
    byKind.set(outlet.kind, names);
  }
  const order = Object.keys(OUTLET_KIND_LABELS);
  const phrases = [...byKind]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([kind, names]) => {
      const label = OUTLET_KIND_LABELS[kind as keyof typeof OUTLET_KIND_LABELS].toLowerCase();
      if (names.size === 1) return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
      return label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`;
    });
  return listOf(phrases);
}
