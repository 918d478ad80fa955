/**
 * Fidelity to the source: an article reproduces its raw copy (`content/sources/<copy.source>`) as it
 * was received, furniture removed by recorded rules aside. Each paragraph and heading must say words
 * of the source, in the source's order (once, where the source says it once), and each sentence of
 * the source must be said by the article (or its received title and header): a word changed, added
 * or left out, or a paragraph moved or pasted twice by hand, is found here, on its line, and not
 * only by the fidelity test after a build.
 *
 * The comparison forgives what the importer and the page change without changing a word: straight
 * and typographic quotation marks, spaces, tabs and line breaks, a word broken at a line's end. It
 * does not forgive a space of another kind: a no-break space (U+00A0) typed for a space, or a space
 * typed for the source's no-break space, changes where the line may break, and is named.
 */
import type { PassageInfo } from '../plugins/remark-passage-anchors.ts';
import type { Problem } from './problems.ts';
import { normaliseText } from '../lib/importer/normalise.ts';
import { CONTROL_CHARACTERS_RULE } from '../lib/importer/removals.ts';

/**
 * Text as it is compared: quotation marks alike, a word broken after a hyphen at a line's end
 * rejoined, every run of spaces, tabs and line breaks one space. Other spaces (no-break, thin,
 * narrow) are kept as they are, as characters of the text, but beside a line break, where they are
 * the copy's wrapping (the importer's reflow trims them).
 *
 * @example comparable('“Stop” it\n  now') // '"Stop" it now'
 */
export function comparable(text: string): string {
  return text
    .replace(/[‘’‚‛′]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/(\p{L})-[ \t]*\r?\n[ \t\r\n]*(?=\p{L})/gu, '$1-')
    // A space of any kind next to a line break is the copy's wrapping, which the importer reflows.
    .replace(/\s*\n\s*/gu, ' ')
    .replace(/[ \t\n\r\f\v]+/gu, ' ')
    .replace(/^ | $/gu, '');
}

/** The names of the spaces an eye cannot tell from a space, for a message. */
const SPACES: Record<string, string> = {
  ' ': 'a space',
  '\u00a0': 'a no-break space (U+00A0)',
  '\u2007': 'a figure space (U+2007)',
  '\u2009': 'a thin space (U+2009)',
  '\u200a': 'a hair space (U+200A)',
  '\u202f': 'a narrow no-break space (U+202F)',
  '\u3000': 'an ideographic space (U+3000)',
};

