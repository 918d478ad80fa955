/**
 * remark-passage-anchors: gives every paragraph and heading of article text its passage id.
 *
 * Ids are written in the MDX, at the end of the block, after a space and a caret:
 *
 *     The Kremlin has lashed out at US and NATO forces… ^kremlin-lashed-out-us-nato
 *
 * The id becomes the element's `id`, the fragment of its permalink. It is stored with the text, not
 * counted, so inserting or editing another paragraph never moves it. A block of article text without
 * an id, a malformed id, or an id used twice fails the build with the file, the line and a fix.
 */
import type { Root, Text } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { idFault, isPassageId, RESERVED_PASSAGE_PREFIXES, type PassageId } from '../lib/ids.ts';
import { slugFromText, shortHash } from '../lib/slug.ts';
import { fingerprint } from '../lib/ledger.ts';
import { failOnProblems, type ContentProblem } from './content-errors.ts';
import { toString } from 'mdast-util-to-string';
// Declares `data.hProperties` on mdast nodes, which mdast-util-to-hast turns into HTML attributes.
import type {} from 'mdast-util-to-hast';
import { flowBlocks, isArticleFile, isWholeLineInline, textBlocks, type Block } from './kit.ts';

/** A passage of article text, as the plugin found it. */
export interface PassageInfo {
  id: PassageId;
  kind: 'paragraph' | 'heading';
  /** Heading depth, for headings. */
  depth?: number;
  /** The block's plain text, without the marker. */
  text: string;
  /** 1-based line in the MDX file. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Passages of article text in document order, from remark-passage-anchors. */
    passages: PassageInfo[];
  }
}

/** Options of {@link remarkPassageAnchors}. */
export interface Options {
  /**
   * Which files hold article text. Default: files under a `content/articles/` folder.
   */
  include?: (path: string) => boolean;
  /**
   * The fingerprint the anchor ledger recorded for a paragraph id of the file, if any: of two
   * paragraphs given the same id, the one that does not hold the published words is the one to
   * give another. Default: none known.
   */
  recorded?: (path: string, id: string) => string | undefined;
}

export const defaultOptions: Required<Options> = {
  include: isArticleFile,
  recorded: () => undefined,
};

/** ` ^id` at the very end of a block; the id is checked separately for a clearer message. */
const MARKER = /[ \t]\^([^\s^]+)$/u;

