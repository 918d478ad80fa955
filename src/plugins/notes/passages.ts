/**
 * Job 1 of remark-notes: the passages, each with the paragraph (or heading) that holds it. A
 * passage is exactly what a <Passage> wraps, inside one block of the text, naming its note(s).
 */
import type { Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { attributes, blockOf, expressionFix, type Block } from '../kit.ts';
import { nearest } from '../../lib/suggest.ts';

/** A passage as found: its element, its block, the index of the top-level node holding it, and the notes it names. */
export interface FoundPassage {
  element: MdxJsxTextElement;
  block: Block;
  top: number;
  ids: string[];
}

/** Reports a problem: rule, place, what is wrong, the fix. */
export type Report = (ruleId: string, place: Position | undefined, reason: string, fix: string) => void;

/**
 * The passages of `tree`, and the ids of notes whose passage was already reported (a passage across
 * paragraphs), so that one mistake gives one message.
 */
export function findPassages(tree: Root, problem: Report): { passages: FoundPassage[]; reported: Set<string> } {
  const passages: FoundPassage[] = [];
  const reported = new Set<string>();
  tree.children.forEach((top, topIndex) => {
    visit(top, (node) => {
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Passage') {
        const { values } = attributes(node);
        for (const id of (values.get('note') ?? '').split(/\s+/)) reported.add(id);
        problem(
          'passage-crosses-paragraphs',
          node.position,
          `the passage of note \`${values.get('note') ?? '?'}\` spans more than one paragraph`,
          'a passage is a phrase, a sentence or at most one paragraph: put <Passage> and </Passage> inside one paragraph, on one line with its text.',
        );
        return SKIP;
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Note' && node !== top) {
        problem('note-not-top-level', node.position, 'a <Note> stands inside another element', 'write each <Note> on its own, between paragraphs, after the paragraph of its passage.');
        return SKIP;
      }
      if (node.type !== 'mdxJsxTextElement' || node.name !== 'Passage') return undefined;
      const { values, expressions } = attributes(node);
      const ids = (values.get('note') ?? '').split(/\s+/).filter(Boolean);
      const block = blockOf(top, node);
      if (expressions.length > 0 && ids.length > 0) {
        problem('passage-attribute-expression', node.position, `the passage of note \`${ids[0]}\` has an attribute written as an expression (${expressions.join(', ')})`, expressionFix(values, expressions, 'note="note-id"'));
        return SKIP;
      }
      if (expressions.length > 0 || ids.length === 0) {
        // `notes="x"`, `Note="x"`: the id is there, under a name the component does not read.
        const stray = [...values.keys()].filter((name) => name !== 'note');
        const meant = nearest('note', stray);
        problem(
          'passage-without-note',
          node.position,
          `a <Passage> names no note${stray.length > 0 ? ` (it has ${stray.map((name) => `\`${name}\``).join(', ')}, which a <Passage> does not read)` : ''}`,
          meant && values.get(meant) ? `write the attribute as \`note\`: <Passage note="${values.get(meant)}">…</Passage>.` : 'write the id of its note: <Passage note="note-id">…</Passage>.',
        );
        return SKIP;
      }
      if (!block) {
        problem('passage-outside-text', node.position, `the passage of note \`${ids[0]}\` is not inside a paragraph or heading of the text`, 'mark a passage inside a paragraph of the article text.');
        return SKIP;
      }
      if (toString(node).trim() === '') {
        problem('empty-passage', node.position, `the passage of note \`${ids[0]}\` is empty`, 'wrap the words the note is about: <Passage note="…">the words</Passage>.');
      }
      let nested = false;
      visit(node, (inner) => {
        if (inner !== node && inner.type === 'mdxJsxTextElement' && inner.name === 'Passage') nested = true;
      });
      if (nested) {
        problem('nested-passage', node.position, `the passage of note \`${ids[0]}\` contains another passage`, 'passages may not overlap; give both notes the same passage with note="first second", or mark separate words.');
      }
      passages.push({ element: node, block, top: topIndex, ids });
      return SKIP;
    });
  });
  return { passages, reported };
}
