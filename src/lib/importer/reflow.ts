/**
 * Reflow: turns the lines of a plain-text source into blocks (paragraphs), whether the text has one
 * paragraph per line or was hard-wrapped (as text copied out of a PDF is).
 */

/** A line of the source, with its 1-based line number in the file. */
export interface SourceLine {
  text: string;
  line: number;
}

/** A place where removed furniture separated two posts (see the `break` furniture rules). */
export interface BreakMarker {
  break: true;
  line: number;
}

export type LineItem = SourceLine | BreakMarker;

/** A paragraph of text, with the lines it came from. */
export interface TextBlock {
  kind: 'text';
  text: string;
  startLine: number;
  endLine: number;
}

/** A break between posts. */
export interface BreakBlock {
  kind: 'break';
  line: number;
}

export type Block = TextBlock | BreakBlock;

/** How line breaks are read: `lines` (each line is a paragraph), `wrapped`, or `auto`. */
export type WrapMode = 'auto' | 'lines' | 'wrapped';

const SENTENCE_END = /[.!?…:;"”’')\]]$/u;
const INDENT = /^ {2,}|^\t/;

function isBreak(item: LineItem): item is BreakMarker {
  return 'break' in item;
}

/**
 * Whether the text was hard-wrapped: most lines are short, and many stop in mid-sentence with the
 * sentence going on, in lower case, on the next line. (A text with one paragraph per line has
 * short lines too, its headlines and header lines, but the next line starts a new sentence.)
 *
 * @example detectWrapped(['A line that runs', 'on into the next', 'one, and stops.', 'Then a new one.']) // true
 */
export function detectWrapped(lines: readonly string[]): boolean {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  if (nonEmpty.length < 3) return false;
  const lengths = nonEmpty.map((line) => line.trim().length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const current = lines[i]!.trim();
    const next = lines[i + 1]!.trim();
    if (current && next && !SENTENCE_END.test(current) && /^\p{Ll}/u.test(next)) runOn++;
  }
  return median <= 90 && runOn / nonEmpty.length >= 0.25;
}

/**
 * Joins two pieces of a paragraph split at a line break. A word broken after a hyphen is rejoined
 * without a space and keeps its hyphen ("anti-" + "Russia" → "anti-Russia"): the hyphen may be part
 * of the word, and the importer never removes characters it cannot prove are not text.
 *
 * @example joinWrapped('nuclear-', 'capable bombers') // 'nuclear-capable bombers'
 */
export function joinWrapped(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  if (/\p{L}-$/u.test(left) && /^\p{L}/u.test(right)) return left + right;
  return `${left} ${right}`;
}

/** Collapses runs of white space (but not no-break spaces) to one space and trims. */
export function normaliseSpacing(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

function pushText(blocks: Block[], lines: SourceLine[]): void {
  if (lines.length === 0) return;
  const text = normaliseSpacing(lines.map((l) => l.text.trim()).reduce(joinWrapped, ''));
  if (text === '') return;
  blocks.push({ kind: 'text', text, startLine: lines[0]!.line, endLine: lines[lines.length - 1]!.line });
}

function pushBreak(blocks: Block[], line: number): void {
  const last = blocks[blocks.length - 1];
  // A break at the very start, or right after another, separates nothing.
  if (last && last.kind !== 'break') blocks.push({ kind: 'break', line });
}

/** One paragraph per non-empty line. */
function reflowLines(items: readonly LineItem[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (isBreak(item)) pushBreak(blocks, item.line);
    else pushText(blocks, [item]);
  }
  return blocks;
}

/**
 * Hard-wrapped text. With indented paragraph starts (three spaces, as PDF copies have), only an
 * indented line starts a paragraph and blank lines are page breaks; without them, a blank line ends a
 * paragraph unless the line before it stops mid-sentence and the next one goes on in lower case.
 */
function reflowWrapped(items: readonly LineItem[]): Block[] {
  const textLines = items.filter((item): item is SourceLine => !isBreak(item));
  const nonEmpty = textLines.filter((l) => l.text.trim() !== '');
  const indented = nonEmpty.filter((l) => INDENT.test(l.text)).length;
  const indentMode = indented >= 2 && indented / nonEmpty.length >= 0.05;

  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  let pendingBlank = false;
  for (const item of items) {
    if (isBreak(item)) {
      pushText(blocks, current);
      current = [];
      pushBreak(blocks, item.line);
      continue;
    }
    if (item.text.trim() === '') {
      pendingBlank = true;
      continue;
    }
    let startsParagraph: boolean;
    if (indentMode) {
      startsParagraph = INDENT.test(item.text);
    } else if (pendingBlank) {
      const previous = current[current.length - 1]?.text.trim() ?? '';
      const continues = previous !== '' && !SENTENCE_END.test(previous) && /^\p{Ll}/u.test(item.text.trim());
      startsParagraph = !continues;
    } else {
      startsParagraph = false;
    }
    if (startsParagraph) {
      pushText(blocks, current);
      current = [];
    }
    current.push(item);
    pendingBlank = false;
  }
  pushText(blocks, current);
  return blocks;
}

/**
 * Turns lines into blocks.
 *
 * @example reflow([{ text: 'One', line: 1 }, { text: 'Two', line: 2 }], 'lines')
 * // [{ kind: 'text', text: 'One', … }, { kind: 'text', text: 'Two', … }]
 */
export function reflow(items: readonly LineItem[], mode: WrapMode): Block[] {
  const wrapped =
    mode === 'wrapped' ||
    (mode === 'auto' && detectWrapped(items.filter((i): i is SourceLine => !isBreak(i)).map((i) => i.text)));
  return wrapped ? reflowWrapped(items) : reflowLines(items);
}
