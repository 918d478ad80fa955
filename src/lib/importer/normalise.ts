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
 * separators, the bidirectional embedding, override and isolate controls, which can make the page
 * show text in another order than it is stored (the "Trojan Source" trick), and invisible
 * characters that only hide in copied text: zero-width space, left-to-right and right-to-left
 * marks, word joiner and invisible operators, a byte-order mark inside the text, the Mongolian
 * vowel separator. They make a word unfindable ("NA\u200BTO") without showing. The zero-width
 * joiner and non-joiner are kept: they shape emoji and some scripts.
 */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/gu;

function labelOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'control character';
  if (code === 0x2028 || code === 0x2029) return 'line or paragraph separator';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return 'bidirectional formatting character';
  }
  if (code >= 0xd800 && code <= 0xdfff) return 'unpaired surrogate';
  const invisible: Record<number, string> = {
    0x180e: 'Mongolian vowel separator',
    0x200b: 'zero-width space',
    0x200e: 'left-to-right mark',
    0x200f: 'right-to-left mark',
    0x2060: 'word joiner',
    0xfeff: 'zero-width no-break space (a byte-order mark inside the text)',
  };
  if (invisible[code]) return invisible[code];
  if (code >= 0x2061 && code <= 0x2064) return 'invisible operator';
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

/**
 * A character for a message: code point, name and place.
 *
 * @example describeCharacter({ codePoint: 'U+200B', label: 'zero-width space', line: 4, column: 17, char: '\u200B' })
 * // 'U+200B zero-width space at line 4, column 17'
 */
export function describeCharacter(char: UnsafeCharacter): string {
  return `${char.codePoint} ${char.label} at line ${char.line}, column ${char.column}`;
}

/** The byte-order marks of the Unicode encodings that are not UTF-8, longest first (UTF-32LE's begins with UTF-16LE's). */
const FOREIGN_MARKS: readonly { encoding: 'utf-16' | 'utf-32'; bytes: readonly number[] }[] = [
  { encoding: 'utf-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'utf-32', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'utf-16', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16', bytes: [0xfe, 0xff] },
];

/**
 * The encoding a byte-order mark at the start of `bytes` names, when it is not UTF-8, with the mark
 * as hex: such a file read as UTF-8 is not valid UTF-8, and converting it from windows-1252, as one
 * that is not would be, turns every other character into garbage. `iconv -f utf-16` (or
 * `utf-32`) reads the mark for the byte order and leaves it out.
 *
 * @example foreignByteOrderMark(Buffer.from([0xff, 0xfe, 0x41, 0x00])) // { encoding: 'utf-16', mark: 'FF FE' }
 * @example foreignByteOrderMark(Buffer.from('A')) // undefined
 */
export function foreignByteOrderMark(bytes: Uint8Array): { encoding: 'utf-16' | 'utf-32'; mark: string } | undefined {
  const found = FOREIGN_MARKS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  return found && { encoding: found.encoding, mark: found.bytes.map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ') };
}

/**
 * UTF-16 without a byte-order mark, by its zero bytes: the high byte of each Latin character is 0,
 * at odd offsets in little-endian text and at even ones in big-endian. Undefined for other files.
 */
export function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let index = 0; index < head.length; index++) if (head[index] === 0) index % 2 === 0 ? even++ : odd++;
  const half = head.length / 2;
  if (odd > 0.4 * half && even < 0.05 * half) return 'utf-16le';
  if (even > 0.4 * half && odd < 0.05 * half) return 'utf-16be';
  return undefined;
}

/**
 * The offset of the first byte of `bytes` that is not UTF-8, or undefined for UTF-8. A binary search
 * finds the longest start that decodes (a sequence cut at its end is waiting, not wrong); the bad
 * byte is the next one, or the lead byte of the sequence it left incomplete (é in windows-1252 is
 * E9, which UTF-8 reads as the start of three bytes), never a character complete before it.
 *
 * @example firstInvalidUtf8(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20])) // 3
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const fine = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: end < bytes.length });
      return true;
    } catch {
      return false;
    }
  };
  if (fine(bytes.length)) return undefined;
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fine(middle)) low = middle;
    else high = middle - 1;
  }
  for (let back = low - 1; back >= Math.max(0, low - 3); back--) {
    const byte = bytes[back]!;
    if ((byte & 0xc0) === 0xc0) return low - back < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) ? back : low;
    if ((byte & 0xc0) !== 0x80) break;
  }
  return Math.min(low, bytes.length - 1);
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
    const list = unsafe.map((char) => `\n  ${describeCharacter(char)}`).join('');
    throw new ImportError(
      `the text holds ${unsafe.length === 1 ? 'a character' : `${unsafe.length} characters`} that cannot be shown as text:${list}`,
      {
        file,
        line: first.line,
        column: first.column,
        hint:
          `remove ${unsafe.length === 1 ? 'it' : 'them'} from the source text, or run the importer with --strip-controls to drop every ` +
          'such character (each one is then listed in the front matter under `removed`).',
      },
    );
  }
  return { text: text.replace(UNSAFE, ''), stripped: unsafe };
}
