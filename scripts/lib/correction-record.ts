/**
 * Adds to a record of content/corrections.yaml the published words of paragraphs a better copy
 * changed (`paragraphs:`), editing the file's text where the record is and nowhere else: the other
 * records, the comments and the editor's layout stay as they are. The result is read again and
 * refused unless it holds what it held, with the new entries added to that record alone.
 */
import { eolOf } from '../../src/lib/files.ts';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

/** The column of the character at `at` in `text`. */
function columnOf(text: string, at: number): number {
  return at - text.lastIndexOf('\n', at - 1) - 1;
}


/** The entries as block lines: `id: |` at `indent`, the words two spaces further in. */
export function entryLines(entries: readonly (readonly [string, string])[], indent: string): string[] {
  return entries.flatMap(([id, words]) => [`${indent}${id}: |`, ...words.split('\n').map((line) => (line ? `${indent}  ${line}` : ''))]);
}

/**
 * The file's text with `entries` (paragraph id, published words) added to the `paragraphs:` of
 * record `index` (from 0), or the reason it cannot be done without rewriting more than that.
 *
 * @example addParagraphs('- item: provenance:t\n  date: 2026-12-07\n  before: |\n    A.\n', 0, [['p', 'Words.']])
 * // { text: '- item: provenance:t\n  date: 2026-12-07\n  before: |\n    A.\n  paragraphs:\n    p: |\n      Words.\n' }
 */
export function addParagraphs(text: string, index: number, entries: readonly (readonly [string, string])[]): { text: string } | { problem: string } {
  const doc = parseDocument(text);
  const records = isSeq(doc.contents) ? doc.contents.items : [];
  const record = records[index];
  if (!isMap(record) || !record.range || record.flow) return { problem: 'the record is not written as a block of `name: value` lines' };
  const eol = eolOf(text);
  const firstKey = (record.items[0] as Pair<Node> | undefined)?.key;
  const fieldIndent = ' '.repeat(firstKey?.range ? columnOf(text, firstKey.range[0]) : 2);
  const pair = record.items.find((item) => isScalar(item.key) && item.key.value === 'paragraphs') as Pair<Node, Node | null> | undefined;
  const value = pair?.value;
  let result: string;
  if (isMap(value) && !value.flow && value.items.length > 0 && value.range) {
    // After the last entry, at the entries' own indentation.
    const first = (value.items[0] as Pair<Node>).key;
    const indent = ' '.repeat(first.range ? columnOf(text, first.range[0]) : fieldIndent.length + 2);
    const at = value.range[2];
    const before = text.slice(0, at);
    result = `${before}${before.endsWith('\n') ? '' : eol}${entryLines(entries, indent).join(eol)}${eol}${text.slice(at)}`;
  } else if (pair && (value === null || (isScalar(value) && value.value === null) || (isMap(value) && value.items.length === 0))) {
    // `paragraphs:` with nothing, or `paragraphs: {}`: the value written in its place.
    const range = value?.range ?? (pair.key as Node).range!;
    const [from, to] = value?.range ? [range[0], range[1]] : [range[2], range[2]];
    const start = text.slice(0, from).replace(/[ \t]+$/, '');
    result = `${start}${eol}${entryLines(entries, `${fieldIndent}  `).join(eol)}${text.slice(to).startsWith('\n') || text.slice(to).startsWith('\r\n') || to === text.length ? '' : eol}${text.slice(to)}`;
    if (to === text.length) result += eol;
  } else if (pair) {
    return { problem: '`paragraphs:` of the record is not a list of `id: words` lines' };
  } else {
    // A field of its own at the record's end, before any comment or blank line after it.
    const at = record.range[2];
    const before = text.slice(0, at);
    result = `${before}${before.endsWith('\n') ? '' : eol}${fieldIndent}paragraphs:${eol}${entryLines(entries, `${fieldIndent}  `).join(eol)}${eol}${text.slice(at)}`;
  }
  // Read again: every record as it was, and this one with the entries added.
  const was = doc.toJS() as Record<string, unknown>[];
  const now = parseDocument(result);
  if (now.errors.length > 0) return { problem: `adding to it would leave the file unreadable (${now.errors[0]!.message.split('\n')[0]})` };
  const expected = was.map((entry, at) => (at === index ? { ...entry, paragraphs: { ...((entry['paragraphs'] as Record<string, string> | null) ?? {}), ...Object.fromEntries(entries.map(([id, words]) => [id, `${words}\n`])) } } : entry));
  if (!isDeepStrictEqual(now.toJS(), expected)) return { problem: 'adding to it would change more than its `paragraphs:`' };
  return { text: result };
}
