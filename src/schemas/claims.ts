import { z } from 'astro/zod';
import { isKebabId, isPassageId } from '../lib/ids.ts';

/**
 * The claims inventory of one text (`content/claims/<article-slug>.yaml`): every checkable
 * statement of the text, read sentence by sentence, with what the edition does about it.
 *
 * The schema checks the shape of each file only. Whether a passage, note or term named here exists
 * is a cross-file fact, checked once the whole edition is loaded (the build fails on a dangling one).
 *
 * @example
 * ```yaml
 * - id: over-14000-killed
 *   passage: 2014-russia-annexed-ukraines-crimean
 *   quote: where over 14,000 have been killed in fighting
 *   kind: figure
 *   disposition: { note: donbas-death-toll-2022 }
 * ```
 */

/** What sort of checkable statement a claim is. */
export const CLAIM_KINDS = [
  'date',
  'figure',
  'name',
  'quotation',
  'attribution',
  'characterisation',
  'forecast',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** How readers see each kind of claim in the "Claims examined" list. */
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  date: 'Date',
  figure: 'Figure',
  name: 'Name or title',
  quotation: 'Quotation',
  attribution: 'Attribution',
  characterisation: 'Characterisation',
  forecast: 'Forecast or prediction',
};

const kebabId = (what: string) => z.string().refine(isKebabId, `a kebab-case ${what} id, such as \`open-skies\``);

/**
 * What the edition does about a claim: exactly one of a note that treats it, a glossary entry that
 * covers it, or no note, with the reason.
 */
export const claimDispositionSchema = z.union([
  z
    .object({
      /** Id of the note, in the same article, whose `<Passage>` marks the claim's words. */
      note: kebabId('note'),
    })
    .strict(),
  z
    .object({
      /** Id of the glossary entry (`content/glossary/<id>.md`) that covers the claim. */
      term: kebabId('term'),
    })
    .strict(),
  z
    .object({
      /** Why no note is needed, in one line for readers: "a quotation the text attributes correctly". */
      none: z.string().min(10, 'give the reason in a short sentence').max(200, 'keep the reason to one line (200 characters)'),
    })
    .strict(),
]);
export type ClaimDisposition = z.output<typeof claimDispositionSchema>;

/** One checkable statement of the text. */
export const claimSchema = z
  .object({
    /** The claim's id, unique in its file: kebab-case, a few words of the claim. */
    id: kebabId('claim'),
    /** Id of the paragraph that holds the claim: the ` ^id` at the end of the paragraph in the MDX. */
    passage: z.string().refine(isPassageId, 'a passage id, the ` ^id` at the end of a paragraph'),
    /** The claim's exact words as they stand in the text (spelling and punctuation included). */
    quote: z.string().min(3),
    /** What sort of statement it is. */
    kind: z.enum(CLAIM_KINDS),
    /** What the edition does about it. */
    disposition: claimDispositionSchema,
  })
  .strict();
export type Claim = z.output<typeof claimSchema>;

/** A claims inventory file: the claims of one text, in reading order, ids unique. */
export const claimsInventorySchema = z.array(claimSchema).superRefine((claims, ctx) => {
  const seen = new Map<string, number>();
  claims.forEach((claim, index) => {
    const first = seen.get(claim.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate claim id \`${claim.id}\` (first used at item ${first}); Fix: give each claim its own id`,
      });
    } else {
      seen.set(claim.id, index);
    }
  });
});
export type ClaimsInventory = z.output<typeof claimsInventorySchema>;
