import { z } from 'astro/zod';
import { pastDay } from './dates.ts';
import { CORRECTION_ITEM } from '../lib/corrections.ts';

/**
 * The record of earlier wordings (`content/corrections.yaml`): for every correction of the
 * apparatus, the wording the item had before it, so that /corrections/ shows what changed from the
 * repository's files alone (a shallow clone builds the same page).
 *
 * The schema checks the shape of the file only. Whether the item exists and is corrected on that
 * date is a cross-file fact, checked once the edition is compiled (src/compiler/check-corrections.ts).
 *
 * @example
 * ```yaml
 * - item: note:white-red-white-flag-history
 *   date: 2026-12-03
 *   before: |
 *     The white-red-white flag … replaced on 5 June 1995 …
 *
 *     Source: …
 * - item: provenance:russian-bombers-fly-over-belarus
 *   date: 2026-12-07
 *   before: |
 *     …
 *   paragraphs:
 *     war-fears-mounted-ukrainian-authorities: As war fears mounted, …
 * ```
 */
export const correctionRecordSchema = z
  .object({
    /** The corrected item: `note:<id>`, `term:<id>` (a glossary entry) or `provenance:<slug>` (an article's provenance). */
    item: z.string().regex(CORRECTION_ITEM, 'write note:<id>, term:<id> or provenance:<article slug>'),
    /** The day of the correction, as the item's `updated` gave it. */
    date: pastDay('write the day of the correction as YYYY-MM-DD'),
    /**
     * The item's wording before the correction, as plain text: a note's body, paragraphs separated
     * by a blank line, then `Source: <title>` for each source (`npm run correction -- <item>` prints it).
     */
    before: z.string().trim().min(1, 'keep the wording the item had before the correction'),
    /**
     * What changed, for an earlier correction of an item corrected again since (the item's own
     * `change` describes its latest correction only).
     */
    change: z.string().min(10).optional(),
    /**
     * For a correction of an article's provenance that came with a better copy of the text: the
     * earlier words of each published paragraph whose words it changed, by the paragraph's id, as
     * plain text (`npm run correction -- provenance:<slug> --append` writes them). A published
     * paragraph in other words is refused without them (`text-changed`).
     */
    paragraphs: z
      .record(z.string(), z.string().trim().min(1, 'keep the words the paragraph had before the correction'))
      .superRefine((paragraphs, context) => {
        // (A key refused by the record's own key schema is said only as "Invalid key in record".)
        for (const id of Object.keys(paragraphs)) {
          if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) context.addIssue({ code: 'custom', path: [id], message: `\`${id}\` is not a paragraph id: write the id at the end of the paragraph's line in the text (after \` ^\`), lower-case words joined by hyphens` });
        }
      })
      // (`paragraphs:` with nothing under it yet is none.)
      .nullish()
      .transform((paragraphs) => paragraphs ?? undefined),
  })
  .strict();

/** The whole record: a list, oldest first by custom (the pages sort it). */
export const correctionsRecordSchema = z.array(correctionRecordSchema);

export type CorrectionRecordEntry = z.output<typeof correctionRecordSchema>;
