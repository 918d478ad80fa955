/**
 * Re-import: merges a fresh import of a source text into the article already made from it, so that
 * a new furniture rule or a corrected raw copy never costs the editor's work.
 *
 *   existing MDX ─ parse ─ text blocks (id, words, marks) + the blocks that follow each one (notes)
 *   fresh import ─ blocks ─ match (fingerprint, then id, then similar words in the same place)
 *                ─ keep ids, carry marks onto the same words, notes after their paragraph ─ MDX
 *
 * A paragraph whose words did not change is kept as the editor wrote it, MDX and all; a heading
 * the editor made of a paragraph stays a heading. A paragraph a new rule joins to another (a page
 * footer between two halves of a sentence) hands its marks and notes to the joined paragraph.
 *
 * The hand-written front matter is kept byte for byte; only the fields the importer owns
 * ({@link IMPORTER_OWNED_FIELDS}) are rewritten, and only when they change. Anything that can no
 * longer be placed is a {@link MergeProblem}, and then there is no MDX at all: the caller writes
 * nothing.
 */
import { dice } from '../dice.ts';
import { isWholeLineInline } from '../../plugins/kit.ts';
import { ParseError, parseMdx } from '../../compiler/parse.ts';
import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { fingerprint } from '../ledger.ts';
import { eolOf } from '../files.ts';
import { asciiWords } from '../slug.ts';
import type { DraftSection, ImportResult, Removal } from './index.ts';
import { BREAK_MDX, blockToMdx, headingToMdx, paragraphToMdx } from './serialise.ts';
import { replaceKeys, replaceScalar } from './yaml-splice.ts';

/**
 * Front-matter fields the importer derives from the raw text and the rules, and so rewrites on a
 * re-import. Every other field is the editor's and is kept as written. In `sections`, only
 * `heading` (mapped to the kept id) and `dateline` are the importer's; `outlet`, `author`, `lead` and
 * `date` stay as the editor left them, and sections the editor added stay while their heading does.
 */
export const IMPORTER_OWNED_FIELDS = ['titleAsReceived', 'headerAsReceived', 'copy.source', 'removed', 'sections'] as const;

/** Options of {@link mergeImport}. */
export interface MergeOptions {
  /** The existing article's path, for messages, e.g. `content/articles/x.mdx`. */
  file: string;
  /** Least word similarity (0–1) for a changed paragraph to keep the id of one in the same place. Default 0.6. */
  similarity?: number;
}

/** The defaults of {@link MergeOptions}. */
export const defaultMergeOptions = { similarity: 0.6 };

/** Something of the editor's that the re-import cannot place; the merge then writes nothing. */
export interface MergeProblem {
  /** The existing article. */
  file: string;
  /** 1-based line of the item in `file`. */
  line: number;
  /** 1-based column, where it helps. */
  column?: number;
  /** The item, e.g. `<Note id="open-skies">` or `paragraph ^kremlin-lashed-out`. */
  item: string;
  /** What is wrong. */
  message: string;
  /** What to do. */
  fix: string;
}

/** How a paragraph of the new import found its old self. */
export type MatchKind = 'same text' | 'same id' | 'similar text';

/** What {@link mergeImport} returns. */
export type MergeResult =
  | {
      ok: true;
      /** The merged article. */
      mdx: string;
      /** Each old block that kept its id, and how its successor was found. */
      kept: { id: string; by: MatchKind }[];
      /** Ids of blocks the re-import added (fresh ids). */
      added: string[];
      /** Ids of old blocks the re-import no longer has (gone, or joined to another paragraph). */
      dropped: string[];
      /** Front-matter fields rewritten. */
      updated: string[];
      /** Lines for the CLI: what was kept, added, dropped. */
      report: string[];
    }
  | { ok: false; problems: MergeProblem[] };

