/**
 * How many items the feed carries: the newest texts and the newest notes, as feeds do (the sitemap
 * lists every page). Counted apart, so that a day of new notes never pushes the texts out.
 */
export const FEED_TEXTS = 50;
export const FEED_NOTES = 100;

/**
 * The `count` newest items, newest first; items of the same date keep the order they are given in
 * (the edition's: its texts in order, each text's notes in order). Nothing else is compared, so
 * that the feed can choose its notes from dates alone and make only the chosen ones' titles: at
 * 5,000 texts, making all 100,000 and sorting them by title took 1.3 s of every build.
 */
export function newest<T extends { date: Date }>(items: readonly T[], count: number): T[] {
  return items
    .map((item, index) => ({ item, index, time: item.date.getTime() }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, count)
    .map(({ item }) => item);
}
