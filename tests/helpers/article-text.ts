/**
 * What a built article page says as source text, and how the raw sources are compared with it.
 */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { remove } from 'unist-util-remove';

/**
 * Normalises text for comparison: straight and typographic quotes alike, a word broken after a
 * hyphen at a line end rejoined, every run of spaces, tabs and line breaks one space (a no-break
 * or other space is a character of the text, and stays). The test's own, on purpose:
 * the compiler's check (src/compiler/fidelity.ts) is not tested against itself.
 */
export function normalise(text: string): string {
  return text
    .replace(/[‘’‚‛′]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/(\p{L})-[ \t]*\n[ \t\n]*(?=\p{L})/gu, '$1-')
    .replace(/[ \t\n\r\f\v]+/gu, ' ')
    .replace(/^ | $/gu, '');
}

/** Splits text into sentences: at . ! ? … (and closing quotes) followed by space and a capital, a quote or a digit. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["')\]]?)\s+(?=["'(\[]?[\p{Lu}\p{N}])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** The blocks of source text on a built article page: the received header and the article's text. */
export function sourceBlocks(html: string): string[] {
  const tree: Root = fromHtml(html);
  // Apparatus inside the text (section lines, labels, notes, links) is not source text.
  remove(tree, (node) => node.type === 'element' && ((node as Element).properties?.['dataApparatus'] !== undefined || ((node as Element).properties?.['className'] as string[] | undefined)?.includes('passage-link')));
  const blocks: string[] = [];
  for (const element of selectAll('[data-source-text]', tree)) {
    const parts = selectAll('p', element);
    for (const part of parts.length > 0 ? parts : [element]) blocks.push(toString(part));
  }
  const text = select('[data-article-text]', tree);
  if (text) for (const block of selectAll('p, h1, h2, h3, h4, h5, h6, li', text)) blocks.push(toString(block));
  return blocks.map((block) => block.trim()).filter(Boolean);
}