/** Formats a problem as the CLI prints it: `file:line:col: item: message`, then `Fix:`. */
export function formatProblem(problem: MergeProblem): string {
  const place = `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  return `${place}: ${problem.item}: ${problem.message}\n  Fix: ${problem.fix}`;
}

// ─── Reading the existing article ────────────────────────────────────────────────────────────────

/** A mark the editor put on words: a JSX text element (`<Passage>`, `<Term>`) or Markdown emphasis, link… */
interface Mark {
  /** The node without its children, to be given the same words again. */
  node: Exclude<PhrasingContent, Text>;
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A paragraph or heading of the existing article. */
interface OldBlock {
  id: string;
  text: string;
  depth: 2 | 3 | undefined;
  /** The block's MDX as written. */
  source: string;
  line: number;
  marks: Mark[];
  /** Inline content that has no words to find again (`{expression}`, an image, a hard break). */
  unplaceable: { type: string; line: number; column: number }[];
  /** The blocks written after it by hand (notes), as written. */
  following: { source: string; line: number; label: string }[];
}

interface Parsed {
  frontmatter: string;
  /** Line of the first body line in the file. */
  bodyLine: number;
  leading: { source: string; line: number; label: string }[];
  blocks: OldBlock[];
}

const MARKER = /[ \t]\^([a-z0-9][a-z0-9-]*)$/u;

/** How messages name inline content that is not words. */
const UNPLACEABLE_NAMES: Record<string, string> = {
  inlineCode: 'inline `code`',
  mdxTextExpression: 'an {expression}',
  image: 'an image',
  break: 'a hard line break',
  html: 'HTML',
  footnoteReference: 'a footnote reference',
};

function labelOf(node: RootContent | PhrasingContent): string {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const first = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && typeof a.value === 'string');
    return `<${node.name ?? ''}${first ? ` ${first.name}="${String(first.value)}"` : ''}>`;
  }
  return node.type;
}

/** The words of a block and the marks on them, offsets counted in the words. */
function readPhrasing(children: readonly PhrasingContent[], bodyLine: number) {
  let text = '';
  const marks: Mark[] = [];
  const unplaceable: OldBlock['unplaceable'] = [];
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      const line = (node.position?.start.line ?? 1) + bodyLine - 1;
      const column = node.position?.start.column ?? 1;
      if (node.type === 'text') text += node.value;
      else if ('children' in node) {
        const start = text.length;
        walk(node.children as PhrasingContent[]);
        const { children: _children, position: _position, ...rest } = node as typeof node & { children: unknown };
        marks.push({ node: rest as Mark['node'], start, end: text.length, line, column });
      } else {
        if ('value' in node && typeof node.value === 'string' && node.type === 'inlineCode') text += node.value;
        unplaceable.push({ type: node.type, line, column });
      }
    }
  };
  walk(children);
  return { text, marks, unplaceable };
}

/** The front matter of an article `file` as its re-import reads it. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/u;

/**
 * Why the article `file` cannot be re-imported into, its front matter not read (empty, behind a
 * byte-order mark, never closed, missing); undefined when it reads. The command asks it too, before
 * it looks for the source the article was made from.
 */
export function frontMatterProblem(mdx: string, file: string): MergeProblem | undefined {
  if (FRONT_MATTER.test(mdx)) return undefined;
  const restore = `restore it from git (git diff ${file} shows what changed), or re-import with --replace to start again (the article is backed up first).`;
  if (mdx.trim() === '') return { file, line: 1, item: 'front matter', message: 'the file is empty', fix: restore };
  if (mdx.startsWith('\uFEFF')) return { file, line: 1, item: 'front matter', message: 'the file begins with a byte-order mark (an invisible character some editors save), before its `---`', fix: 'save it as UTF-8 without a byte-order mark (in VS Code: "UTF-8", not "UTF-8 with BOM"), then re-run.' };
  if (/^---\r?\n/.test(mdx)) return { file, line: 1, item: 'front matter', message: 'the front matter opened with `---` on line 1 is never closed', fix: `add a line \`---\` after its last field, or ${restore}` };
  return { file, line: 1, item: 'front matter', message: 'the file does not start with a `---` front-matter block', fix: `restore the front matter from git (git diff ${file} shows what changed), or re-import with --replace to start again (the article is backed up first).` };
}

