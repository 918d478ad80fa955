/**
 * Corrections in the open: every correction of the apparatus (`updated`/`change` on a note, a
 * glossary entry or an article's provenance) is listed on /corrections/ with the wording it
 * replaced, kept in `content/corrections.yaml` (src/schemas/corrections.ts), and shown as a
 * difference, paragraph by paragraph and word by word. Pure logic: what an item is, its wording,
 * the difference, the check that every correction keeps its earlier wording, where each
 * correction is listed.
 */
import { dice } from './dice.ts';
import { escapeHtml } from './inline-markdown.ts';
import { hasOtherScript, languageHtml, sourceTitle, type SourceTitle } from './source-language.ts';
import { didYouMean } from './suggest.ts';
import { fingerprint } from './ledger.ts';
import { paths } from './urls.ts';

/** The kinds of item a correction can concern. */
export const CORRECTION_ITEM_KINDS = ['note', 'term', 'provenance'] as const;
export type CorrectionItemKind = (typeof CORRECTION_ITEM_KINDS)[number];

/** How readers see each kind of item. */
export const CORRECTION_ITEM_LABELS: Record<CorrectionItemKind, string> = {
  note: 'Note',
  term: 'Glossary entry',
  provenance: 'Provenance',
};

/** `note:<id>`, `term:<id>` or `provenance:<slug>`. */
export const CORRECTION_ITEM = /^(note|term|provenance):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * The kind and id of an item key, or undefined when it is not one.
 *
 * @example parseItem('note:union-state-date') // { kind: 'note', id: 'union-state-date' }
 */
export function parseItem(key: string): { kind: CorrectionItemKind; id: string } | undefined {
  const match = CORRECTION_ITEM.exec(key);
  return match ? { kind: match[1] as CorrectionItemKind, id: match[2]! } : undefined;
}

/**
 * The id of a correction's entry on the corrections pages: the item and the date, so that it never
 * changes once published.
 *
 * @example correctionAnchor('note:union-state-date', '2026-12-03') // 'note-union-state-date-2026-12-03'
 */
export function correctionAnchor(item: string, date: string): string {
  return `${item.replace(':', '-')}-${date}`;
}

/**
 * The page that lists the corrections of a year (relative to the site's base). Each year has its
 * own page, so that no page grows with the edition's age, and an entry's address follows from its
 * date alone: a corrected note links to it without knowing any other correction.
 *
 * @example correctionsYearPath('2026-12-03') // 'corrections/2026/'
 */
export function correctionsYearPath(date: string): string {
  return `corrections/${date.slice(0, 4)}/`;
}

/**
 * The page of one correction, relative to the base: the correction with the wording before and
 * after it, in its year's folder. Like the year's page, its address follows from the item and the
 * date alone, and no page grows with the number of corrections: the year's page lists each
 * correction with what changed and links here for the difference.
 *
 * @example correctionPath('note:x', '2026-12-03') // 'corrections/2026/note-x-2026-12-03/'
 */
export function correctionPath(item: string, date: string): string {
  return `${correctionsYearPath(date)}${correctionAnchor(item, date)}/`;
}

/**
 * Corrections a page of a year's list holds. The pages are cut in the order the corrections were
 * made, so that an entry stays on its page as later ones are added (its address never changes):
 * page 1, the year's own address, holds its first CORRECTIONS_PER_PAGE, page 2
 * (`corrections/<year>/page/2/`) the next. Each entry is about 1.4 KB of HTML: a page stays under
 * about 210 KB however many corrections a year has. The environment sets another for tests.
 */
export const CORRECTIONS_PER_PAGE = Number(globalThis.process?.env['CORRECTIONS_PER_PAGE']) || 150;

/**
 * The pages of a year's corrections (given newest first, as listed), each newest first: the
 * oldest CORRECTIONS_PER_PAGE on page 1, and so on. At least one page.
 *
 * @example correctionYearPages(['e', 'd', 'c', 'b', 'a'], 2) // [['b', 'a'], ['d', 'c'], ['e']]
 */
export function correctionYearPages<T>(newestFirst: readonly T[], size: number = CORRECTIONS_PER_PAGE): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const pages: T[][] = [];
  for (let start = 0; start < oldestFirst.length; start += size) pages.push(oldestFirst.slice(start, start + size).reverse());
  return pages.length > 0 ? pages : [[]];
}

/**
 * The address of page `number` of a year's corrections, relative to the base.
 *
 * @example correctionsYearPagePath('2026', 1) // 'corrections/2026/'
 * @example correctionsYearPagePath('2026', 3) // 'corrections/2026/page/3/'
 */
export function correctionsYearPagePath(year: string, number: number): string {
  return number === 1 ? correctionsYearPath(year) : `${correctionsYearPath(year)}page/${number}/`;
}

/**
 * Where a correction is listed among its year's, relative to the base: the entry on page `number`
 * of the year. Until 6 December 2026 the year's page showed every difference in full and items
 * linked here; the entry keeps its anchor, so those links still land on it, and it links on to
 * the correction's page.
 *
 * @example correctionListedPath('note:x', '2026-12-03') // 'corrections/2026/#note-x-2026-12-03'
 * @example correctionListedPath('note:x', '2026-12-03', 2) // 'corrections/2026/page/2/#note-x-2026-12-03'
 */
export function correctionListedPath(item: string, date: string, number = 1): string {
  return `${correctionsYearPagePath(date.slice(0, 4), number)}#${correctionAnchor(item, date)}`;
}

/** How a source's title begins its line in an item's wording. */
const SOURCE_LINE = 'Source: ';

