/**
 * Edits of a YAML text that leave every other byte as it was: the re-import rewrites the fields it
 * owns in an article's front matter without reflowing the editor's folded summaries, moving keys
 * or dropping comments (a parse and re-stringify would do all three).
 */
import { isMap, isScalar, parseDocument, stringify } from 'yaml';

/** `key: value` as a YAML block, never folded, as the importer writes front matter. */
function yamlBlock(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Rewrites top-level keys of a YAML text in place, leaving every other byte as it was (folded
 * summaries, comments, key order). A missing key is added at the end.
 *
 * @example
 * replaceKeys('a: >-\n  folded\n  text\nremoved: []\nb: 1\n', new Map([['removed', [{ rule: 'x' }]]]))
 * // 'a: >-\n  folded\n  text\nremoved:\n  - rule: x\nb: 1\n'
 */
export function replaceKeys(yamlText: string, updates: ReadonlyMap<string, unknown>): string {
  const contents = parseDocument(yamlText).contents;
  if (!isMap(contents)) return yamlText;
  const edits: { start: number; end: number; text: string }[] = [];
  const present = new Set<string>();
  contents.items.forEach((pair, index) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!updates.has(key) || !isScalar(pair.key) || !pair.key.range) return;
    present.add(key);
    const start = lineStart(yamlText, pair.key.range[0]);
    const next = contents.items[index + 1]?.key;
    let end = next && isScalar(next) && next.range ? lineStart(yamlText, next.range[0]) : yamlText.length;
    // Comment lines just above the next key belong to it.
    while (end > start) {
      const previous = lineStart(yamlText, end - 1);
      const line = yamlText.slice(previous, end).trim();
      if (line !== '' && !line.startsWith('#')) break;
      if (previous === start) break;
      end = previous;
    }
    edits.push({ start, end, text: yamlBlock(key, updates.get(key)) });
  });
  let out = yamlText;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  for (const [key, value] of updates) {
    if (!present.has(key)) out = `${out}${out === '' || out.endsWith('\n') ? '' : '\n'}${yamlBlock(key, value)}`;
  }
  return out;
}

/**
 * Rewrites the scalar at `path` (e.g. `copy.source`) in place; the rest of the text is untouched.
 * Undefined when there is no scalar there.
 *
 * @example replaceScalar('copy:\n  source: a.txt\n  from: x\n', ['copy', 'source'], 'b.txt') // 'copy:\n  source: b.txt\n  from: x\n'
 */
export function replaceScalar(yamlText: string, path: readonly string[], value: string): string | undefined {
  const node = parseDocument(yamlText).getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  const scalar = stringify(value, { lineWidth: 0, defaultStringType: 'PLAIN' }).trimEnd();
  return yamlText.slice(0, node.range[0]) + scalar + yamlText.slice(node.range[1]);
}
