/**
 * Dates in front matter and YAML files, checked as dates of the calendar: `2022-02-30` is refused
 * with the reason, not moved to 2 March, and `5 Feb 2022` is refused, not read in the build
 * machine's time zone. YAML readers differ (Astro's turns a full date into a `Date`, ours keeps the
 * string, and a bare year is a number); each schema takes all three.
 */
import { z } from 'astro/zod';
import { calendarDateProblem, pastDayProblem, toDate } from '../lib/dates.ts';

/** The value as the text of a date: a `Date` as its UTC day, a number (a bare year) as its digits. */
function asText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return typeof value === 'number' ? String(value) : value;
}

function checked(problemOf: (text: string) => string | undefined, hint: string) {
  return z.preprocess(
    asText,
    z.string().superRefine((text, ctx) => {
      const problem = problemOf(text.trim());
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; ${hint}` });
    }),
  );
}

/** A day, `YYYY-MM-DD`, kept as the string. */
export const calendarDay = (hint = 'write the day as YYYY-MM-DD') => checked((text) => calendarDateProblem(text), hint);

/** A day the edition did something on (a correction, a page verified): not later than tomorrow. */
export const pastDay = (hint = 'write the day as YYYY-MM-DD') => checked((text) => pastDayProblem(text), hint);

/** A date that may be partial, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, kept as the string. */
export const partialDay = (hint = 'write YYYY-MM-DD, YYYY-MM or YYYY') => checked((text) => calendarDateProblem(text, { partial: true }), hint);

/**
 * The date, which may be partial, of something that has happened (a page published, an event the
 * notes state): not later than tomorrow, a month or year counting from its first day.
 */
export const pastPartialDay = (hint = 'write YYYY-MM-DD, YYYY-MM or YYYY') => checked((text) => pastDayProblem(text, new Date(), { partial: true }), hint);

/** A day, `YYYY-MM-DD`, as a UTC `Date`. */
export const calendarDate = (hint = 'write the day as YYYY-MM-DD') => calendarDay(hint).transform((text) => toDate(text.trim()));

/** A day that has happened (a text published), `YYYY-MM-DD`, as a UTC `Date`: not later than tomorrow. */
export const pastDate = (hint = 'write the day as YYYY-MM-DD') => pastDay(hint).transform((text) => toDate(text.trim()));
