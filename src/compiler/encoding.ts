/**
 * A content file's text, or the problem that keeps it from being read: an article, an entry or an
 * inventory saved in another encoding (windows-1252 from a word processor, UTF-16 from a Windows
 * editor) read as UTF-8 would publish “ ” – … as the replacement character, silently; the editor is
 * told where the first such byte is and how to convert the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foreignByteOrderMark, utf16Order } from '../lib/importer/normalise.ts';
import type { Problem } from './problems.ts';

// `ignoreBOM`: a byte-order mark stays in the text, as readFileSync keeps it, for the check that refuses it (remark-guard).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of `file` (relative to `root`), and when it is not UTF-8 a problem naming its first byte
 * that is not (the text is then what a lenient reading gives, for the file's key only).
 *
 * @example readUtf8(root, 'content/glossary/nato.md') // { text: '---\nterm: NATO…' }
 */
export function readUtf8(root: string, file: string): { text: string; problem?: Problem } {
  const bytes = readFileSync(join(root, file));
  const mark = foreignByteOrderMark(bytes);
  const order = mark ? undefined : utf16Order(bytes.subarray(0, 8192));
  if (mark || order) {
    const encoding = mark?.encoding ?? order!;
    return { text: new TextDecoder(encoding === 'utf-32' ? 'utf-8' : encoding).decode(bytes), problem: { file, line: 1, column: 1, ruleId: 'file-encoding', reason: `the file is ${encoding.toUpperCase()}${mark ? ` (it begins with the byte-order mark ${mark.mark})` : ''}, not UTF-8`, fix: `convert it: iconv -f ${encoding} -t utf-8 "${file}" > converted && mv converted "${file}"` } };
  }
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // The longest start of the file that is UTF-8 (a sequence cut at its end is waiting, not wrong)…
    const fine = (end: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (fine(middle)) low = middle;
      else high = middle - 1;
    }
    // …and the sequence it waited on, when the next byte does not complete it: é in windows-1252 is E9, which UTF-8 reads as the start of three bytes.
    // A character complete before `low` ("é" before a windows-1252 quote) is not the one waited on.
    let bad = low;
    for (let back = low - 1; back >= Math.max(0, low - 3); back--) {
      const byte = bytes[back]!;
      if ((byte & 0xc0) === 0xc0) {
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (low - back < length) bad = back;
        break;
      }
      if ((byte & 0xc0) !== 0x80) break;
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n');
    const line = before.length;
    const column = before.at(-1)!.length + 1;
    const byte = bytes[Math.min(bad, bytes.length - 1)]!.toString(16).toUpperCase().padStart(2, '0');
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), problem: { file, line, column, ruleId: 'file-encoding', reason: `the file is not valid UTF-8 (byte ${byte} here): read as it is, its curly quotes, dashes and accents would be published as “�”`, fix: `convert it from the encoding it was saved in, most often windows-1252: iconv -f windows-1252 -t utf-8 "${file}" > converted && mv converted "${file}"; then check the line here reads right` } };
  }
}