/**
 * A note's wording as the corrections compare it: its body as plain text, paragraph by paragraph,
 * then one line per source title (a source replaced is a change readers should see).
 *
 * @example noteWording('The treaty was signed in 1999.', ['Treaty text']) // 'The treaty was signed in 1999.\n\nSource: Treaty text'
 */
export function noteWording(bodyText: string, sourceTitles: readonly string[]): string {
  return prose([bodyText, ...sourceTitles.map((title) => `${SOURCE_LINE}${title}`)]);
}

/** A note's fingerprint in the anchor ledger: of its words and its sources' titles, as {@link noteWording} gives them. */
export function noteFingerprint(bodyText: string, sourceTitles: readonly string[]): string {
  return fingerprint(noteWording(bodyText, sourceTitles));
}

/**
 * Paragraphs as the corrections keep them: each on one line (a hard wrap in the file is a space, so
 * that re-wrapping a paragraph is no change), separated by a blank line, empty ones dropped.
 *
 * @example prose(['One\nline.', '', 'Two.\n\nThree.']) // 'One line.\n\nTwo.\n\nThree.'
 */
export function prose(blocks: readonly string[]): string {
  return blocks
    .flatMap((block) => block.split(/\n\s*\n/))
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A glossary entry's wording: its short definition, its body as plain text, its sources' titles. */
export function termWording(short: string, bodyText: string, sourceTitles: readonly string[]): string {
  return prose([short, bodyText, ...sourceTitles.map((title) => `${SOURCE_LINE}${title}`)]);
}

/** An article's provenance as the corrections compare it: the summary, where the copy came from, each known defect. */
export function provenanceWording(summary: string, from: string, defects: readonly { title: string; detail: string }[]): string {
  // The provenance's fields allow inline Markdown links; readers see their words, not the syntax.
  const words = (text: string) => text.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');
  return prose([summary, from.trim() && `Copy: ${words(from)}`, ...defects.map((defect) => `Defect: ${defect.title.trim()}. ${words(defect.detail)}`)]);
}

/** A piece of a difference: text kept, removed (in the earlier wording only) or inserted. */
export interface DiffPart {
  type: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * Words, each mark of punctuation and the spaces between them, each its own token ("1995," is
 * two); a number with its separators is one ("190,000", "3.5"), so that a figure changed reads as
 * one figure replaced, not as "190" kept and ",000" moved.
 */
function tokens(text: string): string[] {
  return text.match(/\s+|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/**
 * The longest common subsequence of `a` and `b`, by suffixes: entry `i * (b.length + 1) + j` is the
 * length of the longest one of `a.slice(i)` and `b.slice(j)`. Read from (0, 0), it says at each step
 * whether to keep both items, or drop one of `a` or of `b` (the words of a difference, its paragraphs).
 */
function commonSuffixLengths(a: readonly string[], b: readonly string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  return table;
}

/** Above this many token pairs the difference is not computed word by word (a whole rewrite is shown as one). */
const MAX_CELLS = 4_000_000;

/**
 * The word-level difference between an earlier and a later wording: the longest common run of
 * words kept, the rest removed or inserted. A space alone between two changes is folded into them,
 * so that "a b c" → "a x y c" reads as `b` replaced by `x y`, not as two changes.
 *
 * @example wordDiff('signed on 5 June', 'signed on 7 June')
 * // [{ type: 'equal', text: 'signed on ' }, { type: 'delete', text: '5' }, { type: 'insert', text: '7' }, { type: 'equal', text: ' June' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const raw: DiffPart[] = [];
  const push = (type: DiffPart['type'], text: string) => {
    if (text === '') return;
    const last = raw.at(-1);
    if (last && last.type === type) last.text += text;
    else raw.push({ type, text });
  };
  push('equal', a.slice(0, head).join(''));
  if (midA.length * midB.length > MAX_CELLS) {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    const width = m + 1;
    const table = commonSuffixLengths(midA, midB);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('equal', midA[i]!);
        i++;
        j++;
      } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
        push('delete', midA[i++]!);
      } else {
        push('insert', midB[j++]!);
      }
    }
    while (i < n) push('delete', midA[i++]!);
    while (j < m) push('insert', midB[j++]!);
  }
  push('equal', a.slice(a.length - tail).join(''));
  return tidy(slide(raw));
}

/** Words of a paragraph as the pairing compares them: letters and digits, lower-cased. */
function wordsOf(paragraph: string): string[] {
  return paragraph.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How alike two paragraphs are, 0 to 1: Dice's coefficient of their words. */
function likeness(a: string, b: string): number {
  return dice(wordsOf(a), wordsOf(b));
}

/**
 * Below this likeness an earlier and a later paragraph are not compared word by word: one was
 * removed and another added. A source's line must be closer: two titles of different reports share
 * half their words easily ("Ukraine says troops attacked from Belarus (Reuters)" and "Ukrainian
 * State Border Service says troops attacked from Belarus (The Hill)"), and interleaved they name
 * neither; the same source with its outlet or a word corrected stays well above.
 */
const PAIRED = 0.5;
const PAIRED_SOURCE = 0.75;

/**
 * The difference between an earlier and a later wording, paragraph by paragraph: paragraphs kept
 * whole are matched first; of the rest, an earlier and a later paragraph in the same place are
 * compared word by word (wordDiff) when they share at least half their words, and otherwise
 * shown as one removed and one added. A source replaced by another is then read as the one
 * source struck out and the other added, not as the words of two titles interleaved.
 *
 * @example paragraphDiff('A b.\n\nSource: X (BBC)', 'A c.\n\nSource: Y report (AP)')
 * // [{ type: 'equal', text: 'A ' }, { type: 'delete', text: 'b' }, { type: 'insert', text: 'c' },
 * //  { type: 'equal', text: '.\n\n' }, { type: 'delete', text: 'Source: X (BBC)' }, { type: 'equal', text: '\n\n' }, { type: 'insert', text: 'Source: Y report (AP)' }]
 */
export function paragraphDiff(before: string, after: string): DiffPart[] {
  const a = before.split(/\n\s*\n/);
  const b = after.split(/\n\s*\n/);
  // Paragraphs kept whole: the longest common subsequence of equal paragraphs.
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = commonSuffixLengths(a, b);
  const blocks: DiffPart[][] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const settle = () => {
    blocks.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      settle();
      blocks.push([{ type: 'equal', text: a[i]! }]);
      i++;
      j++;
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      removed.push(a[i++]!);
    } else {
      added.push(b[j++]!);
    }
  }
  settle();
  const parts: DiffPart[] = [];
  for (const block of blocks.map((pieces) => pieces.filter((part) => part.text !== '')).filter((pieces) => pieces.length > 0)) {
    if (parts.length > 0) parts.push({ type: 'equal', text: '\n\n' });
    parts.push(...block);
  }
  // One part for a run of one type: "." and the break after it are one piece kept.
  return parts.reduce<DiffPart[]>((merged, part) => {
    const last = merged.at(-1);
    if (last?.type === part.type) last.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}

/**
 * The paragraphs removed and added between two kept ones, in order: the pairs alike enough
 * (PAIRED) compared word by word, chosen to pair as much likeness as possible without crossing;
 * each other paragraph removed or added whole.
 */
function pairUp(removed: readonly string[], added: readonly string[]): DiffPart[][] {
  const n = removed.length;
  const m = added.length;
  const width = m + 1;
  // The likeness of each pair, -1 where too low to pair; the best total likeness from (i, j) on.
  const like = new Float64Array((n + 1) * width);
  const score = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const value = likeness(removed[i]!, added[j]!);
      const source = removed[i]!.startsWith(SOURCE_LINE) || added[j]!.startsWith(SOURCE_LINE);
      const pair = value >= (source ? PAIRED_SOURCE : PAIRED) ? value : -1;
      like[i * width + j] = pair;
      score[i * width + j] = Math.max(score[(i + 1) * width + j]!, score[i * width + j + 1]!, pair >= 0 ? pair + score[(i + 1) * width + j + 1]! : -Infinity);
    }
  }
  const blocks: DiffPart[][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const pair = like[i * width + j]!;
    if (pair >= 0 && score[i * width + j] === pair + score[(i + 1) * width + j + 1]!) {
      blocks.push(wordDiff(removed[i++]!, added[j++]!));
    } else if (score[i * width + j] === score[(i + 1) * width + j]) {
      blocks.push([{ type: 'delete', text: removed[i++]! }]);
    } else {
      blocks.push([{ type: 'insert', text: added[j++]! }]);
    }
  }
  while (i < n) blocks.push([{ type: 'delete', text: removed[i++]! }]);
  while (j < m) blocks.push([{ type: 'insert', text: added[j++]! }]);
  return blocks;
}

/** How good a place `left|right` is for a change to start or end (after diff-match-patch's cleanupSemanticLossless). */
function boundaryScore(left: string, right: string): number {
  if (left === '' || right === '') return 6;
  if (/\n\s*\n\s*$/.test(left) || /^\s*\n\s*\n/.test(right)) return 5;
  if (/\n$/.test(left) || /^\n/.test(right)) return 4;
  if (/[.!?]\s*$/.test(left) && /^\s/.test(right)) return 3;
  if (/\s$/.test(left) || /^\s/.test(right)) return 2;
  if (/[^\p{L}\p{N}]$/u.test(left) || /^[^\p{L}\p{N}]/u.test(right)) return 1;
  return 0;
}

/**
 * A change that could sit a few words earlier or later (the same words on both sides) is moved
 * where it reads best: at a paragraph, line or sentence break rather than inside a bracket.
 * "(CNN{+)\n\nSource: X+})" becomes "(CNN){+\n\nSource: X)+}".
 */
function slide(parts: DiffPart[]): DiffPart[] {
  const out = parts.map((part) => ({ ...part }));
  for (let index = 1; index < out.length - 1; index++) {
    const [left, change, right] = [out[index - 1]!, out[index]!, out[index + 1]!];
    if (left.type !== 'equal' || right.type !== 'equal' || change.type === 'equal') continue;
    const l = tokens(left.text);
    const c = tokens(change.text);
    const r = tokens(right.text);
    // Slide as far left as the words allow, then try each place to the right.
    while (l.length > 0 && l.at(-1) === c.at(-1)) {
      r.unshift(c.pop()!);
      c.unshift(l.pop()!);
    }
    let best = { l: [...l], c: [...c], r: [...r], score: boundaryScore(l.join(''), c.join('')) + boundaryScore(c.join(''), r.join('')) };
    while (r.length > 0 && r[0] === c[0]) {
      l.push(c.shift()!);
      c.push(r.shift()!);
      const score = boundaryScore(l.join(''), c.join('')) + boundaryScore(c.join(''), r.join(''));
      if (score >= best.score) best = { l: [...l], c: [...c], r: [...r], score };
    }
    left.text = best.l.join('');
    change.text = best.c.join('');
    right.text = best.r.join('');
  }
  return out.filter((part) => part.text !== '');
}

/**
 * Folds a lone space between changes into them (never a line break: paragraphs stay apart), and
 * puts each deletion before its insertion.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const folded: DiffPart[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const before = folded.at(-1);
    const after = parts[index + 1];
    if (part.type === 'equal' && /^[^\S\n]+$/.test(part.text) && before && before.type !== 'equal' && after && after.type !== 'equal') {
      folded.push({ type: 'delete', text: part.text }, { type: 'insert', text: part.text });
    } else {
      folded.push({ ...part });
    }
  }
  // Runs of changes between two kept pieces: all that was removed, then all that was inserted.
  const result: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) result.push({ type: 'delete', text: deleted });
    if (inserted) result.push({ type: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of folded) {
    if (part.type === 'delete') deleted += part.text;
    else if (part.type === 'insert') inserted += part.text;
    else {
      flush();
      result.push(part);
    }
  }
  flush();
  return result;
}

/** An item of the edition that can be corrected, as the check sees it. */
export interface CorrectableItem {
  /** `note:<id>`, `term:<id>` or `provenance:<slug>`. */
  item: string;
  /** The file that declares the correction, and the line of its `updated` (or of the item). */
  file: string;
  line: number;
  /** `updated`, when the item records a correction. */
  updated?: string | undefined;
  /** `change`, the sentence for readers. */
  change?: string | undefined;
  /** Its wording now. */
  wording: string;
  /** An article's provenance: its paragraphs' words now, by id (a better copy changes them). */
  paragraphs?: ReadonlyMap<string, string>;
  /**
   * An article's provenance: each published paragraph the text no longer has, by id, with the id of
   * the paragraph its address leads to now (its alias in the anchor ledger): a better copy that
   * leaves a paragraph out keeps its published words in the record too.
   */
  removed?: ReadonlyMap<string, string>;
}

/** An entry of the record of earlier wordings. */
export interface CorrectionRecord {
  item: string;
  /** The date of the correction, `YYYY-MM-DD`: the item's `updated` when it was made. */
  date: string;
  /** What the item said before the correction. */
  before: string;
  /** What changed, for an earlier correction that the item's `change` no longer describes. */
  change?: string | undefined;
  /** A provenance's correction with a better copy: each changed paragraph's earlier words, by id. */
  paragraphs?: Readonly<Record<string, string>> | undefined;
  /** Its line in the record. */
  line: number;
  /** The line of each of its `paragraphs:` entries, by id. */
  paragraphLines?: Readonly<Record<string, number>> | undefined;
}

/** A problem the check found: where, what is wrong, the edit that fixes it. */
export interface CorrectionProblem {
  file: string;
  line: number;
  ruleId: string;
  reason: string;
  fix: string;
}

/** The file that keeps the earlier wordings. */
export const CORRECTIONS_FILE = 'content/corrections.yaml';

/** A wording with its runs of white space made one space, for comparing wordings however wrapped. */
export const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every correction keeps its earlier wording, and every kept wording belongs to a correction:
 * - an item with `updated` has a record of that item and date (else the build fails at the item);
 * - a record names an item that exists, dated as the item's `updated`, or, for an earlier
 *   correction of the same item, before it and with its own `change`;
 * - the wording kept for the latest correction differs from the item's wording now.
 */
export function checkCorrections(items: readonly CorrectableItem[], records: readonly CorrectionRecord[], file: string = CORRECTIONS_FILE): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  const byItem = new Map(items.map((item) => [item.item, item]));
  const seen = new Map<string, CorrectionRecord>();
  for (const record of records) {
    const key = `${record.item} ${record.date}`;
    const first = seen.get(key);
    if (first) {
      problems.push({ file, line: record.line, ruleId: 'correction-duplicate', reason: `\`${record.item}\` has two records dated ${record.date} (the other at line ${first.line})`, fix: 'keep one record per correction: delete this one, or merge the two.' });
      continue;
    }
    seen.set(key, record);
    const item = byItem.get(record.item);
    if (!item) {
      const kind = parseItem(record.item)?.kind;
      const near = didYouMean(record.item, items.filter((other) => parseItem(other.item)?.kind === kind).map((other) => other.item));
      problems.push({ file, line: record.line, ruleId: 'correction-unknown-item', reason: `the record names \`${record.item}\`, which is not an item of the edition`, fix: `name a note (note:<id>), a glossary entry (term:<id>) or an article's provenance (provenance:<slug>) that exists.${near}${record.item.startsWith('provenance:') ? ' If the text was renamed, record its redirect in content/anchors.yaml (`redirects:`): its corrections then follow it.' : record.item.startsWith('note:') ? ' If the note was renamed, record its alias in content/anchors.yaml (`aliases:`, as `note-<old id>: note-<new id>` under its article): its corrections then follow it. A note merged into one with corrections of its own keeps its records under its own id: they cannot be listed as the other note\'s.' : ''}` });
      continue;
    }
    if (item.updated === undefined) {
      problems.push({ file, line: record.line, ruleId: 'correction-not-declared', reason: `the record keeps an earlier wording of \`${record.item}\` dated ${record.date}, but ${item.file} records no correction of it (no \`updated\`)`, fix: `add updated="${record.date}" and change="…" to the item at ${item.file}:${item.line}, or delete the record.` });
    } else if (record.date === item.updated) {
      if (squeeze(record.before) === squeeze(item.wording)) {
        problems.push({ file, line: record.line, ruleId: 'correction-unchanged', reason: `the earlier wording kept for \`${record.item}\` (${record.date}) is the same as its wording now`, fix: 'keep the wording the item had before the correction (`npm run correction -- ' + record.item + '` prints it from the repository\'s history).' });
      }
    } else if (record.date > item.updated) {
      problems.push({ file, line: record.line, ruleId: 'correction-date', reason: `the record of \`${record.item}\` is dated ${record.date}, but the item was last corrected on ${item.updated} (${item.file}:${item.line})`, fix: `date the record ${item.updated}, as the item's \`updated\`, or correct the item's \`updated\`.` });
    } else if (!record.change) {
      problems.push({ file, line: record.line, ruleId: 'correction-date', reason: `the record of \`${record.item}\` is dated ${record.date}, but the item's \`updated\` is ${item.updated} (${item.file}:${item.line}), and the record does not say what changed then`, fix: `if this is the item's latest correction, date the record ${item.updated}; if it is an earlier one, add \`change: …\` to the record (the sentence the item's change="…" said then).` });
    }
    problems.push(...paragraphProblems(record, item, file));
  }
  for (const item of items) {
    if (item.updated === undefined || seen.has(`${item.item} ${item.updated}`)) continue;
    problems.push({
      file: item.file,
      line: item.line,
      ruleId: 'correction-without-earlier-wording',
      reason: `\`${item.item}\` is corrected on ${item.updated}, but ${file} keeps no earlier wording for that correction`,
      fix: `run \`npm run correction -- ${item.item} --append\`: it appends to ${file} the wording before the correction, read from the repository's history (or write the record by hand: item, date, before).`,
    });
  }
  return problems;
}

/**
 * The earlier words a record keeps of a text's paragraphs: only a provenance's correction has them
 * (a better copy of the text), each of a paragraph the text has, and in other words than it has now.
 */
function paragraphProblems(record: CorrectionRecord, item: CorrectableItem, file: string): CorrectionProblem[] {
  if (!record.paragraphs) return [];
  // An earlier correction's words were checked when it was the latest: the text has changed since
  // (a later correction may have put a paragraph back, or removed it), and it stays as it was made.
  if (item.paragraphs && record.date !== item.updated) return [];
  if (!item.paragraphs) {
    return [{ file, line: record.line, ruleId: 'correction-paragraphs', reason: `the record of \`${record.item}\` keeps earlier words of paragraphs, which only the correction of a text's provenance (a better copy of the text) has`, fix: 'take `paragraphs:` out of this record: a note or a glossary entry keeps its earlier wording in `before`.' }];
  }
  const problems: CorrectionProblem[] = [];
  const ids = [...item.paragraphs.keys()];
  for (const [id, words] of Object.entries(record.paragraphs)) {
    const now = item.paragraphs.get(id);
    if (now === undefined) {
      // A paragraph the better copy left out, its address kept alive by an alias: its words are what the record shows of it.
      if (item.removed?.has(id)) continue;
      problems.push({ file, line: record.paragraphLines?.[id] ?? record.line, ruleId: 'correction-paragraphs', reason: `the record of \`${record.item}\` keeps the earlier words of paragraph \`#${id}\`, which the text (${item.file}) does not have`, fix: `name the paragraph by the id it has now (the \` ^id\` at the end of its line); if the better copy left the paragraph out, keep its address alive with an alias to the paragraph before it (\`aliases:\` in content/anchors.yaml), and its words stay here.${didYouMean(id, ids)}` });
    } else if (squeeze(now) === squeeze(words)) {
      problems.push({ file, line: record.paragraphLines?.[id] ?? record.line, ruleId: 'correction-unchanged', reason: `the earlier words kept for paragraph \`#${id}\` of \`${record.item}\` (${record.date}) are its words now`, fix: `keep the words it had before the correction, or take \`${id}\` out of the record's \`paragraphs:\`.` });
    }
  }
  return problems;
}

/** A correction as the pages and the feed show it. */
export interface Correction {
  item: string;
  kind: CorrectionItemKind;
  date: string;
  /** The sentence for readers on what changed. */
  change: string;
  /** The item's name for readers ("Note 4 on “…”, in Title"). */
  title: string;
  /** The item's address, relative to the base. */
  href: string;
  before: string;
  /** The wording that replaced it: the item's wording now, or, for an earlier correction, the next correction's earlier wording. */
  after: string;
  /** The item's wording now. */
  now: string;
  /** Where it is listed, relative to the base. */
  anchor: string;
  /**
   * A text corrected with a better copy: each changed paragraph (its address, relative to the base),
   * its earlier words and the words that replaced them, in the text's order; a paragraph the copy
   * left out has no words after, and `leadsTo`, the paragraph its address leads to now, after which it stands.
   */
  paragraphs?: ChangedParagraph[];
}

/** A paragraph of a text that a correction with a better copy changed or left out. */
export interface ChangedParagraph {
  id: string;
  href: string;
  before: string;
  after: string;
  leadsTo?: string;
}

/**
 * The corrections, newest first, each with the wording it replaced and the wording that replaced
 * it. An item corrected twice has two entries: the earlier one's later wording is what the later
 * correction replaced. Dates are days, so corrections of one day are in the order of their records,
 * the last recorded first: `npm run correction -- <item> --append` adds each at the end of the record, so
 * a day's latest correction heads the list (not the first item of the alphabet).
 */
export function listCorrections(items: readonly (CorrectableItem & { title: string; href: string })[], records: readonly CorrectionRecord[]): Correction[] {
  const byItem = new Map(items.map((item) => [item.item, item]));
  const recordsOf = new Map<string, CorrectionRecord[]>();
  const place = new Map(records.map((record, index) => [record, index]));
  for (const record of records) {
    if (!byItem.has(record.item)) continue;
    recordsOf.set(record.item, [...(recordsOf.get(record.item) ?? []), record]);
  }
  const list: (Correction & { recorded: number })[] = [];
  for (const [key, list_] of recordsOf) {
    const item = byItem.get(key)!;
    const ordered = [...list_].sort((a, b) => a.date.localeCompare(b.date));
    ordered.forEach((record, index) => {
      const next = ordered[index + 1];
      list.push({
        item: key,
        kind: parseItem(key)!.kind,
        date: record.date,
        change: record.change ?? (record.date === item.updated ? item.change ?? '' : ''),
        title: item.title,
        href: item.href,
        before: record.before,
        after: next ? next.before : item.wording,
        now: item.wording,
        anchor: correctionAnchor(key, record.date),
        ...(record.paragraphs && item.paragraphs ? { paragraphs: changedParagraphs(record.paragraphs, item.paragraphs, item.removed, ordered.slice(index + 1), paths.article(parseItem(key)!.id)) } : {}),
        recorded: place.get(record)!,
      });
    });
  }
  return list.sort((a, b) => b.date.localeCompare(a.date) || b.recorded - a.recorded).map(({ recorded: _, ...correction }) => correction);
}

/**
 * The paragraphs a correction changed, in the text's order: the words it replaced and those that
 * replaced them (the earlier words the next correction that changed the paragraph kept, or the
 * text's words now). A paragraph it left out stands after the one its address leads to, with no
 * words after it (or those of a later correction that put it back).
 */
function changedParagraphs(before: Readonly<Record<string, string>>, now: ReadonlyMap<string, string>, removed: ReadonlyMap<string, string> | undefined, later: readonly CorrectionRecord[], text: string): ChangedParagraph[] {
  const after = (id: string, words: string) => later.find((record) => record.paragraphs?.[id] !== undefined)?.paragraphs![id] ?? words;
  const left = [...(removed ?? [])].filter(([id]) => before[id] !== undefined);
  // (`removed` leads only to paragraphs the text has: src/compiler/check-corrections.ts.)
  const leftAfter = (at: string): ChangedParagraph[] => left.filter(([, to]) => to === at).map(([id, to]) => ({ id, href: `${text}#${id}`, before: before[id]!, after: after(id, ''), leadsTo: to }));
  return [...now].flatMap(([id, words]) => [...(before[id] !== undefined ? [{ id, href: `${text}#${id}`, before: before[id]!, after: after(id, words) }] : []), ...leftAfter(id)]);
}

/** The corrections grouped by year, newest year first. */
export function correctionsByYear(corrections: readonly Correction[]): { year: string; corrections: Correction[] }[] {
  const years = new Map<string, Correction[]>();
  for (const correction of corrections) {
    const year = correction.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), correction]);
  }
  return [...years].sort((a, b) => b[0].localeCompare(a[0])).map(([year, list]) => ({ year, corrections: list }));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Parts of a difference grouped into runs of one type, so that words cut where a title's language
 * begins stay one removal or one insertion.
 *
 * @example diffRuns([{ type: 'insert', text: 'Шойгу', lang: 'ru' }, { type: 'insert', text: ' (TVC)' }])
 * // [{ type: 'insert', pieces: [{ type: 'insert', text: 'Шойгу', lang: 'ru' }, { type: 'insert', text: ' (TVC)' }] }]
 */
export function diffRuns<Part extends DiffPart>(parts: readonly Part[]): { type: DiffPart['type']; pieces: Part[] }[] {
  const runs: { type: DiffPart['type']; pieces: Part[] }[] = [];
  for (const part of parts) {
    if (runs.at(-1)?.type === part.type) runs.at(-1)!.pieces.push(part);
    else runs.push({ type: part.type, pieces: [part] });
  }
  return runs;
}

/**
 * A paragraph of a difference as HTML: `<del>` and `<ins>` (with `labels`, each also said in words
 * for print and screen readers, visually hidden), a source title's words in their language. Where
 * a correction changed some words of a title in another language, the whole title is one
 * `<span lang>` with its removals and insertions inside, so that a right-to-left title keeps its
 * order; otherwise each removal or insertion is one element, the title's span inside it.
 */
export function diffHtml(parts: readonly LanguagePart[], { labels = false } = {}): string {
  const wrap = (type: DiffPart['type'], html: string) => {
    if (type === 'equal') return html;
    const [tag, said] = type === 'delete' ? ['del', 'removed'] : ['ins', 'added'];
    // A space at either end stays outside: inside, it was struck through or shaded at the end of a
    // line, or as a sliver before the next line's first word.
    // (Plain spaces and line breaks only: a no-break space put in or taken out is the change itself.)
    const [, lead = '', words = '', trail = ''] = /^([ \t\n]*)([\s\S]*?)([ \t\n]*)$/.exec(html) ?? [];
    if (words === '') return labels ? `<${tag}><span class="visually-hidden">[${said}:\u00a0</span>${html}<span class="visually-hidden">]</span></${tag}>` : `<${tag}>${html}</${tag}>`;
    return `${lead}${labels ? `<${tag}><span class="visually-hidden">[${said}:\u00a0</span>${words}<span class="visually-hidden">]</span></${tag}>` : `<${tag}>${words}</${tag}>`}${trail}`;
  };
  const runs = diffRuns(parts);
  if (runs.filter((run) => run.pieces.some((piece) => piece.lang)).length <= 1) {
    return runs.map((run) => wrap(run.type, run.pieces.map((piece) => languageHtml(piece.text, piece)).join(''))).join('');
  }
  const groups: { lang?: string | undefined; dir?: 'rtl' | undefined; parts: LanguagePart[] }[] = [];
  for (const part of parts) {
    if (groups.length > 0 && groups.at(-1)!.lang === part.lang) groups.at(-1)!.parts.push(part);
    else groups.push({ lang: part.lang, dir: part.dir, parts: [part] });
  }
  return groups
    .map((group) => {
      const inner = diffRuns(group.parts).map((run) => wrap(run.type, escapeHtml(run.pieces.map((piece) => piece.text).join('')))).join('');
      return group.lang ? `<span lang="${group.lang}"${group.dir ? ` dir="${group.dir}"` : ''}>${inner}</span>` : inner;
    })
    .join('');
}

/** Options of {@link correctionsFeed}. */
export interface FeedOptions {
  /** The feed's title. */
  title: string;
  /** Who writes the entries. */
  author: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the corrections page. */
  page: string;
  /** Absolute URL of a path relative to the site's base. */
  url: (path: string) => string;
  /** The authority of the entries' `tag:` ids (a domain the edition owns) and the date it was first used. */
  tagAuthority: string;
  tagDate: string;
  /** The feed's date when it has no entries (the edition's publication). */
  fallbackUpdated: string;
  /** How many entries the feed carries, newest first. Default 50. */
  limit?: number;
}

/**
 * An Atom 1.0 feed of the corrections, newest first. Each entry's id is a `tag:` URI made of the item
 * and the date, so it stays the same however often the feed is rebuilt or the site moves; each
 * entry's content is the change and the difference, as HTML.
 */
export function correctionsFeed(corrections: readonly Correction[], options: FeedOptions): string {
  const entries = corrections.slice(0, options.limit ?? FEED_ENTRIES);
  const updated = `${entries[0]?.date ?? options.fallbackUpdated}T00:00:00Z`;
  const entry = (correction: Correction) => {
    const link = options.url(correctionPath(correction.item, correction.date));
    const content = `<p>${escapeXml(correction.change)}</p><p><a href="${escapeXml(options.url(correction.href))}">${escapeXml(correction.title)}</a></p>${diffParagraphs(paragraphDiff(correction.before, correction.after)).map((paragraph) => `<p>${diffHtml(sourceLanguageParts(paragraph, correction.now, correction.before))}</p>`).join('')}${(correction.paragraphs ?? []).map((paragraph) => `<p><a href="${escapeXml(options.url(paragraph.href))}">Paragraph #${escapeXml(paragraph.id)}</a>${paragraph.leadsTo === undefined ? '' : `, left out (its address now leads to #${escapeXml(paragraph.leadsTo)})`}</p><p>${diffHtml(wordDiff(paragraph.before, paragraph.after))}</p>`).join('')}`;
    return `  <entry>
    <id>tag:${options.tagAuthority},${options.tagDate}:corrections/${correction.item}/${correction.date}</id>
    <title>${escapeXml(`Corrected: ${correction.title}`)}</title>
    <updated>${correction.date}T00:00:00Z</updated>
    <published>${correction.date}T00:00:00Z</published>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <link rel="related" type="text/html" href="${escapeXml(options.url(correction.href))}"/>
    <summary>${escapeXml(correction.change)}</summary>
    <content type="html">${escapeXml(content)}</content>
  </entry>`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>tag:${options.tagAuthority},${options.tagDate}:corrections</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${updated}</updated>
  <author><name>${escapeXml(options.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(options.self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(options.page)}"/>
${entries.map(entry).join('\n')}
</feed>
`;
}

/**
 * The difference cut into paragraphs where either wording has a blank line, so that it reads as
 * the item does. A change across a paragraph break is cut in two, each piece in its paragraph.
 *
 * @example diffParagraphs([{ type: 'equal', text: 'A.\n\nB ' }, { type: 'insert', text: 'C' }])
 * // [[{ type: 'equal', text: 'A.' }], [{ type: 'equal', text: 'B ' }, { type: 'insert', text: 'C' }]]
 */
export function diffParagraphs(parts: readonly DiffPart[]): DiffPart[][] {
  const paragraphs: DiffPart[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split(/\n\s*\n/);
    pieces.forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece !== '') paragraphs.at(-1)!.push({ type: part.type, text: piece });
    });
  }
  return paragraphs.filter((paragraph) => paragraph.some((part) => part.text.trim() !== ''));
}

/** A part of a difference, with the language of its words where they are a source title's own. */
export type LanguagePart = DiffPart & Pick<SourceTitle, 'lang' | 'dir'>;

/** The last wording `languagesNow` read, and what it found: a correction's paragraphs ask in a row. */
let lastNow: { now: string; titles: Map<string, SourceTitle & { supplied: boolean }> } | undefined;

/** The languages of the titles an item cites now, by their words (a description's without its brackets). */
function languagesNow(now: string): Map<string, SourceTitle & { supplied: boolean }> {
  if (lastNow?.now === now) return lastNow.titles;
  const titles = new Map<string, SourceTitle & { supplied: boolean }>();
  lastNow = { now, titles };
  for (const line of now.split('\n')) {
    if (!line.startsWith(SOURCE_LINE)) continue;
    const title = sourceTitle(line.slice(SOURCE_LINE.length));
    const supplied = title.words.startsWith('[') && title.words.endsWith(']');
    titles.set(supplied ? title.words.slice(1, -1) : title.words, { ...title, supplied });
  }
  return titles;
}

/**
 * A paragraph of a difference cut where a source's title begins and ends (`Source: <title> (label)`),
 * its title's words marked with their language as on the page that cites it (src/lib/source-language.ts):
 * the words before the correction are those of the earlier title, after it those of the later one.
 * `now` is the item's wording now, which the check holds to the convention: an earlier wording may
 * give a description without its brackets, or a title without its language, and the words are then
 * read as the same words are cited now. Any other paragraph is returned as it is.
 *
 * @example sourceLanguageParts([{ type: 'equal', text: 'Source: Шойгу (TVC, in Russian)' }], '')
 * // [{ type: 'equal', text: 'Source: ' }, { type: 'equal', text: 'Шойгу', lang: 'ru' }, { type: 'equal', text: ' (TVC, in Russian)' }]
 */
export function sourceLanguageParts(parts: readonly DiffPart[], now: string, before = ''): LanguagePart[] {
  return withTitleLanguages(titleSpanParts(parts, now), now, before);
}

/**
 * Words in another script that the paragraph's own title did not place, marked with the language of
 * a title of either wording that has them. A word-level difference can match a title's words in
 * another paragraph, so that a paragraph holds a piece of a title and not the whole of it:
 * `Source: <del>26 лет</del><ins>RUSSIA PARLIAMENT (…)</ins>`, the rest of the Russian title being
 * matched further on.
 */
function withTitleLanguages(parts: LanguagePart[], ...wordings: string[]): LanguagePart[] {
  if (!parts.some((part) => part.lang === undefined && hasOtherScript(part.text))) return parts;
  const titles = wordings
    .flatMap((wording) => wording.split('\n'))
    .filter((line) => line.startsWith(SOURCE_LINE))
    .map((line) => sourceTitle(line.slice(SOURCE_LINE.length)))
    .filter((title) => title.lang !== undefined);
  return parts.flatMap((part): LanguagePart[] => {
    const words = part.text.trim();
    if (part.lang !== undefined || !hasOtherScript(words)) return [part];
    const title = titles.find((candidate) => candidate.words.includes(words));
    if (!title) return [part];
    const start = part.text.indexOf(words);
    return [
      { type: part.type, text: part.text.slice(0, start) },
      { type: part.type, text: words, lang: title.lang, dir: title.dir },
      { type: part.type, text: part.text.slice(start + words.length) },
    ].filter((piece) => piece.text !== '');
  });
}

/** The parts, the words of the paragraph's source title (if it is one) marked with its language. */
function titleSpanParts(parts: readonly DiffPart[], now: string): LanguagePart[] {
  const text = (side: 'delete' | 'insert') => parts.filter((part) => part.type !== side).map((part) => part.text).join('');
  const spanOf = (paragraph: string) => {
    if (!paragraph.startsWith(SOURCE_LINE)) return undefined;
    const title = sourceTitle(paragraph.slice(SOURCE_LINE.length));
    const cited = languagesNow(now).get(title.words);
    if (cited?.supplied) return undefined;
    const language = title.lang ? title : cited?.lang ? cited : undefined;
    return language ? { from: SOURCE_LINE.length, to: SOURCE_LINE.length + title.words.length, lang: language.lang, dir: language.dir } : undefined;
  };
  // Inserted words are placed in the later wording, deleted ones in the earlier, and kept ones in
  // the later unless only the earlier has a title in another language.
  const before = spanOf(text('insert'));
  const after = spanOf(text('delete'));
  if (!before && !after) return [...parts];
  const at = { before: 0, after: 0 };
  return parts.flatMap((part) => {
    const side = part.type === 'delete' || (part.type === 'equal' && !after) ? 'before' : 'after';
    const span = side === 'before' ? before : after;
    const start = at[side];
    if (part.type !== 'insert') at.before += part.text.length;
    if (part.type !== 'delete') at.after += part.text.length;
    if (!span) return [part];
    const cuts = [0, Math.min(Math.max(span.from - start, 0), part.text.length), Math.min(Math.max(span.to - start, 0), part.text.length), part.text.length];
    return [0, 1, 2]
      .map((index) => ({ type: part.type, text: part.text.slice(cuts[index], cuts[index + 1]), ...(index === 1 ? { lang: span.lang, dir: span.dir } : {}) }))
      .filter((piece) => piece.text !== '');
  });
}

/** How many corrections /corrections/ shows in full; the others are on the page of their year. */
export const LATEST_CORRECTIONS = 20;

/** How many of the latest corrections the Atom feed carries; the year pages list them all. */
export const FEED_ENTRIES = 50;

/** A paragraph of a difference as shown: its parts, or, when nothing in it changed, its opening words only. */
export type ShownParagraph = { unchanged: false; parts: DiffPart[] } | { unchanged: true; opening: string; whole: string };

/**
 * The paragraphs of a difference, the unchanged ones cut to their opening words, so that a long
 * glossary entry corrected in one sentence shows that sentence, not the whole entry again. Short
 * unchanged paragraphs and sources' titles are shown whole (and, unchanged, in the muted colour: CorrectionEntry).
 *
 * @example shownParagraphs([[{ type: 'equal', text: 'One two three four.' }]], 2)
 * // [{ unchanged: true, opening: 'One two…', whole: 'One two three four.' }]
 */
export function shownParagraphs(paragraphs: readonly DiffPart[][], words = 12): ShownParagraph[] {
  return paragraphs.map((parts) => {
    if (parts.some((part) => part.type !== 'equal')) return { unchanged: false, parts };
    const whole = parts.map((part) => part.text).join('');
    const all = whole.split(/\s+/);
    // A source's title is shown whole: it is one line, and cut it would name nothing.
    if (all.length <= words + 3 || whole.startsWith(SOURCE_LINE)) return { unchanged: false, parts };
    return { unchanged: true, opening: `${all.slice(0, words).join(' ')}…`, whole };
  });
}
