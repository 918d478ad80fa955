/**
 * Highlights, in the passage a search result links to, the words that were searched for
 * (`…/articles/x/?hl=iskander#paragraph-id`). The words are matched in the passage's text nodes and
 * wrapped in <mark> elements made with DOM methods: nothing from the URL becomes HTML.
 */
import { PROVENANCE_ANCHOR } from '../lib/ids.ts';

const MAX_WORDS = 6;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function highlightFromUrl(root: HTMLElement): void {
  const words = new URLSearchParams(location.search)
    .getAll('hl')
    .map((word) => word.trim())
    .filter((word) => word.length > 1 && word.length < 40)
    .slice(0, MAX_WORDS);
  if (words.length === 0 || !location.hash) return;
  let target: HTMLElement | null = null;
  try {
    target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return;
  }
  // A search line on "About this copy" links to its heading: the words are in the box it heads,
  // which stands above the text rather than in it.
  const provenance = target?.id === PROVENANCE_ANCHOR ? target.closest<HTMLElement>('.provenance') : null;
  if (provenance) target = provenance;
  else if (!target || !root.contains(target)) return;
  if (!target) return;
  // A search line on a note links to the note: the words are marked in what it says, or, when it
  // does not say them, in its claim's and its sources' titles, where the search found them; never in
  // its label. Words searched together are marked where they stand together, if they do anywhere:
  // "Open Skies" marked "open" and "opens" in a note's words, and not the treaty its claim names.
  const note = target.matches('aside.note');
  const body = note ? target.querySelector<HTMLElement>('.note__body') : target;
  const around = note ? [...target.querySelectorAll<HTMLElement>('.note__claim a, .note__sources li a')] : [];
  const places = [body ? [body] : [], around];
  let marks: HTMLElement[] = [];
  for (const together of words.length > 1 ? [true, false] : [false]) {
    for (const elements of places) {
      marks = elements.flatMap((element) => markWords(element, words, together));
      if (marks.length > 0) break;
    }
    if (marks.length > 0) break;
  }
  // A word found in a folded part (the copy's full record) is shown: the part is opened.
  for (const mark of marks) {
    const folded = mark.closest('details');
    if (folded && !folded.open) folded.open = true;
  }
  // The first word marked is brought into view when it is not (the defects of the copy's record, below the fold).
  const first = marks[0]?.getBoundingClientRect();
  if (first && (first.top < 0 || first.bottom > window.innerHeight)) marks[0]!.scrollIntoView({ block: 'center', behavior: 'instant' });
}

/**
 * Marks `words` (at the start of a word of the text) in the text nodes of `target`, each where it
 * stands, or with `together` only where they stand one after the other, as one mark; returns the marks.
 */
function markWords(target: HTMLElement, words: readonly string[], together = false): HTMLElement[] {
  // A word, at the start of a word of the text, and the rest of that word ("Iskander" → "Iskanders").
  const word = (each: string) => `${escape(each)}[\\p{L}\\p{N}’']*`;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${together ? words.map(word).join('[\\s\\u00a0]+') : words.map(escape).join('|')})${together ? '' : "[\\p{L}\\p{N}’']*"}`, 'giu');
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
    // Links, numbers, apparatus and marks inside the target are left alone; a note's body is inside the note's apparatus, which is not.
    acceptNode: (node) => {
      const inside = node.parentElement?.closest('.passage-link, .note-ref, [data-apparatus], mark.search-highlight');
      return inside && target.contains(inside) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const marks: HTMLElement[] = [];
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) continue;
    const parts: Node[] = [];
    let last = 0;
    for (const match of matches) {
      if (match.index > last) parts.push(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = match[0];
      parts.push(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith(...parts);
  }
  return marks;
}