function parseExisting(mdx: string, file: string): Parsed | MergeProblem {
  const match = FRONT_MATTER.exec(mdx);
  if (!match) return frontMatterProblem(mdx, file)!;
  const frontmatter = match[1] ?? '';
  const body = mdx.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  let tree: Root;
  try {
    // The build's own parser (src/compiler/parse.ts), so that the importer reads an article as the build does.
    tree = parseMdx(body, bodyLine).tree;
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { file, line: error.line, column: error.column, item: 'MDX', message: `the article is not valid MDX: ${error.reason}`, fix: `${error.fix.replace(/\.$/, '')}; then re-run the import.` };
  }
  const blocks: OldBlock[] = [];
  const leading: Parsed['leading'] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    if (node.type === 'paragraph' || node.type === 'heading') {
      const phrasing = readPhrasing(node.children, bodyLine);
      const marker = MARKER.exec(phrasing.text);
      if (!marker) {
        return { file, line, item: node.type, message: 'this block has no passage id (` ^id` at its end)', fix: 'add its id back (npm run check suggests one), or delete the block if it is not text of the source; then re-run the import.' };
      }
      const text = phrasing.text.slice(0, marker.index);
      blocks.push({
        id: marker[1]!,
        text,
        depth: node.type === 'heading' ? (node.depth === 3 ? 3 : 2) : undefined,
        source: body.slice(start, end),
        line,
        // A mark that reaches into the marker is not possible: the marker is plain text at the end.
        marks: phrasing.marks,
        unplaceable: phrasing.unplaceable,
        following: [],
      });
      continue;
    }
    if (isWholeLineInline(node)) {
      return { file, line, item: 'paragraph', message: `this paragraph is one whole <${node.name}> and has no passage id (\` ^id\` after </${node.name}>), so MDX reads it as a block and the import could not match it to its words`, fix: 'add its id back after the closing tag (npm run check suggests one; git diff shows the one it had); then re-run the import.' };
    }
    // A break between posts comes from the import; anything else was written by hand and follows
    // the block before it.
    if (node.type === 'thematicBreak') continue;
    const kept = { source: body.slice(start, end), line, label: labelOf(node) };
    (blocks.at(-1)?.following ?? leading).push(kept);
  }
  return { frontmatter, bodyLine, leading, blocks };
}

// ─── Matching paragraphs ─────────────────────────────────────────────────────────────────────────

interface NewBlock {
  text: string;
  mintedId: string;
  depth: 2 | undefined;
}

/**
 * Dice coefficient of the two texts' word multisets; for a text without ASCII words (Cyrillic, or
 * only punctuation), of their character pairs.
 */
function similarity(a: string, b: string): number {
  let left = asciiWords(a);
  let right = asciiWords(b);
  if (left.length === 0 || right.length === 0) {
    const pairs = (text: string) => {
      const chars = [...text.replace(/\s+/gu, '')];
      return chars.slice(1).map((char, i) => chars[i]! + char);
    };
    left = pairs(a);
    right = pairs(b);
  }
  if (left.length === 0 || right.length === 0) return 0;
  return dice(left, right);
}

/** Least likeness for a changed block alone in its place (between two kept ones) with one old block. */
const LONE_SIMILARITY = 0.3;

/**
 * For each new block, the index of the old block it continues, or -1. Same fingerprint first (in
 * order, for repeated paragraphs), then the same minted id, then the most similar words among the
 * unmatched old blocks between the neighbours' matches (less likeness is asked of a block that is
 * the only one changed in its place).
 */
