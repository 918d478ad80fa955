/**
 * rehype-passage-links: gives each passage (an element with `data-passage`) a link to itself, the
 * visible "¶" affordance a reader uses to reach and copy its permalink.
 *
 * The link has no text of its own (the glyph is drawn by CSS and the name is an `aria-label`), so the
 * passage's text, its search index entry and the heading outline stay exactly the source's words.
 * A heading's link sits next to the heading rather than inside it, so the heading's accessible name
 * is only its text (as Starlight's `rehype-heading-links` does).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';

/** Options of {@link rehypePassageLinks}. */
export interface Options {
  /** Accessible name of a paragraph's link. Default `'Link to this paragraph'`. */
  paragraphLabel?: string;
  /** Accessible name of a heading's link. Default `'Link to this section'`. */
  headingLabel?: string;
}

export const defaultOptions: Required<Options> = {
  paragraphLabel: 'Link to this paragraph',
  headingLabel: 'Link to this section',
};

function link(id: string, label: string): Element {
  return h('a', { className: ['passage-link'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' });
}

function isPassage(node: RootContent | ElementContent): node is Element {
  return node.type === 'element' && node.properties?.['dataPassage'] !== undefined && typeof node.properties['id'] === 'string';
}

/**
 * @example
 * // <p id="x" data-passage="paragraph">Text</p>
 * // → <p id="x" data-passage="paragraph">Text<a class="passage-link" href="#x" aria-label="Link to this paragraph"></a></p>
 * // <h2 id="y" data-passage="heading">Title</h2>
 * // → <div class="heading-wrap"><h2 id="y" …>Title</h2><a class="passage-link" href="#y" …></a></div>
 */
export const rehypePassageLinks: Plugin<[Options?], Root> = (options) => {
  const { paragraphLabel, headingLabel } = { ...defaultOptions, ...options };
  const walk = (parent: Root | Element): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type !== 'element') continue;
      if (!isPassage(child)) {
        walk(child);
        continue;
      }
      const id = child.properties['id'] as string;
      if (/^h[1-6]$/.test(child.tagName)) {
        parent.children[i] = h('div', { className: ['heading-wrap', `heading-wrap--${child.tagName}`] }, [child, link(id, headingLabel)]);
      } else {
        child.children.push(link(id, paragraphLabel));
      }
    }
  };
  return (tree) => walk(tree);
};
