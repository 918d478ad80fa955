/**
 * Branded string types for the identifiers of the edition. They are all kebab-case strings, which
 * makes them easy to mix up: a passage id handed where an article slug is expected type-checks as a
 * plain string. The brands make such a mix-up a compile error; the guards are the only way in.
 */

/**
 * The id of the provenance box's heading (src/components/Provenance.astro): where a search line on
 * the box lands, and the anchor under which the ledger fingerprints what the box says.
 */
export const PROVENANCE_ANCHOR = 'provenance-title';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** The slug of an article, the last segment of `/articles/<slug>/`. */
export type ArticleSlug = Brand<string, 'ArticleSlug'>;
/** The id of a paragraph or heading of article text, the fragment of its permalink. */
export type PassageId = Brand<string, 'PassageId'>;

/** Lowercase ASCII letters and digits in hyphen-separated runs: `open-skies`, `p2-nato`. */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Prefixes kept for ids that the apparatus mints on the same page (notes, term mentions), so a
 * passage id can never collide with them.
 */
export const RESERVED_PASSAGE_PREFIXES = ['note-', 'mark-', 'ref-', 'term-', 'fn-', 'toc-'] as const;

/** Whether `value` is a well-formed kebab-case id. */
export function isKebabId(value: string): boolean {
  return KEBAB.test(value);
}

/** Whether `value` may be used as an article slug. */
export function isArticleSlug(value: string): value is ArticleSlug {
  return isKebabId(value) && value.length <= 80;
}

/**
 * Whether `value` may be used as a passage id: kebab-case, at most 64 characters, and not starting
 * with a prefix the apparatus reserves.
 */
export function isPassageId(value: string): value is PassageId {
  return (
    isKebabId(value) &&
    value.length <= 64 &&
    !RESERVED_PASSAGE_PREFIXES.some((prefix) => value.startsWith(prefix))
  );
}