function matchBlocks(olds: readonly OldBlock[], news: readonly NewBlock[], threshold: number): { old: number; by: MatchKind }[] {
  const result = news.map(() => ({ old: -1, by: 'same text' as MatchKind }));
  const taken = new Set<number>();
  const byPrint = new Map<string, number[]>();
  olds.forEach((block, i) => {
    const key = fingerprint(block.text);
    byPrint.set(key, [...(byPrint.get(key) ?? []), i]);
  });
  news.forEach((block, j) => {
    const candidates = byPrint.get(fingerprint(block.text)) ?? [];
    const i = candidates.find((c) => !taken.has(c));
    if (i !== undefined) {
      taken.add(i);
      result[j] = { old: i, by: 'same text' };
    }
  });
  const byId = new Map(olds.map((block, i) => [block.id, i]));
  news.forEach((block, j) => {
    if (result[j]!.old >= 0) return;
    const i = byId.get(block.mintedId);
    if (i !== undefined && !taken.has(i)) {
      taken.add(i);
      result[j] = { old: i, by: 'same id' };
    }
  });
  news.forEach((block, j) => {
    if (result[j]!.old >= 0) return;
    const before = result.slice(0, j).findLast((r) => r.old >= 0)?.old ?? -1;
    const after = result.slice(j + 1).find((r) => r.old >= 0)?.old ?? olds.length;
    let best = -1;
    // Alone in its gap with one old block, a changed block needs less likeness to be that block.
    const gapOld = olds.map((_, i) => i).filter((i) => i > before && i < after && !taken.has(i));
    const nextMatched = result.slice(j + 1).findIndex((r) => r.old >= 0);
    const gapNew = result.slice(j, nextMatched < 0 ? undefined : j + 1 + nextMatched).filter((r) => r.old < 0).length;
    let bestScore = gapOld.length === 1 && gapNew === 1 ? Math.min(threshold, LONE_SIMILARITY) : threshold;
    for (let i = before + 1; i < after; i++) {
      if (taken.has(i)) continue;
      const score = similarity(olds[i]!.text, block.text);
      if (score >= bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) {
      taken.add(best);
      result[j] = { old: best, by: 'similar text' };
    }
  });
  return result;
}

// ─── Carrying marks onto the new words ───────────────────────────────────────────────────────────

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Where `words` occur in `text` within [from, to): exactly, else up to spacing and quotation marks. */
function occurrences(text: string, words: string, from: number, to: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const region = text.slice(from, to);
  for (let at = region.indexOf(words); at >= 0 && words !== ''; at = region.indexOf(words, at + 1)) {
    found.push({ start: from + at, end: from + at + words.length });
  }
  if (found.length > 0 || words.trim() === '') return found;
  const loose = [...words.trim()]
    .map((char) => (/\s/u.test(char) ? '\\s+' : /['‘’]/u.test(char) ? "['‘’]" : /["“”]/u.test(char) ? '["“”]' : escapeRegExp(char)))
    .join('')
    .replace(/(?:\\s\+)+/gu, '\\s+');
  for (const match of region.matchAll(new RegExp(loose, 'gu'))) {
    found.push({ start: from + match.index, end: from + match.index + match[0].length });
  }
  return found;
}

interface Placed {
  mark: Mark;
  start: number;
  end: number;
  children: Placed[];
}

/**
 * Places each mark of `old` on the same words of `text`, within `window` (where the old block's
 * words now are: all of `text`, or the part a joined block became): inside its parent mark's new
 * place, at the occurrence nearest to where it was, never across a mark already placed. Placed
 * marks go into `roots`; returns the marks that found no place.
 */
function placeMarks(old: OldBlock, text: string, window: { start: number; end: number }, roots: Placed[]): Mark[] {
  // Parents before children: a parent starts no later and ends no earlier.
  const marks = [...old.marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const lost: Mark[] = [];
  const stack: { old: Mark; placed: Placed | undefined }[] = [];
  const scale = old.text.length === 0 ? 0 : (window.end - window.start) / old.text.length;
  for (const mark of marks) {
    while (stack.length > 0 && !(mark.start >= stack.at(-1)!.old.start && mark.end <= stack.at(-1)!.old.end)) stack.pop();
    const parentEntry = stack.at(-1);
    if (parentEntry && !parentEntry.placed) {
      // Its parent was lost, so is it (reported once, with the parent).
      stack.push({ old: mark, placed: undefined });
      continue;
    }
    const parent = parentEntry?.placed;
    const siblings = parent ? parent.children : roots;
    const from = parent?.start ?? window.start;
    const to = parent?.end ?? window.end;
    const words = old.text.slice(mark.start, mark.end);
    const expected = window.start + mark.start * scale;
    const free = occurrences(text, words, from, to).filter((o) =>
      siblings.every((s) => o.end <= s.start || o.start >= s.end),
    );
    const best = free.sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))[0];
    if (!best) {
      lost.push(mark);
      stack.push({ old: mark, placed: undefined });
      continue;
    }
    const placed: Placed = { mark, start: best.start, end: best.end, children: [] };
    siblings.push(placed);
    siblings.sort((a, b) => a.start - b.start);
    stack.push({ old: mark, placed });
  }
  return lost;
}

