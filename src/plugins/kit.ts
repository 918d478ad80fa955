/**
 * What every plugin of the article pipeline shares: which files hold article text, the walker over
 * its blocks, and the reading of our components' attributes. Written once, so that every plugin
 * (and the compiler, src/compiler/read.ts) sees a file the same way.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

/** Whether a file holds article text: it is under a `content/articles/` folder. */
export function isArticleFile(path: string): boolean {
  return /[\\/]content[\\/]articles[\\/]/.test(path);
}

/** The article's slug: the file's name without `.mdx`. */
export function slugOfPath(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop()?.replace(/\.mdx$/, '') ?? '';
}

/** A block of article text: a paragraph or a heading. */
export type Block = Paragraph | Heading;

/**
 * Components that mark words inside a paragraph, never a block of their own. A line that is one
 * whole such element and nothing after it (a paragraph that lost its ` ^id`) is read by MDX as a
 * block element, not a paragraph: the passage check and the importer name it as a paragraph without its id.
 */
export const INLINE_COMPONENTS: ReadonlySet<string> = new Set(['Passage', 'Term', 'NoTerm']);

/**
 * Whether `node` is such a line: an inline component standing as a block, holding words only. One
 * that holds paragraphs (a <Passage> opened above two of them) is another mistake, named as such
 * by the notes' check (`passage-crosses-paragraphs`).
 */
export function isWholeLineInline(node: RootContent): node is Extract<RootContent, { type: 'mdxJsxFlowElement' }> & { name: string } {
  return node.type === 'mdxJsxFlowElement' && !!node.name && INLINE_COMPONENTS.has(node.name) && !node.children.some((child) => ['paragraph', 'heading', 'list', 'blockquote', 'mdxJsxFlowElement', 'code', 'table', 'thematicBreak'].includes(child.type));
}

/** Blocks of article text: paragraphs and headings, also inside quotations and lists, never inside JSX. */
export function* textBlocks(nodes: readonly RootContent[]): Generator<Block> {
  yield* flowBlocks(nodes, (node): node is Block => node.type === 'paragraph' || node.type === 'heading');
}

/**
 * The nodes of the article's flow that pass `wanted`, where text blocks stand: at the top, and in
 * block quotes and lists (the one walker of the blocks: text blocks, whole-line inline components).
 */
export function* flowBlocks<T extends RootContent>(nodes: readonly RootContent[], wanted: (node: RootContent) => node is T): Generator<T> {
  for (const node of nodes) {
    if (wanted(node)) yield node;
    else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') yield* flowBlocks(node.children as RootContent[], wanted);
  }
}

/** The paragraph or heading under `top` that contains `node`. */
export function blockOf(top: RootContent, node: unknown): Block | undefined {
  let found: Block | undefined;
  visit(top, (candidate) => {
    if (found || (candidate.type !== 'paragraph' && candidate.type !== 'heading')) return;
    let inside = false;
    visit(candidate, (inner) => {
      if (inner === node) inside = true;
    });
    if (inside) found = candidate as Block;
  });
  return found;
}

/** The direct parent of `node` inside `block`. */
export function parentOf(block: Block, node: unknown): { children: unknown[] } | undefined {
  let parent: { children: unknown[] } | undefined;
  visit(block, (candidate) => {
    if ('children' in candidate && (candidate.children as unknown[]).includes(node)) parent = candidate as { children: unknown[] };
  });
  return parent;
}

/**
 * A component's attributes: plain values (whatever quotes they were written with; a bare attribute
 * is ''), and the names of those written as `{expressions}`, which our components refuse.
 *
 * @example attributes(<Note id='x' kind="context" open>) // { values: Map { id → 'x', kind → 'context', open → '' }, expressions: [] }
 */
export function attributes(element: MdxJsxFlowElement | MdxJsxTextElement): { values: Map<string, string>; expressions: string[] } {
  const values = new Map<string, string>();
  const expressions: string[] = [];
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      expressions.push('{…}');
      continue;
    }
    const { name, value } = attribute;
    if (typeof value === 'string') values.set(name, value);
    else if (value === null || value === undefined) values.set(name, '');
    else {
      expressions.push(name);
      // `id={"x"}` is refused, but read as `x`: its one error, not others that follow from a missing id.
      const literal = stringLiteral(value.value);
      if (literal !== undefined) values.set(name, literal);
    }
  }
  return { values, expressions };
}

/**
 * The fix for a component's attribute written as an expression (`id={"x"}`): the plain string it
 * should be, when the expression is one, else a plain string like `example`.
 *
 * @example expressionFix(new Map([['id', 'x']]), ['id'], 'kind="context"') // 'write it as a plain string: id="x", without the braces.'
 */
export function expressionFix(values: ReadonlyMap<string, string>, expressions: readonly string[], example: string): string {
  const literal = expressions.find((name) => values.has(name));
  return literal ? `write it as a plain string: ${literal}="${values.get(literal)}", without the braces.` : `write every attribute as a plain string, e.g. ${example}.`;
}

/**
 * The string an expression is, if it is a plain string literal (`"x"` or `'x'`, no escapes).
 *
 * @example stringLiteral('"union-state"') // 'union-state'
 */
export function stringLiteral(expression: string): string | undefined {
  return /^\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*$/.exec(expression)?.slice(1).find((group) => group !== undefined);
}

/** One plain attribute of a component, if it is written as a string. */
export function attribute(element: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name !== name) continue;
    if (typeof attr.value === 'string') return attr.value;
    // An expression that is a string literal is read as its string; every component refuses it, once
    // (read-notes.ts, passages.ts, remark-glossary.ts, with `expressionFix`).
    if (attr.value && typeof attr.value === 'object') return stringLiteral(attr.value.value);
  }
  return undefined;
}
