import { z } from 'astro/zod';

/**
 * The kinds of source the apparatus report counts (issue 18): what a reader can expect of a page
 * from the site that publishes it.
 */
export const SOURCE_CATEGORIES = ['primary', 'press', 'specialist', 'state-media', 'reference', 'weak'] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

/** How the report heads each category. */
export const SOURCE_CATEGORY_LABELS: Record<SourceCategory, string> = {
  primary: 'primary',
  press: 'wire and press',
  specialist: 'specialist',
  'state-media': 'state media',
  reference: 'reference',
  weak: 'weak',
};

/** A domain name as the table keys it: lower case, no scheme, no `www.`, no port, no path. */
const domain = z
  .string()
  .regex(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'a domain name in lower case, without scheme, `www.`, port or path (e.g. `reuters.com`)');

/**
 * `content/source-categories.yaml`: the category of every domain the notes and the glossary cite,
 * with the reason in a few words. A subdomain takes its parent's entry unless it has its own
 * (`en.kremlin.ru` is filed under `kremlin.ru`).
 *
 * @example
 * ```yaml
 * reuters.com: { category: press, reason: "International news agency" }
 * tass.com: { category: state-media, reason: "Russian state news agency" }
 * ```
 */
export const sourceCategoriesSchema = z.record(
  domain,
  z
    .object({
      /** primary (the statement, treaty, law or readout itself), press (wire agencies and newspapers, including their syndicated copies), specialist (research institutes, specialist journals), state-media (outlets a government controls), reference (encyclopedias and their mirrors), weak (blogs, aggregators, partisan sites). */
      category: z.enum(SOURCE_CATEGORIES),
      /** Why, in a few words: what the site is. */
      reason: z.string().min(3),
      /**
       * Words every citation of the domain carries in its title, for a reader to weigh it: the funding
       * of a broadcaster a government pays to reach audiences abroad (`US government-funded`). A domain
       * of state media without one must carry the word `state`.
       */
      label: z.string().min(3).optional(),
    })
    .strict(),
);
export type SourceCategoryTable = z.output<typeof sourceCategoriesSchema>;