function buildPhrasing(text: string, from: number, to: number, placed: readonly Placed[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let at = from;
  for (const p of placed) {
    if (p.start > at) nodes.push({ type: 'text', value: text.slice(at, p.start) });
    nodes.push({ ...p.mark.node, children: buildPhrasing(text, p.start, p.end, p.children) } as PhrasingContent);
    at = p.end;
  }
  if (to > at) nodes.push({ type: 'text', value: text.slice(at, to) });
  return nodes;
}

function describeMark(mark: Mark): string {
  return mark.node.type === 'mdxJsxTextElement' ? labelOf(mark.node) : `the ${mark.node.type}`;
}

function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `“${flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`}”`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ─── The merge ───────────────────────────────────────────────────────────────────────────────────

function removalOf(text: string, removed: readonly Removal[]): { rule: string; lines: string } | undefined {
  const words = text.replace(/\s+/gu, ' ').trim();
  for (const removal of removed) {
    for (const occurrence of removal.occurrences) {
      if (occurrence.text.replace(/\s+/gu, ' ').includes(words.slice(0, 60))) return { rule: removal.rule, lines: occurrence.lines };
    }
  }
  return undefined;
}

/**
 * Merges a fresh import of a source into the existing article made from it: the editor's front
 * matter, notes, marks, ids and publication state are kept; the words, breaks and importer-owned
 * fields are the import's.
 *
 * @example
 * const fresh = importText(raw, { sourceFile: 'x.txt', rules });   // after a new furniture rule
 * const merged = mergeImport(readFileSync('content/articles/x.mdx', 'utf8'), fresh, { file: 'content/articles/x.mdx' });
 * if (merged.ok) writeFileSync('content/articles/x.mdx', merged.mdx); else merged.problems.map(formatProblem);
 */
export function mergeImport(existingMdx: string, fresh: ImportResult, options: MergeOptions): MergeResult {
  const { file, similarity: threshold } = { ...defaultMergeOptions, ...options };
  const parsed = parseExisting(existingMdx, file);
  if ('item' in parsed) return { ok: false, problems: [parsed] };

  const counter = new LineCounter();
  const doc = parseDocument(parsed.frontmatter, { lineCounter: counter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    // Lines of the front matter start on the file's second line.
    const pos = doc.errors[0]?.linePos?.[0];
    const reason = doc.errors[0]?.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '') ?? 'not a map of fields';
    return { ok: false, problems: [{ file, line: (pos?.line ?? 0) + 1, ...(pos ? { column: pos.col } : {}), item: 'front matter', message: `not valid YAML: ${reason}`, fix: 'fix the front matter there (npm run check shows the same error), then re-run the import.' }] };
  }
  const data = doc.toJS() as Record<string, unknown>;

  const news: NewBlock[] = [];
  for (const entry of fresh.blocks) {
    if (entry.block.kind === 'text' && entry.id) news.push({ text: entry.block.text, mintedId: entry.id, depth: entry.heading ? 2 : undefined });
  }
  const matches = matchBlocks(parsed.blocks, news, threshold);
  const problems: MergeProblem[] = [];

  // Ids: kept ones first, then fresh ones that collide with nothing old or kept.
  const used = new Set(parsed.blocks.map((b) => b.id));
  const finalIds = news.map((block, j) => {
    const match = matches[j]!;
    if (match.old >= 0) return parsed.blocks[match.old]!.id;
    let id = block.mintedId;
    const base = id.replace(/-\d+$/u, '');
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });

  // Old blocks with no successor of their own whose words are now part of another paragraph (a
  // rule removed a page footer between the two halves of a sentence, and they were rejoined).
  const matchedOld = new Set(matches.map((m) => m.old));
  const newIndexOfOld = new Map(matches.map((m, j) => [m.old, j]));
  const joined = new Map<number, { old: number; window: { start: number; end: number } }[]>();
  const joinedInto = new Map<number, number>();
  parsed.blocks.forEach((old, i) => {
    if (matchedOld.has(i) || asciiWords(old.text).length < 3 || removalOf(old.text, fresh.frontmatter.removed)) return;
    const near = newIndexOfOld.get(i - 1) ?? newIndexOfOld.get(i + 1) ?? 0;
    let best: { j: number; window: { start: number; end: number } } | undefined;
    // The block's words, and its words without the furniture the new rules removed from it.
    let rest = old.text;
    for (const occurrence of fresh.frontmatter.removed.flatMap((r) => r.occurrences)) {
      for (const line of occurrence.text.split('\n')) if (line.trim() !== '') rest = rest.replace(line.trim(), ' ');
    }
    rest = rest.replace(/\s+/gu, ' ').trim();
    news.forEach((block, j) => {
      const found = occurrences(block.text, old.text, 0, block.text.length)[0] ?? occurrences(block.text, rest, 0, block.text.length)[0];
      if (found && (!best || Math.abs(j - near) < Math.abs(best.j - near))) best = { j, window: found };
    });
    if (!best) return;
    joined.set(best.j, [...(joined.get(best.j) ?? []), { old: i, window: best.window }]);
    joinedInto.set(i, best.j);
  });

  // Each new text block's MDX, with the old blocks' marks on the same words.
  const mdxOf = news.map((block, j) => {
    const match = matches[j]!;
    const id = finalIds[j]!;
    const primary = match.old >= 0 ? parsed.blocks[match.old]! : undefined;
    const parts = [
      ...(primary ? [{ old: primary, window: { start: 0, end: block.text.length } }] : []),
      ...(joined.get(j) ?? []).map((part) => ({ old: parsed.blocks[part.old]!, window: part.window })),
    ];
    // Same words: the editor's MDX as written, a heading the editor made included.
    if (primary && parts.length === 1 && primary.text === block.text) return primary.source;
    if (parts.every((part) => part.old.marks.length === 0 && part.old.unplaceable.length === 0)) {
      const depth = primary ? primary.depth : block.depth;
      return depth ? headingToMdx(block.text, id, depth) : paragraphToMdx(block.text, id);
    }
    const roots: Placed[] = [];
    for (const { old, window } of parts) {
      for (const item of old.unplaceable) {
        problems.push({
          file, line: item.line, column: item.column, item: `paragraph ^${old.id}`,
          message: `its words changed in the re-import, and it holds ${UNPLACEABLE_NAMES[item.type] ?? `a ${item.type} node`}, which the merge cannot put back on the new words`,
          fix: 'remove it from the paragraph, re-run the import, then add it again.',
        });
      }
      for (const mark of placeMarks(old, block.text, window, roots)) {
        const words = old.text.slice(mark.start, mark.end);
        problems.push({
          file, line: mark.line, column: mark.column, item: describeMark(mark),
          message: `it marks ${quote(words)}, words that paragraph ^${old.id} no longer has after the re-import; the paragraph now reads ${quote(block.text, 160)}`,
          fix: `mark words that are still in the paragraph (or remove the mark and re-add it after the import), then re-run the import; if the words should be there, correct the raw copy or the rule that removed them.`,
        });
      }
    }
    // Whether a block is a heading is the editor's call once made.
    return blockToMdx(buildPhrasing(block.text, 0, block.text.length, roots), id, primary ? primary.depth : block.depth);
  });

  // Old blocks that found no successor: what hung on them cannot be placed.
  const dropped: string[] = [];
  parsed.blocks.forEach((old, i) => {
    if (matchedOld.has(i)) return;
    dropped.push(old.id);
    if (joinedInto.has(i) || (old.marks.length === 0 && old.following.length === 0)) return;
    const removal = removalOf(old.text, fresh.frontmatter.removed);
    const why = removal
      ? `rule \`${removal.rule}\` now removes it (source line ${removal.lines})`
      : 'its words are no longer in the source';
    const fix = removal
      ? `if the paragraph is text, narrow rule \`${removal.rule}\` so it spares it; if it is furniture, move what hangs on it to another paragraph or delete it; then re-run the import.`
      : 'move it after the paragraph that now holds these words (or delete it), then re-run the import; or, if the words should be there, correct the raw copy.';
    for (const mark of old.marks.filter((m) => m.node.type === 'mdxJsxTextElement')) {
      problems.push({ file, line: mark.line, column: mark.column, item: describeMark(mark), message: `it is in paragraph ^${old.id} (${quote(old.text, 60)}), which the re-import no longer has: ${why}`, fix });
    }
    for (const kept of old.following) {
      problems.push({ file, line: kept.line, item: kept.label, message: `it follows paragraph ^${old.id} (${quote(old.text, 60)}), which the re-import no longer has: ${why}`, fix });
    }
  });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) };

  // The body: the import's blocks and breaks, each kept block followed by what followed it.
  const followingOf = new Map<number, OldBlock['following']>();
  matches.forEach((m, j) => {
    const olds = [...(m.old >= 0 ? [m.old] : []), ...(joined.get(j) ?? []).map((part) => part.old)];
    followingOf.set(j, olds.flatMap((i) => parsed.blocks[i]!.following));
  });
  const body: string[] = parsed.leading.map((k) => k.source);
  let j = 0;
  for (const entry of fresh.blocks) {
    if (entry.block.kind === 'break') {
      body.push(BREAK_MDX);
      continue;
    }
    if (!entry.id) continue;
    body.push(mdxOf[j]!, ...(followingOf.get(j) ?? []).map((k) => k.source));
    j++;
  }

  // The front matter: the editor's, with the importer's fields brought up to date.
  // Sections: the editor's (the headings still there, in the text's order) with the import's
  // datelines, and the import's new ones.
  const idOf = new Map(news.map((block, k) => [block.mintedId, finalIds[k]!]));
  const freshSections = new Map(fresh.frontmatter.sections.map((s) => [idOf.get(s.heading) ?? s.heading, s]));
  const oldSections = new Map(((data['sections'] as (DraftSection & { author?: string })[] | undefined) ?? []).map((s) => [s.heading, s]));
  const sections = finalIds.flatMap((heading, k) => {
    const match = matches[k]!;
    const isHeading = match.old >= 0 ? parsed.blocks[match.old]!.depth !== undefined : news[k]!.depth !== undefined;
    if (!isHeading) return [];
    const old = oldSections.get(heading);
    const section = freshSections.get(heading);
    if (!old) return section ? [{ ...section, heading }] : [];
    if (!section) return [old];
    return [{ ...old, dateline: section.dateline }];
  });
  const updates = new Map<string, unknown>();
  const wanted: Record<string, unknown> = {
    titleAsReceived: fresh.frontmatter.titleAsReceived,
    headerAsReceived: fresh.frontmatter.headerAsReceived,
    removed: fresh.frontmatter.removed,
    sections,
  };
  for (const [key, value] of Object.entries(wanted)) if (!same(data[key] ?? (key === 'titleAsReceived' ? undefined : []), value)) updates.set(key, value);
  let yamlText = parsed.frontmatter;
  const copy = (data['copy'] ?? {}) as Record<string, unknown>;
  const source = fresh.frontmatter.copy.source;
  let sourceChanged = false;
  if (copy['source'] !== source) {
    sourceChanged = true;
    const spliced = replaceScalar(yamlText, ['copy', 'source'], source);
    if (spliced === undefined) updates.set('copy', { ...copy, source });
    else yamlText = spliced;
  }
  const frontmatter = updates.size > 0 ? replaceKeys(yamlText, updates) : yamlText;

  const kept = matches.flatMap((m) => (m.old >= 0 ? [{ id: parsed.blocks[m.old]!.id, by: m.by }] : []));
  const added = finalIds.filter((_, k) => matches[k]!.old < 0);
  const updated = [...updates.keys(), ...(sourceChanged && !updates.has('copy') ? ['copy.source'] : [])];
  const carried = parsed.blocks.reduce((n, b) => n + b.following.length, parsed.leading.length);
  const marks = parsed.blocks.reduce((n, b) => n + b.marks.length, 0);
  const changed = kept.filter((k) => k.by !== 'same text');
  // Paragraphs gone without a successor: for a published article, the alias each needs if its id was
  // published, to the nearest paragraph kept before it (else after it), so old links land nearby.
  const goneReport = (): string[] => {
    const gone = parsed.blocks.flatMap((old, i) => (matchedOld.has(i) || joinedInto.has(i) ? [] : [{ old, i }]));
    if (gone.length === 0) return [];
    const placed = gone.map(({ old }) => {
      const removal = removalOf(old.text, fresh.frontmatter.removed);
      return `^${old.id}${removal ? ` (rule \`${removal.rule}\`, source line ${removal.lines})` : ' (its words are no longer in the source)'}`;
    });
    const head = `gone from the text: ${placed.join(', ')}.`;
    if (data['draft'] === true) return [head];
    const slug = file.slice(file.lastIndexOf('/') + 1).replace(/\.mdx$/u, '');
    const neighbour = (i: number): string | undefined => {
      for (let k = i - 1; k >= 0; k--) if (newIndexOfOld.has(k)) return finalIds[newIndexOfOld.get(k)!];
      for (let k = i + 1; k < parsed.blocks.length; k++) if (newIndexOfOld.has(k)) return finalIds[newIndexOfOld.get(k)!];
      return undefined;
    };
    return [
      [
        head,
        `  If \`npm run ledger\` recorded ${gone.length === 1 ? 'it' : 'them'}, \`npm run check\` asks for an alias: add under \`aliases:\` in content/anchors.yaml`,
        `  (below the line \`  ${slug}:\` if the article has aliases already):`,
        `    ${slug}:`,
        ...gone.map(({ old, i }) => `      ${old.id}: ${neighbour(i) ?? '<id of the paragraph that takes its place>'}`),
      ].join('\n'),
    ];
  };
  const report = [
    `kept ${kept.length} of ${parsed.blocks.length} paragraph ids, ${carried} note${carried === 1 ? '' : 's'} and other blocks, ${marks} mark${marks === 1 ? '' : 's'}`,
    ...(changed.length
      ? [`the source's words replace the article's in ${changed.map((k) => `^${k.id} (found by ${k.by})`).join(', ')}: a text is reproduced as its source has it (the article as it was is in the backup named above)`]
      : []),
    ...(added.length ? [`new paragraph${added.length === 1 ? '' : 's'}: ${added.map((id) => `^${id}`).join(', ')}`] : []),
    ...[...joinedInto].map(([i, j]) => `^${parsed.blocks[i]!.id} is now part of ^${finalIds[j]!}${data['draft'] === true ? '' : ` (if it was published, alias it in content/anchors.yaml: ${parsed.blocks[i]!.id}: ${finalIds[j]!})`}`),
    ...goneReport(),
    `front matter: ${updated.length ? `the importer's ${updated.map((key) => `\`${key}\``).join(', ')} brought up to date` : 'unchanged'}; the editor's fields and ${data['draft'] === true ? 'the draft state' : 'the published state'} kept`,
  ];
  // An article saved with Windows line endings keeps them: its own lines came with `\r\n`, the re-imported ones with `\n`.
  const mdx = `---\n${frontmatter}---\n\n${body.join('\n\n')}\n`;
  return { ok: true, mdx: eolOf(existingMdx) === '\r\n' ? mdx.replace(/\r?\n/g, '\r\n') : mdx, kept, added, dropped, updated, report };
}
