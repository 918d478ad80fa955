import { z } from 'astro/zod';
import { pastDay } from './dates.ts';
import { isKebabId, isPassageId } from '../lib/ids.ts';
import { nearest } from '../lib/suggest.ts';

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

/** The keys of a disposition, one of which it has. */
const DISPOSITIONS = ['note', 'term', 'none'];

/**
 * Why a value is none of a disposition's forms: Zod's own word for a union that matched none is
 * "Invalid input", which does not say what a disposition looks like.
 *
 * @example dispositionProblem({ notes: 'x' }) // '`notes` is not a disposition (did you mean `note`?); write exactly one of …'
 */
function dispositionProblem(value: unknown): string {
  const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const known = keys.filter((key) => DISPOSITIONS.includes(key));
  const unknown = keys.find((key) => !DISPOSITIONS.includes(key));
  const near = unknown === undefined ? undefined : nearest(unknown, DISPOSITIONS);
  const what =
    value === undefined ? 'the claim has no disposition'
    : known.length > 1 ? `a claim has one disposition, not both ${known.map((key) => `\`${key}\``).join(' and ')}`
    : unknown !== undefined ? `\`${unknown}\` is not a disposition${near ? ` (did you mean \`${near}\`?)` : ''}`
    : 'a disposition is one key and its value';
  return `${what}; write exactly one of \`{ note: <note id> }\` (a note of the text treats the claim), \`{ term: <term id> }\` (a glossary entry covers it) or \`{ none: "<reason>" }\` (why it needs no note)`;
}

/**
 * What the edition does about a claim: exactly one of a note that treats it, a glossary entry that
 * covers it, or no note, with the reason.
 */
export const claimDispositionSchema = z.union([
  z
    .object({
      /**
       * Id of the note, in the same article, that treats the claim: the one whose `<Passage>` marks the
       * claim's words, or a note on another paragraph that treats the same figure or event (one note
       * on the Allied Spirit figures answers them wherever the text repeats them).
       */
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
], { error: (issue) => dispositionProblem(issue.input) });
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
    /**
     * The cross-text claim this statement makes, when other passages (of this text or another) make
     * the same claim in other words: the id of an entry of `content/claims-across.yaml`.
     */
    claim: kebabId('cross-text claim').optional(),
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

/** A recorded change to a cross-text claim's neutral wording (its notes' changes are their own). */
export const claimChangeSchema = z
  .object({
    /** When, `YYYY-MM-DD`. */
    date: pastDay('a date written YYYY-MM-DD'),
    /** What changed, in a sentence for readers. */
    change: z.string().min(10, 'say what changed in a sentence'),
    /** The earlier wording, kept for readers. */
    was: z.string().min(3).optional(),
  })
  .strict();

/**
 * One claim that several passages make, in this text or others, in their own words (the founding
 * year of the Union State, the number of Russian troops near Ukraine). Its id is a permalink
 * (`/claims/<id>/`), recorded in the anchor ledger once published: never rename or remove one.
 */
export const crossClaimSchema = z
  .object({
    /** Permanent id, kebab-case: a few words of the claim. */
    id: kebabId('claim'),
    /** The claim in the edition's neutral words: what the texts assert, not whether it is right. */
    claim: z.string().min(10, 'state the claim in a sentence').max(300, 'keep the claim to one or two sentences (300 characters)'),
    /** When the entry was written, `YYYY-MM-DD`. */
    added: pastDay('a date written YYYY-MM-DD'),
    /** Changes to the neutral wording, oldest first. */
    history: z.array(claimChangeSchema).default([]),
    /** Earlier ids of this claim (a claim page that was joined into this one): their pages lead here. */
    aliases: z.array(kebabId('claim')).default([]),
  })
  .strict();
export type CrossClaim = z.output<typeof crossClaimSchema>;

/** The registry of cross-text claims (`content/claims-across.yaml`): ids unique, aliases included. */
export const crossClaimsSchema = z.array(crossClaimSchema).superRefine((claims, ctx) => {
  const seen = new Map<string, number>();
  claims.forEach((claim, index) => {
    for (const [id, path] of [[claim.id, [index, 'id']], ...claim.aliases.map((alias, a) => [alias, [index, 'aliases', a]] as const)] as const) {
      const first = seen.get(id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [...path], message: `duplicate claim id \`${id}\` (first used at item ${first}); Fix: give each claim its own id` });
      } else {
        seen.set(id, index);
      }
    }
  });
});
