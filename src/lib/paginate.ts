/**
 * Lists too long for one page (the texts of the edition, the places a term occurs, the notes) are
 * split into pages of a fixed size: page 1 at the list's own address, page n at `<address>n/`.
 * An edition of a few texts has one page of each, and no page numbers at all.
 */

/** Texts per page of a list of texts. */
export const TEXTS_PER_PAGE = 50;

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
 * The address of page `number` of a list at `first` (a path ending in `/`).
 *
 * @example pageAddress('/glossary/nato/', 1) // '/glossary/nato/'
 * @example pageAddress('/glossary/nato/', 3) // '/glossary/nato/3/'
 */
export function pageAddress(first: string, number: number): string {
  return number === 1 ? first : `${first}${number}/`;
}

/** The pages of a term's lists: its texts and its notes go on side by side. */
export function termPageCount(texts: number, notes: number, size: number = TEXTS_PER_PAGE): number {
  return Math.max(1, Math.ceil(texts / size), Math.ceil(notes / size));
}
