/**
 * Serialisation: writes text as MDX that renders to exactly the same characters, whatever the
 * text contains, and writes the front matter.
 */
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { stringify } from 'yaml';
import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';

/**
 * The serialiser knows what CommonMark, GFM and MDX would read as syntax (`{`, `<`, `*`, `#` at a
 * line start, `1.`, `---`, `&amp;`, URLs…) and escapes exactly that. `^` is escaped too, because
 * ` ^id` at the end of a block is the edition's passage-id marker.
 */
const toMarkdownOptions: ToMarkdownOptions = {
  extensions: [mdxToMarkdown(), gfmToMarkdown()],
  unsafe: [{ character: '^', inConstruct: 'phrasing' }],
};

/**
 * MDX reads a line starting with `import` or `export` as JavaScript even when the rest is escaped;
 * a character reference for the first letter keeps it text.
 */
function escapeEsmKeywords(markdown: string): string {
  return markdown.replace(/^([ie])(mport|xport)/gmu, (_all, first: string, rest: string) =>
    `&#x${first.charCodeAt(0).toString(16)};${rest}`,
  );
}

function serialise(node: Paragraph | Heading): string {
  const root: Root = { type: 'root', children: [node] };
  return escapeEsmKeywords(toMarkdown(root, toMarkdownOptions).replace(/\n+$/u, ''));
}

/**
 * A paragraph of text as MDX, with its passage-id marker.
 *
 * @example paragraphToMdx('Costs {less} than <b>', 'costs-less') // 'Costs \\{less} than \\<b> ^costs-less'
 */
export function paragraphToMdx(text: string, id: string): string {
  return `${serialise({ type: 'paragraph', children: [{ type: 'text', value: text }] })} ^${id}`;
}

/**
 * A section heading as MDX, with its passage-id marker.
 *
 * @example headingToMdx('US: Stop Meddling', 'us-stop-meddling') // '## US: Stop Meddling ^us-stop-meddling'
 */
export function headingToMdx(text: string, id: string, depth: 2 | 3 = 2): string {
  return `${serialise({ type: 'heading', depth, children: [{ type: 'text', value: text }] })} ^${id}`;
}

/**
 * A paragraph (or, with `depth`, a heading) whose words carry marks (a `<Passage>`, a `<Term>`,
 * emphasis) as MDX, with its passage-id marker: how a re-import puts the editor's marks back on the
 * re-imported words.
 *
 * @example
 * blockToMdx([{ type: 'text', value: 'Costs {less} ' }, { type: 'mdxJsxTextElement', name: 'Passage',
 *   attributes: [{ type: 'mdxJsxAttribute', name: 'note', value: 'n' }], children: [{ type: 'text', value: 'now' }] }], 'costs')
 * // 'Costs \\{less} <Passage note="n">now</Passage> ^costs'
 */
export function blockToMdx(children: PhrasingContent[], id: string, depth?: 2 | 3): string {
  const node: Paragraph | Heading = depth === undefined ? { type: 'paragraph', children } : { type: 'heading', depth, children };
  return `${serialise(node)} ^${id}`;
}

/** A break between posts of a thread. */
export const BREAK_MDX = '***';

/**
 * Front matter as a YAML block. Keys keep their order; long strings are never folded, so a line
 * of the source stays on one line.
 */
export function frontmatterToYaml(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}---\n`;
}
