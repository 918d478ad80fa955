/**
 * Lists too long for one page (the texts of the edition, the places a term occurs, the notes) are
 * split into pages of a fixed size: page 1 at the list's own address, page n at `<address>n/`.
 * An edition of a few texts has one page of each, and no page numbers at all.
 */

/**
 * Texts per page of a list of texts. The environment's `TEXTS_PER_PAGE` sets another, for tests
 * that need a list of the five texts over several pages.
 */
export const TEXTS_PER_PAGE = Number(globalThis.process?.env['TEXTS_PER_PAGE']) || 50;

/**
 * What a page of a list of texts holds at most when each text brings a list of its own: the
 * places a term occurs in it (a term's page), its notes (the notes index). Fifty texts to a page
 * made a page of the notes index of 1,043 notes (887 KB of HTML) and a page of NATO's places of
 * 1,193 (485 KB) at the bench's hundred texts; a page of about 250 places or 150 notes is
 * 100–150 KB. The environment sets others for tests, as TEXTS_PER_PAGE.
 */
export const PLACES_PER_PAGE = Number(globalThis.process?.env['PLACES_PER_PAGE']) || 250;
export const NOTES_PER_PAGE = Number(globalThis.process?.env['NOTES_PER_PAGE']) || 150;

export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  /** Index of the first item in the whole list (0-based). */
  start: number;
  total: number;
}

/** The pages of `items`, at least one (empty). */
export function paginate<T>(items: readonly T[], size: number = TEXTS_PER_PAGE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
    start: index * size,
    total: items.length,
  }));
}

/**
 * The pages of `items` when each weighs `weight(item)` (a text by its places or notes): a page
 * holds at most `size` items and, unless its one item alone weighs more, at most `budget`. An item
 * is never split: a text stays whole on one page. At least one (empty) page.
 *
 * @example paginateByWeight([3, 3, 5, 1], (n) => n, 6, 50).map((page) => page.items) // [[3, 3], [5, 1]]
 */
export function paginateByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number, size: number = TEXTS_PER_PAGE): Page<T>[] {
  const runs: { start: number; items: T[] }[] = [];
  let run: { start: number; items: T[] } | undefined;
  let held = 0;
  for (const [index, item] of items.entries()) {
    const heavy = weight(item);
    if (!run || run.items.length >= size || held + heavy > budget) {
      run = { start: index, items: [] };
      runs.push(run);
      held = 0;
    }
    run.items.push(item);
    held += heavy;
  }
  if (runs.length === 0) runs.push({ start: 0, items: [] });
  return runs.map(({ start, items: list }, index) => ({ number: index + 1, count: runs.length, items: list, start, total: items.length }));
}

/**
 * The address of page `number` of a list at `first` (a path ending in `/`).
 *
 * @example pageAddress('/glossary/nato/', 1) // '/glossary/nato/'
 * @example pageAddress('/glossary/nato/', 3) // '/glossary/nato/3/'
 */
export function pageAddress(first: string, number: number): string {
  return number === 1 ? first : `${first}${number}/`;
}

/**
 * The pages a renamed text's list keeps at its old address: for each page of the list at the new
 * address, the old slug, the page's route parameter (undefined for page 1) and where it sends readers.
 *
 * @example movedPages([['old', 'new']], () => [1, 2, 3], 2, (slug) => `/t/${slug}/`) // [{ old: 'old', page: undefined, movedTo: '/t/new/' }, { old: 'old', page: '2', movedTo: '/t/new/2/' }]
 */
export function movedPages<T>(renamed: readonly (readonly [string, string])[], items: (slug: string) => readonly T[], size: number, first: (slug: string) => string): { old: string; page: string | undefined; movedTo: string }[] {
  return renamed.flatMap(([old, now]) =>
    paginate(items(now), size).map((page) => ({ old, page: page.number === 1 ? undefined : String(page.number), movedTo: pageAddress(first(now), page.number) })),
  );
}


/** A run of one group's items on a page: the group, and its first and last-plus-one item there. */
export interface Span {
  group: string;
  from: number;
  to: number;
}

/**
 * The pages of a list made of groups laid end to end (the notes of each text, in the edition's
 * order), planned from the groups' sizes alone: which run of which group each page holds. A page
 * can then be made from its groups only, and its content keyed by theirs.
 *
 * @example planSpans([['a', 3], ['b', 2]], 2).map((page) => page.items) // [[{ group: 'a', from: 0, to: 2 }], [{ group: 'a', from: 2, to: 3 }, { group: 'b', from: 0, to: 1 }], [{ group: 'b', from: 1, to: 2 }]]
 */
export function planSpans(groups: readonly (readonly [string, number])[], size: number): Page<Span>[] {
  const total = groups.reduce((sum, [, length]) => sum + length, 0);
  const count = Math.max(1, Math.ceil(total / size));
  const pages: Page<Span>[] = Array.from({ length: count }, (_, index) => ({ number: index + 1, count, items: [], start: index * size, total }));
  let at = 0;
  for (const [group, length] of groups) {
    for (let first = at; first < at + length; ) {
      const page = pages[Math.floor(first / size)]!;
      const end = Math.min(at + length, page.start + size);
      page.items.push({ group, from: first - at, to: end - at });
      first = end;
    }
    at += length;
  }
  return pages;
}
