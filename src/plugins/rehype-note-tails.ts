/**
 * rehype-note-tails: keeps a note's numbered marker on the line of its passage's last word, with
 * or without scripts. The marker is an inline block, so a break opportunity on both sides (which
 * no word joiner removes in Chromium); it goes into the passage's mark, in an unbreakable span with
 * that word. Run last, once terms are linked: splitting the last word off earlier would part the
 * words of a term at a passage's end.
 *
 * @example `…was ended.</mark><a class="note-ref">` → `…was <span class="note-tail">ended.<a class="note-ref"></a></span></mark>`
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

const classesOf = (node: ElementContent | undefined): string[] => (node?.type === 'element' ? ((node.properties['className'] as string[] | undefined) ?? []) : []);

export const rehypeNoteTails: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (parent: Element) => {
    for (let index = 0; index < parent.children.length; index++) {
      const mark = parent.children[index];
      if (mark?.type !== 'element' || mark.tagName !== 'mark' || !classesOf(mark).includes('note-mark')) continue;
      // The passage's markers: the elements after its mark that are note references.
      let end = index + 1;
      while (classesOf(parent.children[end]).includes('note-ref')) end++;
      if (end === index + 1) continue;
      const refs = parent.children.splice(index + 1, end - index - 1);
      const last = mark.children.pop();
      const word: ElementContent[] = [];
      if (last?.type === 'text') {
        const at = last.value.trimEnd().search(/\S+$/);
        if (at > 0) {
          mark.children.push({ type: 'text', value: last.value.slice(0, at) });
          word.push({ type: 'text', value: last.value.slice(at) });
        } else word.push(last);
      } else if (last) word.push(last);
      mark.children.push(h('span.note-tail', [...word, ...refs]));
    }
  });
};
