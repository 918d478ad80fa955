import { z } from 'astro/zod';
import { pastPartialDay } from './dates.ts';
import { isKebabId } from '../lib/ids.ts';

/**
 * The events the notes speak of (`content/timeline/events.yaml`), one list for the whole edition,
 * and the ledger of every event id the timeline has published (`content/timeline/published.yaml`).
 *
 * The schema checks the shape of each entry only. Whether a note, passage or term named here exists
 * is a cross-file fact, checked once the edition is compiled (src/lib/timeline.ts `checkTimeline`):
 * `npm run check` and the build fail on a dangling one, with the file, the line and the fix.
 *
 * @example
 * ```yaml
 * - id: union-state-treaty-signed
 *   date: 1999-12-08
 *   label: The Treaty on the Creation of a Union State is signed in Moscow
 *   notes: [union-state-founding-1999-2000, union-state-1999-or-2000]
 *   passages: [russia-new-steps-western-border#1999-russia-belarus-signed-treaty]
 *   terms: [union-state]
 * ```
 */

/** Event ids made by the timeline itself, from the glossary (`term-…`) and the texts (`text-…`). */
export const DERIVED_EVENT_PREFIXES = ['term-', 'text-'] as const;

/**
 * A date that may be partial: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a bare year is read by YAML as a
 * number). The notes state what has happened, so it is not later than tomorrow.
 */
export const eventDateSchema = pastPartialDay('write YYYY-MM-DD, YYYY-MM or YYYY, as the note states it');

const eventId = z
  .string()
  .refine(isKebabId, 'a kebab-case event id, such as `union-state-treaty-signed`')
  .refine((id) => !DERIVED_EVENT_PREFIXES.some((prefix) => id.startsWith(prefix)), `\`term-\` and \`text-\` begin the ids the timeline makes from the glossary and the texts: choose another id`);

const noteId = z.string().refine(isKebabId, 'a note id, as in `<Note id="…">`');
const termId = z.string().refine(isKebabId, 'a glossary term id, the name of a file in content/glossary/ without `.md`');
const passageRef = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$/, 'write `<article-slug>#<passage-id>`, e.g. `russia-new-steps-western-border#1999-russia-belarus-signed-treaty`');

/** One dated event that notes (and the passages they mark) speak of. */
export const timelineEventSchema = z
  .object({
    /** Permanent id: the event's anchor on its year page (`/timeline/<year>/#<id>`). Never change it once published. */
    id: eventId,
    /** When it happened, exactly as precisely as the notes state it. */
    date: eventDateSchema,
    /** What happened, in one neutral line, without the date: "The Treaty on Open Skies is signed in Helsinki". */
    label: z
      .string()
      .min(10, 'say what happened in a short sentence')
      .max(200, 'keep the label to one line (200 characters)')
      .refine((label) => !/\n/.test(label), 'keep the label on one line'),
    /** Ids of the notes that state the event. */
    notes: z.array(noteId).default([]),
    /** Passages (`slug#passage-id`) whose words refer to the event: they date when each text first said it. */
    passages: z.array(passageRef).default([]),
    /** Glossary terms the event concerns. */
    terms: z.array(termId).default([]),
    /** Ids this event was published under before (their anchors stay alive on its page). */
    formerly: z.array(z.string().refine(isKebabId, 'a kebab-case event id')).default([]),
    /**
     * Glossary dates of the same event given at another precision (`term-lavrov-2004-03` for an event
     * of 9 March 2004), by the id each has on the timeline: shown with this event, not on a line of
     * their own. A date of the same day, month or year as the event's joins it by itself.
     */
    joins: z.array(z.string().regex(/^term-[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}(?:-\d{2}){0,2}$/, 'the id of a glossary date on the timeline: `term-<entry>-<date>`, as its permalink shows it')).default([]),
  })
  .strict()
  // An event no note or passage states is one several glossary entries date: it joins their dates
  // into one line of the axis (whether each of its terms dates it is checked with the glossary).
  .refine((event) => event.notes.length > 0 || event.passages.length > 0 || new Set(event.terms).size >= 2, {
    message: 'name at least one note or passage that speaks of the event (or, for one event several glossary entries date, two or more different `terms:` whose `dates:` give it)',
    path: ['notes'],
  });

export type TimelineEventEntry = z.output<typeof timelineEventSchema>;

/** The events file: a list of events. */
export const timelineEventsSchema = z.array(timelineEventSchema);

/**
 * The ledger: every event id the timeline has published, with the page it was published on (its
 * year's, or on a year cut into months its month's: src/lib/timeline.ts, timelineLayout). Written by
 * `npm run ledger:timeline` (ids are added, never removed).
 */
export const timelineLedgerSchema = z.record(
  z.string().refine(isKebabId, 'a kebab-case event id'),
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2]|year))?(?:-page-[1-9]\d*)?$/, 'the page the event was published on: YYYY, or on a year cut into months YYYY-MM (YYYY-MM-page-N, YYYY-year), as `npm run ledger:timeline` writes it')),
);

export type TimelineLedger = z.output<typeof timelineLedgerSchema>;
