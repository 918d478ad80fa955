/**
 * How many items the feed carries: the newest texts and the newest notes, as feeds do (the sitemap
 * lists every page). Counted apart, so that a day of new notes never pushes the texts out.
 */
export const FEED_TEXTS = 50;
export const FEED_NOTES = 100;

/** The `count` newest items, newest first (the same date: by title). */
export function newest<T extends { date: Date; title: string }>(items: T[], count: number): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title)).slice(0, count);
}
