import { ImportError } from './errors.ts';

/** What to do with characters that must not reach the page (see {@link findUnsafeCharacters}). */
export type ControlPolicy = 'error' | 'strip';

/** A character the importer refuses or strips, with its place in the text. */
export interface UnsafeCharacter {
  /** The character itself. */
  char: string;
  /** `U+202E`-style code point. */
  codePoint: string;
  /** What kind of character it is, for the message. */
  label: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in code points. */
  column: number;
}

/**
 * C0 and C1 controls (but tab and line feed), noncharacters, lone surrogates, line and paragraph
 * separators, and the bidirectional embedding, override and isolate controls, which can make the
 * page show text in another order than it is stored (the "Trojan Source" trick).
 */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/gu;

function labelOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'control character';
  if (code === 0x2028 || code === 0x2029) return 'line or paragraph separator';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return 'bidirectional formatting character';
  }
  if (code >= 0xd800 && code <= 0xdfff) return 'unpaired surrogate';
  return 'noncharacter';
}

function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Every character of `text` that must not pass into the page, with its line and column.
 *
 * @example findUnsafeCharacters('ok\nbad\u202E') // [{ codePoint: 'U+202E', line: 2, column: 4, … }]
 */
export function findUnsafeCharacters(text: string): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const match of lineText.matchAll(UNSAFE)) {
      const char = match[0];
      const column = [...lineText.slice(0, match.index)].length + 1;
      found.push({ char, codePoint: codePointOf(char), label: labelOf(char), line: index + 1, column });
    }
  });
  return found;
}

/** The text after normalisation, and the unsafe characters stripped from it. */
export interface Normalised {
  text: string;
  stripped: UnsafeCharacter[];
}

/**
 * Normalises line endings and the byte-order mark, and refuses or strips unsafe characters.
 * Nothing else is changed: the text stays as received, character for character.
 *
 * @example normaliseText('\uFEFFa\r\nb', 'x.txt', 'error').text // 'a\nb'
 * @throws {ImportError} on the first unsafe character when `policy` is `'error'`.
 */
export function normaliseText(raw: string, file: string, policy: ControlPolicy): Normalised {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const unsafe = findUnsafeCharacters(text);
  const first = unsafe[0];
  if (!first) return { text, stripped: [] };
  if (policy === 'error') {
    throw new ImportError(
      `${first.label} ${first.codePoint} in the text` +
        (unsafe.length > 1 ? ` (and ${unsafe.length - 1} more)` : ''),
      {
        file,
        line: first.line,
        column: first.column,
        hint:
          'remove it from the source text, or run the importer with --strip-controls to drop every ' +
          'such character (each one is then listed in the front matter under `removed`).',
      },
    );
  }
  return { text: text.replace(UNSAFE, ''), stripped: unsafe };
}
