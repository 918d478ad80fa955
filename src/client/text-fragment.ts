/**
 * Links to words on a page: `#<paragraph id>:~:text=…`, the URL Fragment Text Directive
 * (https://wicg.github.io/scroll-to-text-fragment/). A browser that supports it highlights the
 * words and scrolls to them; one that does not lands on the paragraph. The browser looks for the
 * words in the whole page, not in the paragraph, so a short or common quotation is given as much
 * context (words just before or after it, in the same paragraph) as makes it the only match.
 */

/** Words kept at each end of a long quotation (`text=start,end`). */
const EDGE_WORDS = 4;
/** Words of context added at most on each side. */
const CONTEXT_WORDS = 3;

/** Percent-encodes a part of a text directive: as encodeURIComponent, and `-` too (`,` and `&` already are). */
export function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

/** A quotation and the text of its paragraph on each side of it. */
export interface Quote {
  before: string;
  text: string;
  after: string;
}

/**
 * The text directive for a quotation: the whole of it when short, else its first and last words;
 * with words of context before (or else after) it until `occurrences` of what the browser will
 * look for first is at most one.
 *
 * @example textDirective({ before: 'the', text: 'Union State', after: 'of' }, () => 1) // 'text=Union%20State'
 */
export function textDirective(quote: Quote, occurrences: (needle: string) => number): string {
  const quoted = words(quote.text);
  const long = quoted.length > EDGE_WORDS * 2 + 1;
  const start = long ? quoted.slice(0, EDGE_WORDS) : quoted;
  const end = long ? quoted.slice(-EDGE_WORDS) : [];
  const before = words(quote.before);
  const after = words(quote.after);

  let prefix: string[] = [];
  let suffix: string[] = [];
  for (let count = 0; count <= Math.min(CONTEXT_WORDS, before.length); count++) {
    prefix = count === 0 ? [] : before.slice(-count);
    if (occurrences([...prefix, ...start].join(' ')) <= 1) break;
  }
  if (occurrences([...prefix, ...start].join(' ')) > 1 && !long) {
    for (let count = 1; count <= Math.min(CONTEXT_WORDS, after.length); count++) {
      suffix = after.slice(0, count);
      if (occurrences([...prefix, ...start, ...suffix].join(' ')) <= 1) break;
    }
  }
  const encode = (parts: string[]) => encodeDirectivePart(parts.join(' '));
  return `text=${prefix.length > 0 ? `${encode(prefix)}-,` : ''}${encode(start)}${long ? `,${encode(end)}` : ''}${suffix.length > 0 ? `,-${encode(suffix)}` : ''}`;
}

/** How many times `needle` occurs in the page's visible text. */
export function pageOccurrences(): (needle: string) => number {
  let text: string | undefined;
  return (needle) => {
    text ??= document.body.innerText.replace(/\s+/g, ' ');
    let count = 0;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
    return count;
  };
}

const WORD_CHARACTER = /[\p{L}\p{N}'’]/u;

/** The range grown to whole words at both ends (a text directive matches whole words only). */
export function wholeWords(range: Range): Range {
  const grown = range.cloneRange();
  const { startContainer, endContainer } = grown;
  if (startContainer.nodeType === Node.TEXT_NODE) {
    const text = startContainer.textContent ?? '';
    let offset = grown.startOffset;
    while (offset > 0 && WORD_CHARACTER.test(text[offset - 1]!)) offset--;
    grown.setStart(startContainer, offset);
  }
  if (endContainer.nodeType === Node.TEXT_NODE) {
    const text = endContainer.textContent ?? '';
    let offset = grown.endOffset;
    while (offset < text.length && WORD_CHARACTER.test(text[offset]!)) offset++;
    grown.setEnd(endContainer, offset);
  }
  return grown;
}

/** The text of a range without the page's own pop-ups in it (a preview is put inside the paragraph). */
function textOf(range: Range): string {
  const contents = range.cloneContents();
  for (const popup of contents.querySelectorAll('.preview, .selection-toolbar')) popup.remove();
  return contents.textContent ?? '';
}

/** The quotation `range` makes inside `paragraph`, with the paragraph's text on each side. */
export function quoteOf(paragraph: HTMLElement, range: Range): Quote {
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(paragraph, paragraph.childNodes.length);
  return { before: textOf(before), text: textOf(range), after: textOf(after) };
}

/** The absolute link to `range`'s words in `paragraph`, on this page. */
export function passageLink(paragraph: HTMLElement, range: Range): string {
  const directive = textDirective(quoteOf(paragraph, range), pageOccurrences());
  return `${location.origin}${location.pathname}#${paragraph.id}:~:${directive}`;
}
