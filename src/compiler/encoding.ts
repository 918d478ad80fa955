/**
 * A content file's text, or the problem that keeps it from being read: an article, an entry or an
 * inventory saved in another encoding (windows-1252 from a word processor, UTF-16 from a Windows
 * editor) read as UTF-8 would publish “ ” – … as the replacement character, silently; the editor is
 * told where the first such byte is and how to convert the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstInvalidUtf8, foreignByteOrderMark, utf16Order } from '../lib/importer/normalise.ts';
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
    // Only a file that is not UTF-8 is searched for where it stops being.
    const bad = firstInvalidUtf8(bytes) ?? 0;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n');
    const line = before.length;
    const column = before.at(-1)!.length + 1;
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), problem: { file, line, column, ruleId: 'file-encoding', reason: `the file is not valid UTF-8 (byte ${byte} here): read as it is, its curly quotes, dashes and accents would be published as “�”`, fix: `convert it from the encoding it was saved in, most often windows-1252: iconv -f windows-1252 -t utf-8 "${file}" > converted && mv converted "${file}"; then check the line here reads right` } };
  }
}
