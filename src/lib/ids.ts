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

/** Characters an editor cannot see or tell apart, named. */
const CHARACTER_NAMES: Record<string, string> = {
  ' ': 'a space',
  '\u00a0': 'a no-break space (U+00A0)',
  '\u202f': 'a narrow no-break space (U+202F)',
  '\t': 'a tab',
  '\u200b': 'a zero-width space (U+200B)',
  '\u00ad': 'a soft hyphen (U+00AD)',
  '_': 'an underscore',
  '\u2010': 'a Unicode hyphen (U+2010), not the keyboard’s',
  '\u2011': 'a non-breaking hyphen (U+2011), not the keyboard’s',
  '\u2013': 'an en dash',
};

/**
 * Why `id` is not a kebab-case id, in words, with the first character that may not be in one named:
 * an invisible no-break space was reported as "the id is not valid".
 *
 * @example idFault('kharkiv-distance\u00a0') // 'it holds a no-break space (U+00A0) at character 17'
 */
export function idFault(id: string): string {
  const characters = [...id];
  const at = characters.findIndex((character) => !/[a-z0-9-]/.test(character));
  if (at >= 0) {
    const character = characters[at]!;
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = CHARACTER_NAMES[character] ?? (/[A-Z]/.test(character) ? `the capital \`${character}\`` : /[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? `\`${character}\` (${code})` : `an invisible character (${code})`);
    return `it holds ${name} at character ${at + 1}`;
  }
  if (id.length > 64) return `it is ${id.length} characters long, more than 64`;
  return 'it starts or ends with a hyphen, or has two together';
}
