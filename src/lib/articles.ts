/**
 * Pure helpers over the articles collection: order, neighbours, reading time.
 */

/** What these helpers need of an article entry. */
export interface ArticleLike {
  id: string;
  body?: string | undefined;
  data: { title: string; dates: Date[]; draft: boolean };
}

/** The earliest date of an article's original, or +∞ when it has none (it sorts last). */
export function firstDate(article: ArticleLike): number {
  const times = article.data.dates.map((date) => date.getTime());
  return times.length > 0 ? Math.min(...times) : Number.POSITIVE_INFINITY;
}

/**
 * Articles in the order of their originals' first dates (then by title, so the order is total).
 *
 * @example byDate([dec2022, may2020]).map((a) => a.id) // ['may2020', 'dec2022']
 */
export function byDate<T extends ArticleLike>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => firstDate(a) - firstDate(b) || a.data.title.localeCompare(b.data.title, 'en'));
}

/** Whether an article is shown: published ones always, drafts only when `showDrafts` (in development). */
export function isVisible(article: ArticleLike, showDrafts: boolean): boolean {
  return showDrafts || !article.data.draft;
}

/**
 * The article before and after `id` in `ordered`.
 *
 * @example neighbours([a, b, c], 'b') // { previous: a, next: c }
 */
export function neighbours<T extends ArticleLike>(ordered: readonly T[], id: string): { previous?: T; next?: T } {
  const index = ordered.findIndex((article) => article.id === id);
  const previous = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/**
 * The words of an article's MDX body as a reader sees them: without passage-id markers, escapes,
 * heading marks or JSX tags.
 */
export function bodyWords(mdx: string): string[] {
  return mdx
    .replace(/[ \t]\^[a-z0-9-]+$/gmu, '')
    .replace(/<[^>\n]*>/gu, ' ')
    .replace(/\\(.)/gu, '$1')
    .replace(/^#{1,6}\s/gmu, '')
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * Minutes to read `mdx` at `wordsPerMinute`, at least one.
 *
 * @example readingMinutes('word '.repeat(460)) // 2
 */
export function readingMinutes(mdx: string, wordsPerMinute = 230): number {
  return Math.max(1, Math.round(bodyWords(mdx).length / wordsPerMinute));
}