/** `character` named if it is a space (`a no-break space (U+00A0)`), else undefined. */
function spaceName(character: string | undefined): string | undefined {
  if (character === undefined || !/\s/u.test(character)) return undefined;
  return SPACES[character] ?? `a space U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What an article says of itself that the comparison needs. */
export interface FidelityInput {
  /** The article, relative to the root. */
  file: string;
  /** The raw copy, relative to the root, and its text. */
  sourceFile: string;
  raw: string;
  /** Furniture removed by rule: each occurrence's rule, its lines (`7`, `78–81`, `12:5`) and exact text. */
  removed: readonly { rule: string; lines: string; text: string }[];
  /** The title and header lines as received, shown on the page as the source's. */
  received: readonly string[];
  passages: readonly PassageInfo[];
}

/** Up to `words` words at the end of `text`. */
const tail = (text: string, words = 6) => text.split(' ').slice(-words).join(' ');
/** Up to `words` words at the start of `text`. */
const head = (text: string, words = 6) => text.split(' ').slice(0, words).join(' ');

/** Where `block` first says what the source does not: the words before, and what each has next. */
function divergence(block: string, source: string): { before: string; article: string; source: string } | { spaces: string; at: number } | undefined {
  // The longest start of the block that the source says, found by halving.
  let low = 0;
  let high = block.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (source.includes(block.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  // Where the two part at a space of another kind, the words look the same: name the two spaces
  // (the source's is the one that, put in its place, lets the block's next words follow).
  const mine = spaceName(block[low]);
  if (mine !== undefined) {
    const next = block.slice(low + 1, low + 25);
    const theirs = Object.keys(SPACES).find((space) => space !== block[low] && source.includes(block.slice(0, low) + space + next));
    if (theirs !== undefined) return { spaces: `${mine} where its source has ${spaceName(theirs)}, after “${tail(block.slice(0, low).trim(), 4)}”`, at: source.indexOf(block.slice(0, low) + theirs + next) + low };
  }
  // Back to the start of the word the block and the source part in (a space just after the common
  // start is not part of it: there the two part before the space).
  const cut = block.lastIndexOf(' ', low - 1) + 1;
  if (cut < 12) return undefined;
  const at = source.indexOf(block.slice(0, cut));
  if (at < 0) return undefined;
  return { before: tail(block.slice(0, cut).trim()), article: head(block.slice(cut)), source: head(source.slice(at + cut)) };
}

/** Where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * `text` with one removed occurrence blanked where its rule removed it: on its recorded lines (the
 * same words elsewhere, in the text itself, stay), or, if the lines do not hold it, where it first
 * is. A control character's record names it and is not the text (the characters are cut before).
 */
function blank(text: string, removal: { rule: string; lines: string; text: string }): string {
  if (removal.rule === CONTROL_CHARACTERS_RULE) return text;
  const range = /^(\d+)(?:\s*[–-]\s*(\d+))?(?::\d+)?$/.exec(removal.lines.trim());
  let at = -1;
  if (range) {
    const starts = lineStarts(text);
    const from = starts[Number(range[1]) - 1];
    const to = starts[Number(range[2] ?? range[1])] ?? text.length;
    if (from !== undefined) {
      const inside = text.slice(from, to + removal.text.length).indexOf(removal.text);
      if (inside >= 0) at = from + inside;
    }
  }
  if (at < 0) at = text.indexOf(removal.text);
  if (at < 0) return text;
  return text.slice(0, at) + removal.text.replace(/[^\n]/g, ' ') + text.slice(at + removal.text.length);
}

/**
 * The line of `kept` on which the character at `offset` of its normalised text stands: the first
 * line whose normalised prefix reaches past it (found by halving; run only when words are missing).
 */
function lineOf(kept: string, offset: number): number {
  const lines = kept.split('\n');
  let low = 1;
  let high = lines.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (comparable(lines.slice(0, mid).join('\n')).length > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** How many times `part` stands in `text`, copies not overlapping. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** `once`, `twice`, `3 times`. */
const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);

const kindOf = (passage: PassageInfo) => (passage.kind === 'heading' ? 'heading' : 'paragraph');

/**
 * The indexes of `values` outside one longest strictly increasing run of them (patience sorting):
 * the paragraphs that left the source's order, when one was moved rather than all the others.
 *
 * @example outsideLongestRun([50, 10, 20, 30, 40]) // Set { 0 }
 */
export function outsideLongestRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const before = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) before[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const run = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = before[index]!) run.add(index);
  return new Set(values.map((_, index) => index).filter((index) => !run.has(index)));
}

/** The fidelity problems of one article: a block that is not in its source, a sentence of the source in no block. */
export function fidelityProblems(input: FidelityInput): Problem[] {
  // The copy as the importer reads it (byte-order mark and line endings made plain, characters that
  // cannot be shown as text cut: remark-guard refuses them in an article, and the importer strips
  // them only when told to, and records it), then removed furniture blanked, not cut, so that the
  // copy keeps its line numbers.
  let kept = normaliseText(input.raw, input.sourceFile, 'strip').text;
  for (const removal of input.removed) kept = blank(kept, removal);
  const source = comparable(kept);
  const fix = `a text is reproduced as its source has it: put the source's words back (\`npm run import -- ${input.sourceFile} --force\` does, after backing the article up); say what is wrong with the text in a <Note> or under \`defects\`, and remove furniture by a rule in content/import-rules/. If it is the raw copy that was edited, restore it instead (\`git diff -- ${input.sourceFile}\` shows the change): a raw copy is kept as received. If a better copy of the text replaced the one received, put its words in ${input.sourceFile}, re-import it with --force and say so as a correction of the provenance (README, "Recording a correction").`;
  const problems: Problem[] = [];
  const said: string[] = [...input.received.map(comparable)];
  // Each paragraph found in the source is placed where the source says it (the next copy on from
  // the paragraph before, for words the source says more than once); order is judged after.
  const placed: { passage: PassageInfo; block: string; at: number }[] = [];
  const uses = new Map<string, number>();
  let last = -1;
  for (const passage of input.passages) {
    const block = comparable(passage.text);
    said.push(block);
    if (source.includes(block)) {
      if (block === '') continue;
      const used = (uses.get(block) ?? 0) + 1;
      uses.set(block, used);
      // A first use is in the source (just found); a second or later is counted against its copies.
      const copies = used > 1 ? occurrences(source, block) : 1;
      if (used > copies) {
        problems.push({
          file: input.file,
          line: passage.line,
          column: 1,
          ruleId: 'text-fidelity',
          reason: `${kindOf(passage)} ^${passage.id} (“${head(block, 8)}…”) is said ${times(used)}; its source (${input.sourceFile}:${lineOf(kept, source.indexOf(block))}) says it ${times(copies)}`,
          fix: 'remove the copy pasted in: a text says what its source says, as often as it says it.',
        });
        continue;
      }
      const next = source.indexOf(block, last + 1);
      const at = next >= 0 ? next : source.indexOf(block);
      placed.push({ passage, block, at });
      last = at;
      continue;
    }
    const what = kindOf(passage);
    const found = divergence(block, source);
    problems.push({
      file: input.file,
      line: passage.line,
      column: 1,
      ruleId: 'text-fidelity',
      reason: found && 'spaces' in found
        ? `${what} ^${passage.id} has ${found.spaces} (${input.sourceFile}:${lineOf(kept, found.at)})`
        : found
        ? `${what} ^${passage.id} says “…${found.before} ${found.article}…” where its source (${input.sourceFile}) has “…${found.before} ${found.source}…”`
        : `${what} ^${passage.id} (“${head(block, 8)}…”) is not in its source (${input.sourceFile})`,
      fix: found && 'spaces' in found ? `put the source's space back: copy those words from ${input.sourceFile} (\`npm run import -- ${input.sourceFile} --force\` puts the whole text back, after backing the article up). A space of another kind changes where a line may break, so the text keeps its source's.` : fix,
    });
  }
  // A paragraph moved: the paragraphs outside the longest run that keeps the source's order, each
  // named with its neighbour in the source among those that kept their place.
  const moved = outsideLongestRun(placed.map((entry) => entry.at));
  const stayed = placed.filter((_, index) => !moved.has(index));
  for (const index of moved) {
    const { passage, block, at } = placed[index]!;
    const after = stayed.filter((entry) => entry.at < at).at(-1);
    const before = stayed.find((entry) => entry.at > at);
    const neighbour = after ? `after ^${after.passage.id} (“${head(after.block, 8)}…”)` : `before ^${before!.passage.id} (“${head(before!.block, 8)}…”)`;
    problems.push({
      file: input.file,
      line: passage.line,
      column: 1,
      ruleId: 'text-fidelity',
      reason: `${kindOf(passage)} ^${passage.id} (“${head(block, 8)}…”) is out of its source's order: its source (${input.sourceFile}:${lineOf(kept, at)}) has it ${neighbour}`,
      fix: `put it back in its source's place (a text is reproduced as received: if the source's order is wrong, say so under \`defects\` in the front matter, or in a <Note>, and keep it).`,
    });
  }
  // Words of the source that nothing on the page says: words left out, or a paragraph deleted. Each
  // thing said covers its place in the source (the next one after the last, as the page follows
  // the source's order); what is left uncovered and holds a word is missing. One pass over the
  // source, not a search of the page for each of its sentences.
  if (problems.length === 0) {
    const covered = new Uint8Array(source.length);
    let next = 0;
    for (const text of said) {
      if (text === '') continue;
      let at = source.indexOf(text, next);
      if (at < 0) at = source.indexOf(text);
      if (at < 0) continue;
      covered.fill(1, at, at + text.length);
      next = at + text.length;
    }
    for (let start = 0; start < source.length; ) {
      if (covered[start]) {
        start++;
        continue;
      }
      let end = start;
      while (end < source.length && !covered[end]) end++;
      const gap = source.slice(start, end);
      const first = start + (gap.length - gap.trimStart().length);
      start = end;
      const missing = gap.trim();
      if (!/[\p{L}\p{N}]/u.test(missing)) continue;
      // The line of the raw copy where the missing words begin.
      const line = lineOf(kept, first);
      problems.push({
        file: input.file,
        ruleId: 'text-fidelity',
        reason: `the article leaves out words of its source (${input.sourceFile}:${line}): “${missing.length > 80 ? `${head(missing, 12)}…` : missing}”`,
        fix: `${fix} A paragraph of furniture that was never the text's is removed by a rule, which the page lists.`,
      });
    }
  }
  return problems;
}