function suggestId(text: string, used: ReadonlySet<string>): string {
  let base = slugFromText(text) || `p-${shortHash(text)}`;
  if (!isPassageId(base)) base = `p-${shortHash(text)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Whether the caret at `offset` in the source is escaped (`\^`), which makes it text. */
function isEscaped(source: string, caretOffset: number): boolean {
  let backslashes = 0;
  for (let i = caretOffset - 1; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** An id written inside `block`, with words after it (unescaped, as the marker is read): the first, if any. */
function innerMarker(block: Block, file: VFile): { id: string; after: string } | undefined {
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = String(file.value);
  const text = source.slice(start, end);
  for (const match of text.matchAll(/[ \t]\^([^\s^]+)(?=[ \t]+\S)/gu)) {
    if (isEscaped(source, start + match.index + 1)) continue;
    const after = text.slice(match.index + match[0].length).trim().replace(/[ \t]\^[^\s^]+$/u, '');
    return { id: match[1]!, after };
  }
  return undefined;
}

/**
 * Reads and removes the marker of `block`; returns the id, or undefined when there is none.
 * The id is read from the source, so an escaped `\^word` stays text.
 */
function takeMarker(block: Block, file: VFile): { id: string } | undefined {
  const last = block.children[block.children.length - 1];
  if (!last || last.type !== 'text') return undefined;
  const match = MARKER.exec(last.value);
  if (!match) return undefined;
  const end = last.position?.end.offset;
  const source = String(file.value);
  if (end !== undefined) {
    const caret = source.lastIndexOf('^', end);
    if (caret < 0 || isEscaped(source, caret)) return undefined;
  }
  (last as Text).value = last.value.slice(0, match.index).replace(/[ \t]+$/u, '');
  if (last.value === '') block.children.pop();
  return { id: match[1]! };
}

/**
 * Assigns passage ids from ` ^id` markers and checks them.
 *
 * @example
 * // Input MDX:   Belarus seems small. ^belarus-seems-small
 * // Output HTML: <p id="belarus-seems-small" data-passage="">Belarus seems small.</p>
 */
export const remarkPassageAnchors: Plugin<[Options?], Root> = (options) => {
  const { include, recorded } = { ...defaultOptions, ...options };
  return (tree, file) => {
    const path = file.history[0] ?? '';
    if (!include(path)) return;
    const problems: ContentProblem[] = [];
    const seen = new Map<string, { line: number; text: string; place: typeof tree.position; what: 'heading' | 'paragraph' }>();
    const passages: PassageInfo[] = [];
    const used = new Set<string>();
    const blocks = [...textBlocks(tree.children)];

    for (const block of blocks) {
      // An id written, but not last: words added after it, or two paragraphs run together.
      const inside = innerMarker(block, file);
      const marker = takeMarker(block, file);
      const text = toString(block).trim();
      const line = block.position?.start.line ?? 0;
      const what = block.type === 'heading' ? 'heading' : 'paragraph';
      if (inside) {
        const words = `“${inside.after.slice(0, 50)}${inside.after.length > 50 ? '…' : ''}”`;
        problems.push(
          marker
            ? {
                ruleId: 'passage-id-not-last',
                place: block.position,
                reason: `${what} ^${marker.id} holds another id, ^${inside.id}, with words after it (${words}): two paragraphs run together`,
                fix: `put a blank line after \` ^${inside.id}\`, so that each paragraph ends with its own id.`,
              }
            : {
                ruleId: 'passage-id-not-last',
                place: block.position,
                reason: `${what} ^${inside.id} has words after its id: ${words}`,
                fix: `an id ends its ${what}: put words of the source before \` ^${inside.id}\`, and delete words that are not the source's (a note says what the editors add).`,
              },
        );
        continue;
      }
      if (!marker) {
        if (text === '') continue;
        problems.push({
          ruleId: 'missing-passage-id',
          place: block.position,
          reason: `${what} “${text.slice(0, 50)}${text.length > 50 ? '…' : ''}” has no passage id`,
          fix: `end it with a space and a caret id, e.g. \` ^${suggestId(text, used)}\` (ids never change once published).`,
        });
        continue;
      }
      const { id } = marker;
      used.add(id);
      if (!isPassageId(id)) {
        const reserved = RESERVED_PASSAGE_PREFIXES.find((prefix) => id.startsWith(prefix));
        problems.push({
          ruleId: 'invalid-passage-id',
          place: block.position,
          reason: reserved
            ? `passage id \`${id}\` starts with \`${reserved}\`, which is kept for notes and terms`
            : `passage id \`${id}\` is not valid (${idFault(id)})`,
          fix: `use lowercase letters, digits and single hyphens, at most 64 characters, e.g. \`${suggestId(text, used)}\`.`,
        });
        continue;
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        // The id stays with the words it was published with: if those are the later paragraph's
        // (the id was copied onto the earlier one), the earlier one takes another.
        const published = recorded(path, id);
        const moved = published !== undefined && fingerprint(text) === published && fingerprint(earlier.text) !== published;
        problems.push({
          ruleId: 'duplicate-passage-id',
          place: moved ? earlier.place : block.position,
          reason: moved ? `passage id \`${id}\` is also on line ${line}, whose words it was published with` : `passage id \`${id}\` is already used at line ${earlier.line}`,
          fix: moved ? `give this ${earlier.what} its own id, e.g. \`${suggestId(earlier.text, used)}\`, and leave \`${id}\` on line ${line}.` : `give this ${what} its own id, e.g. \`${suggestId(text, used)}\`.`,
        });
        continue;
      }
      seen.set(id, { line, text, place: block.position, what });
      block.data ??= {};
      block.data.hProperties = { ...block.data.hProperties, id, dataPassage: what };
      passages.push({ id, kind: what, ...(block.type === 'heading' ? { depth: block.depth } : {}), text, line });
    }
    // A line that is one whole <Passage> (or <Term>, <NoTerm>) and has lost its id is no longer a
    // paragraph to MDX, but a block element: named here, or the editor is only told, by the check
    // against the raw text, that the paragraph's words are missing.
    for (const element of flowBlocks(tree.children, isWholeLineInline)) {
      const text = toString(element).trim();
      problems.push({
        ruleId: 'missing-passage-id',
        place: element.position,
        reason: `paragraph “${text.slice(0, 50)}${text.length > 50 ? '…' : ''}” has no passage id: it is one whole <${element.name}>, which without an id after it MDX reads as a block, not as a paragraph of the text`,
        fix: `end the line, after </${element.name}>, with a space and its id, e.g. \` ^${suggestId(text, used)}\` (ids never change once published; \`git diff\` shows the one it had).`,
      });
    }
    failOnProblems(file, 'remark-passage-anchors', problems);
    file.data.passages = passages;
  };
};
