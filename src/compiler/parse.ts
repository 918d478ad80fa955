/**
 * The one parser of the edition: Sätteri (Astro 7's Rust Markdown/MDX processor) reads an article's
 * MDX, front matter included, into a standard mdast tree with the MDX extensions. Everything else
 * (checks, the model, the rendered page) reads that tree, so there is no second reader to disagree
 * with it: `<Note id='x'>` and `<Note\n  id="x">` are the same element everywhere.
 *
 * @example parseMdx('---\ntitle: T\n---\nText. ^p\n') // { frontmatter: 'title: T', frontmatterLine: 2, tree: { type: 'root', children: [paragraph] } }
 */
import { mdxToMdast, markdownToMdast } from 'satteri';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';

/** A parsed content file. */
export interface Parsed {
  /** The YAML between the `---` fences, without them; '' when there is none. */
  frontmatter: string;
  /** The 1-based line of the file where the YAML starts. */
  frontmatterLine: number;
  /** The body's tree, front matter removed; positions are lines and columns of the whole file. */
  tree: Root;
}

function split(tree: Root): Parsed {
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    tree.children.shift();
    return { frontmatter: first.value, frontmatterLine: (first.position?.start.line ?? 1) + 1, tree };
  }
  return { frontmatter: '', frontmatterLine: 1, tree };
}

/** An article: MDX with GFM and YAML front matter. */
export function parseMdx(source: string): Parsed {
  return split(mdxToMdast(source) as Root);
}

/** A glossary entry: Markdown with YAML front matter. */
export function parseMarkdown(source: string): Parsed {
  return split(markdownToMdast(source) as Root);
}
