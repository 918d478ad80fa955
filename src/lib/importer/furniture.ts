/**
 * Lines that look like site furniture ("Advertisement", "Share this:", "Read more"), pointed out
 * at import so that the editor removes them by a rule before publishing: once published, a
 * paragraph's id is permanent and a furniture line removed later leaves an alias to record.
 * Nothing is removed here: only a rule removes text (content/import-rules/).
 */
import type { Block } from './reflow.ts';

/**
 * Labels republishing sites put between an article's paragraphs. Whole-line matches only, so that
 * "Share prices fell." or a section heading ("The talks") is never taken for one.
 */
const FURNITURE =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|share(?: this(?: article| story| post)?)?|share on \w+|tweet|email|print|subscribe(?: now)?|sign up(?: for our newsletter)?|newsletter|related(?: articles| stories| posts| news)?|read (?:more|also)|see also|more on this(?: story)?|continue reading|comments?|\d+ comments?|leave a (?:reply|comment)|follow us(?: on \w+)?|click (?:here|to share)|like this|loading…?|donate|support us|photo|video|listen)\s*:?$/iu;

/** A line of the source that looks like furniture. */
export interface FurnitureCandidate {
  line: number;
  text: string;
}

/**
 * The one-line paragraphs of `blocks` that read as site furniture.
 *
 * @example furnitureCandidates([{ kind: 'text', text: 'Share this:', startLine: 17, endLine: 17 }])
 * // [{ line: 17, text: 'Share this:' }]
 */
export function furnitureCandidates(blocks: readonly Block[]): FurnitureCandidate[] {
  return blocks.flatMap((block) => (block.kind === 'text' && block.startLine === block.endLine && FURNITURE.test(block.text.trim()) ? [{ line: block.startLine, text: block.text.trim() }] : []));
}

/** `a`, `a and b`, `a, b and c` */
function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The to-do item for the candidates, or nothing. */
export function furnitureTodo(candidates: readonly FurnitureCandidate[], sourceFile: string): string[] {
  if (candidates.length === 0) return [];
  const places = list(candidates.map((c, i) => `${i === 0 ? (candidates.length === 1 ? 'line ' : 'lines ') : ''}${c.line} “${c.text}”`));
  const them = candidates.length === 1 ? 'it' : 'them';
  return [
    `furniture: ${places} ${candidates.length === 1 ? 'looks' : 'look'} like site furniture: if ${candidates.length === 1 ? 'it is' : 'they are'}, remove ${them} by a rule in ${rulesFileOf(sourceFile)} and re-import with --force before you publish (a published paragraph's id must live on as an alias)`,
  ];
}

/** The report line for the candidates, with the rule to paste, or nothing. */
export function furnitureReport(candidates: readonly FurnitureCandidate[], sourceFile: string): string[] {
  if (candidates.length === 0) return [];
  const lines = [...new Set(candidates.map((c) => JSON.stringify(c.text)))];
  return [
    [
      `${candidates.length} line${candidates.length === 1 ? ' looks' : 's look'} like site furniture: ${candidates.map((c) => `line ${c.line} “${c.text}”`).join(', ')}. If ${candidates.length === 1 ? 'it is' : 'they are'}, add to ${rulesFileOf(sourceFile)}`,
      '    rules:',
      '      - id: site-furniture',
      '        reason: "<a sentence for readers: why these lines are not article text>"',
      `        lines: [${lines.join(', ')}]`,
      '  and re-import with --force, before you publish.',
    ].join('\n'),
  ];
}

/** `content/import-rules/<source file without .txt>.yaml`, the source's own rules. */
function rulesFileOf(sourceFile: string): string {
  return `content/import-rules/${sourceFile.replace(/\.txt$/u, '')}.yaml`;
}
