/**
 * An article's MDX rendered as the build reads it (Sätteri's parse, src/compiler/parse.ts, and our
 * passage-id plugin), for tests that check what an importer's output shows: its text, and the words
 * each <Passage> holds.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMdx } from '../../src/compiler/parse.ts';
import { remarkPassageAnchors } from '../../src/plugins/remark-passage-anchors.ts';

const MDX_NODES: string[] = ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'];

/** The text an article body renders to, and the words of each passage, in order. */
export function renderBody(mdx: string): { text: string; passages: string[] } {
  const { tree } = parseMdx(mdx);
  const passages: string[] = [];
  visit(tree as Root, (node: Root | RootContent) => {
    if (node.type === 'mdxJsxTextElement' && node.name === 'Passage') passages.push(mdastToString(node));
  });
  const file = new VFile({ path: '/virtual/content/articles/x.mdx', value: mdx });
  const hast = unified().use(remarkPassageAnchors).use(remarkRehype, { passThrough: MDX_NODES } as Parameters<typeof remarkRehype>[1]).runSync(tree, file) as unknown as HastRoot;
  return { text: toString(hast), passages };
}
