/**
 * Readable, deterministic ids from text: used by the importer to mint passage ids and slugs.
 */

/** Words that carry no meaning in an id; dropping them keeps ids short and readable. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have he her his i in into is it its of on or ' +
    'our she so than that the their them then there these they this those to was we were which ' +
    'while who will with would you'
  ).split(' '),
);

/**
 * Folds `text` to lowercase ASCII words: diacritics are stripped, apostrophes join their word,
 * everything else separates words.
 *
 * @example asciiWords('Russia’s “selective implementation”') // ['russias', 'selective', 'implementation']
 */
export function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    // Thousands separators: "4,000" is one number.
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The slug nearest to a name an editor gave (a `--slug`, a file's name): every word kept, unlike
 * {@link slugFromText}, which picks a title's meaningful words; at most `maxLength` characters (an
 * article slug's limit, src/lib/ids.ts), cut at a word's end; `''` when the name has no ASCII
 * letters or digits.
 *
 * @example slugOf('Baltic Test') // 'baltic-test'
 */
export function slugOf(name: string, maxLength = 80): string {
  return joinWords(asciiWords(name), maxLength);
}

/** As many of `words` as fit in `maxLength` characters, joined by hyphens; a first word too long is cut. */
function joinWords(words: readonly string[], maxLength: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, maxLength) ?? '');
}

/**
 * A kebab-case id from the first meaningful words of `text`, at most `maxWords` words and
 * `maxLength` characters; `''` when the text has no ASCII letters or digits.
 *
 * @example slugFromText('The Kremlin has lashed out at US and NATO forces') // 'kremlin-lashed-out-us-nato'
 */
export function slugFromText(text: string, maxWords = 5, maxLength = 48): string {
  const words = asciiWords(text);
  // Single letters ("U.S." → "u", "s") read as noise in an id.
  const meaningful = words.filter((word) => !STOP_WORDS.has(word) && (word.length > 1 || /\d/.test(word)));
  return joinWords((meaningful.length > 0 ? meaningful : words).slice(0, maxWords), maxLength);
}

/**
 * A short, stable hexadecimal hash of `text` (32-bit FNV-1a), for ids of text without ASCII words.
 *
 * @example shortHash('Беларусь') // 'a1b2c3d4' (eight hex digits)
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
