/**
 * What a built article page says as source text, and how the raw sources are compared with it.
 */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { remove } from 'unist-util-remove';

// The comparison the compiler makes (src/compiler/fidelity.ts), so that the test and the check agree.
export { normaliseText as normalise, sentencesOf as sentences } from '../../src/compiler/fidelity.ts';

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
