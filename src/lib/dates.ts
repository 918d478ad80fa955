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

/**
 * Why `text` is not a date of the calendar written `YYYY-MM-DD` (or, with `partial`, also `YYYY-MM`
 * or `YYYY`), or undefined when it is one. A date that does not exist (30 February) is refused
 * rather than moved to the next month, as `new Date` would move it.
 *
 * @example calendarDateProblem('2021-02-29') // '2021-02-29 is not a day of the calendar: February 2021 has 28 days'
 * @example calendarDateProblem('5 Feb 2022') // '`5 Feb 2022` is not written YYYY-MM-DD'
 * @example calendarDateProblem('2021-02', { partial: true }) // undefined
 */
export function calendarDateProblem(text: string, { partial = false }: { partial?: boolean } = {}): string | undefined {
  const match = (partial ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(text);
  if (!match) return `\`${text}\` is not written YYYY-MM-DD${partial ? ', YYYY-MM or YYYY' : ''}`;
  const [, year, month, day] = match;
  if (month === undefined) return undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return `${text} has no month ${month}: months are 01 to 12`;
  if (day === undefined) return undefined;
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = Number(day);
  if (d < 1 || d > days) return `${text} is not a day of the calendar: ${MONTHS[m - 1]} ${year} has ${days} days`;
  return undefined;
}

/** Whether `text` is a date of the calendar (see {@link calendarDateProblem}). */
export function isCalendarDate(text: string, options: { partial?: boolean } = {}): boolean {
  return calendarDateProblem(text, options) === undefined;
}

/**
 * Whether `day` (`YYYY-MM-DD`) is today where the editor may be: today's date in UTC or on this
 * machine's clock (an edit made at 00:30 in Minsk is dated the day before in UTC).
 *
 * @example isToday(new Date().toISOString().slice(0, 10)) // true
 */
export function isToday(day: string, now: Date = new Date()): boolean {
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return day === now.toISOString().slice(0, 10) || day === local;
}

/**
 * Why a day the edition did something on (a note added, a page verified, a correction), or the date
 * of something that has happened (a page published, an event the notes state), cannot be that day,
 * or undefined: it is a calendar date (with `partial`, also `YYYY-MM` or `YYYY`) and not later than
 * tomorrow (an editor ahead of the build machine's time zone may write tomorrow's date). A partial
 * date is later only when its first day is: `2026-12` is not later than 6 December 2026.
 *
 * @example pastDayProblem('2099-01', new Date('2026-12-06'), { partial: true }) // '2099-01 is later than today (2026-12-06)'
 */
export function pastDayProblem(text: string, today: Date = new Date(), { partial = false }: { partial?: boolean } = {}): string | undefined {
  const problem = calendarDateProblem(text, { partial });
  if (problem) return problem;
  const tomorrow = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)).toISOString().slice(0, 10);
  return startsAfter(text, tomorrow) ? `${text} is later than today (${today.toISOString().slice(0, 10)})` : undefined;
}

/**
 * Whether the date `text`, which may be partial, begins after the day `day`: a partial date stands
 * for its first day, which is also how it sorts as a string (`2026-12` before `2026-12-03`).
 */
function startsAfter(text: string, day: string): boolean {
  return text > day;
}

/**
 * Why two dates of one thing are in the wrong order, or undefined: `first` (a date that may be
 * partial) cannot be later than `then` — a page published after an editor read it, a note corrected
 * before it was written. Each is `[name, date]`, the name as the editor writes it. Both must be
 * dates of the calendar (their own check says why when they are not).
 *
 * @example orderProblem(['date', '2026-12-05'], ['verified', '2026-12-03']) // '`date` (2026-12-05) is later than `verified` (2026-12-03)'
 * @example orderProblem(['date', '2026-12'], ['verified', '2026-12-03']) // undefined
 */
export function orderProblem([firstName, first]: readonly [string, string], [thenName, then]: readonly [string, string]): string | undefined {
  return startsAfter(first, then) ? `\`${firstName}\` (${first}) is later than \`${thenName}\` (${then})` : undefined;
}
