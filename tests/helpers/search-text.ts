/**
 * A page's text as search reads it, for tests of what it leaves out.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import type { Element } from 'hast';

/**
 * What search reads of a page (its `data-pagefind-body`, less what is marked `data-pagefind-ignore`)
 * where punctuation is left stranded by what was left out: “(KTVZ). . Copy taken from”.
 */
export function strandedPunctuation(html: string): string[] {
  const tree = fromHtml(html);
  remove(tree, (node) => node.type === 'element' && ((node as Element).properties?.['dataPagefindIgnore'] !== undefined || ['script', 'style', 'template'].includes((node as Element).tagName)));
  const bodies: string[] = [];
  const visit = (node: Element | typeof tree) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.properties?.['dataPagefindBody'] !== undefined) bodies.push(toString(child));
      else visit(child);
    }
  };
  visit(tree);
  // A mark after another, a mark after a space (its words left out before it), brackets emptied.
  return bodies.flatMap((text) => [...text.replace(/\s+/gu, ' ').matchAll(/.{0,20}(?:[.,;:] [.,;:]|\p{L} [.,;:](?= |$)|\(\s*\)).{0,2}/gu)].map((match) => match[0].trim()));
}

