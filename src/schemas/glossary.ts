import { z } from 'astro/zod';
import { pastDay, pastPartialDay } from './dates.ts';
import { isKebabId } from '../lib/ids.ts';
import { orderProblem, pastDayProblem } from '../lib/dates.ts';

import { TERM_CATEGORIES, TERM_CATEGORY_LABELS, type TermCategory } from '../lib/term-categories.ts';
import { isWebAddress } from '../lib/urls.ts';

/**
 * A page's address as the schemas take it: a web page's (http or https), with a site. Each fault has
 * its own words: an `ftp:` or `file:` address was called one with "no site".
 */
export const webAddress = () =>
  z
    .url()
    .refine((url) => /^https?:/i.test(url), { message: "the address is not a web page's (it must start with https:// or http://): copy the page's address from the browser, e.g. https://www.example.org/news/story", abort: true })
    .refine(isWebAddress, "the address has no site: copy the page's whole address, e.g. https://www.example.org/news/story");

/** The categories of the glossary (src/lib/term-categories.ts). */
export { TERM_CATEGORIES, TERM_CATEGORY_LABELS, type TermCategory };

/**
 * A date that may be partial: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Astro's YAML reader turns full
 * dates into Date objects, and other readers keep them as strings; both become the string. The
 * glossary dates what has happened (its key dates go on the timeline), so not later than tomorrow.
 */
const partialDate = pastPartialDay();

/** The day of a correction (`updated`), as YAML's date or a string. */
export const correctionDay = pastDay('write the day of the correction as YYYY-MM-DD');

/** `updated` and `change` go together: a correction is dated and says what changed. */
export function correctionPair(value: { updated?: string | undefined; change?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.updated !== undefined && value.change === undefined) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: 'a correction says what changed: add `change: …`, a sentence for readers (see the corrections policy)' });
  }
  if (value.change !== undefined && value.updated === undefined) {
    ctx.addIssue({ code: 'custom', path: ['change'], message: 'a change is dated: add `updated: YYYY-MM-DD`, the day of the correction' });
  }
}

/** A source a glossary entry cites. */
export const termSourceSchema = z
  .object({
    /** What the page is: its headline, and the outlet in brackets when it is not obvious. */
    title: z.string().min(3),
    /** Full http(s) address of a page that says what the entry says. */
    url: webAddress(),
    /** Publication date of the page, where known: not after `verified`. */
    date: pastPartialDay('write the day the page was published as YYYY-MM-DD, YYYY-MM or YYYY').optional(),
    /** The day an editor last opened the page and found it says what the entry says. */
    verified: pastDay('write the day you opened the page as YYYY-MM-DD').optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    // As a note's <Source> (src/plugins/notes/read-notes.ts): two dates each valid on its own, in
    // the wrong order. Zod runs this even when a date failed its own check, which says why already.
    const date = source.date?.trim();
    const verified = source.verified?.trim();
    if (date === undefined || verified === undefined || pastDayProblem(date, new Date(), { partial: true }) || pastDayProblem(verified)) return;
    const problem = orderProblem(['date', date], ['verified', verified]);
    if (problem) ctx.addIssue({ code: 'custom', path: ['date'], message: `${problem}: a page is published before it is read; correct \`date\` (the day the page was published) or \`verified\` (the day you last opened it)` });
  });

/** Front matter of a glossary entry (`content/glossary/<id>.md`); the body is the fuller entry. */
export const termSchema = z
  .object({
    /** The term as the edition names it. */
    term: z.string().min(1),
    /**
     * The key the glossary's A–Z sorts and files the entry by, where it is not the term itself:
     * for a person, the surname first (`Putin, Vladimir`), so that Putin is under P, not V.
     * Required for people; default the term.
     */
    sortKey: z.string().min(1).optional(),
    /**
     * Other names found in texts, each linked where it occurs: spellings, transliterations,
     * abbreviations, full formal names. Matched as written (case included), as whole words, with
     * possessive and plural endings.
     */
    aliases: z.array(z.string().min(2)).default([]),
    /** Other names shown on the term's page but never matched in texts (too general, or not used). */
    alsoKnownAs: z.array(z.string().min(2)).default([]),
    /** What kind of thing it is. */
    category: z.enum(TERM_CATEGORIES),
    /** The definition shown in previews: neutral, dated where it matters. */
    short: z.string().min(40).max(300, 'keep the short definition to 300 characters: it is shown in a preview'),
    /** Key dates. */
    dates: z.array(z.object({ date: partialDate, event: z.string().min(3) }).strict()).default([]),
    /** Ids of related terms. */
    related: z.array(z.string().refine(isKebabId, 'a term id')).default([]),
    /** At least one source. */
    sources: z.array(termSourceSchema).min(1, 'cite at least one source'),
    /**
     * The day of the entry's latest correction, `YYYY-MM-DD`, with `change`; its earlier wording is
     * kept in content/corrections.yaml (see the corrections policy on the About page).
     */
    updated: correctionDay.optional(),
    /** What that correction changed: a sentence for readers. */
    change: z.string().min(10).optional(),
  })
  .strict()
  .superRefine((term, ctx) => {
    correctionPair(term, ctx);
    if (term.category === 'person' && term.sortKey === undefined) {
      const words = term.term.split(' ');
      const suggestion = words.length > 1 ? `${words.at(-1)}, ${words.slice(0, -1).join(' ')}` : term.term;
      ctx.addIssue({
        code: 'custom',
        path: ['sortKey'],
        message: `a person is filed by surname: add \`sortKey: ${suggestion}\` (surname, then given names)`,
      });
    }
  });

export type Term = z.output<typeof termSchema>;
