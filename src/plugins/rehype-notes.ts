/**
 * rehype-notes: records each note's body as HTML (for the notes index and the Web Annotation
 * JSON-LD), once remark-notes has rendered it and links are rewritten.
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

export const rehypeNotes: Plugin<[], Root> = () => (tree, file) => {
  const notes = file.data.notes;
  if (!notes || notes.length === 0) return;
  const byId = new Map(notes.map((note) => [note.id, note]));
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'aside' || typeof node.properties['dataNote'] !== 'string') return;
    const note = byId.get(node.properties['dataNote']);
    const body = node.children.find(
      (child): child is Element => child.type === 'element' && (child.properties['className'] as string[] | undefined)?.includes('note__body') === true,
    );
    if (note && body) note.bodyHtml = toHtml(body.children).trim();
  });
};
