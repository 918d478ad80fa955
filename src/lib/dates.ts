/**
 * Dates of the edition are calendar dates without a time of day; they are kept and shown in UTC so
 * that a date never shifts by a day with the reader's or the build machine's time zone.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** A `Date` or `YYYY-MM-DD` string as a UTC `Date`. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/**
 * `YYYY-MM-DD`, for `datetime` attributes and ids.
 *
 * @example isoDate(new Date('2020-09-08T00:00:00Z')) // '2020-09-08'
 */
export function isoDate(value: Date | string): string {
  return toDate(value).toISOString().slice(0, 10);
}

/**
 * A date as readers read it in British style.
 *
 * @example formatDate('2020-09-08') // '8 September 2020'
 */
export function formatDate(value: Date | string): string {
  const date = toDate(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * The span of a list of dates, as short as it can be said.
 *
 * @example formatDateRange(['2020-05-14', '2020-07-13']) // '14 May – 13 July 2020'
 * @example formatDateRange(['2020-09-01', '2020-09-08']) // '1–8 September 2020'
 */
export function formatDateRange(values: readonly (Date | string)[]): string {
  if (values.length === 0) return '';
  const sorted = values.map(toDate).sort((a, b) => a.getTime() - b.getTime());
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (first.getTime() === last.getTime()) return formatDate(first);
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  const sameMonth = sameYear && first.getUTCMonth() === last.getUTCMonth();
  if (sameMonth) return `${first.getUTCDate()}–${formatDate(last)}`;
  if (sameYear) return `${first.getUTCDate()} ${MONTHS[first.getUTCMonth()]} – ${formatDate(last)}`;
  return `${formatDate(first)} – ${formatDate(last)}`;
}

/**
 * The distinct years of `values`, in order of first appearance: the search index's year filter.
 *
 * @example yearsOf(['2021-12-30', '2022-01-02', '2022-02-01']) // ['2021', '2022']
 */
export function yearsOf(values: readonly (Date | string)[]): string[] {
  return [...new Set(values.map((value) => String(toDate(value).getUTCFullYear())))];
}
