/**
 * W3C Web Annotation selectors that resolve to exactly one place: a TextQuoteSelector whose prefix
 * and suffix are grown, a word at a time, until the quote with them occurs once in the page (its
 * text, and none of the other strings the page shows: provenance, citations, claims), and a
 * TextPositionSelector counted in Unicode code points in the text content of one container.
 *
 * The container's text is the DOM's `textContent` of the HTML the build inserts into it: every
 * text node in document order, nothing normalised (whitespace between blocks counts), which
 * {@link textContent} reads from the compiled HTML without a DOM.
 */

/** What a note's quote is, with the context it was written with (src/plugins/remark-notes.ts). */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Selectors extends Quote {
  /** Code-point offsets in the container's text: `[start, end)` holds `exact`. */
  start: number;
  end: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string, where: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    const value = NAMED[name];
    if (value === undefined) throw new Error(`${where}: the entity ${whole} is not one the selectors can read. Fix: add it to NAMED in src/lib/text-selectors.ts.`);
    return value;
  });
}

/**
 * The text content of an HTML fragment as made by hast-util-to-html (no comments, no raw-text
 * elements), and the offset (UTF-16, in that text) at which each element with an id begins.
 *
 * @example textContent('<p id="a">x &#x26; <b>y</b></p>\n') // { text: 'x & y\n', ids: Map { 'a' => 0 } }
 */
export function textContent(html: string, where = 'html'): { text: string; ids: Map<string, number> } {
  if (/<!--|<script|<style|<template|<textarea/i.test(html)) throw new Error(`${where}: comments and raw-text elements are not read here. Fix: keep them out of the article's HTML.`);
  const ids = new Map<string, number>();
  let text = '';
  let at = 0;
  const tag = /<[^>]*>/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    text += decode(html.slice(at, match.index), where);
    at = match.index + match[0].length;
    const id = match[0].includes('id="') ? /^<[a-z][\w-]*\s(?:[^>]*\s)?id="([^"]*)"/i.exec(match[0]) : null;
    if (id) ids.set(decode(id[1]!, where), text.length);
  }
  text += decode(html.slice(at), where);
  return { text, ids };
}

/** How many times `needle` occurs in `haystack` (overlaps counted). */
export function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** The number of code points in `text`'s first `length` UTF-16 units: one less for each surrogate pair. */
function codePoints(text: string, length = text.length): number {
  let pairs = 0;
  for (let at = 0; at < length - 1; at++) {
    const unit = text.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        at++;
      }
    }
  }
  return length - pairs;
}

const PAIR = /[\ud800-\udbff]/;

/**
 * Whether the last page text asked about holds a surrogate pair. Its notes are asked about one
 * after another, and most pages have none: their offsets are counted without walking the text.
 */
let lastText = '';
let lastHasPairs = false;

/** The code-point offset of the UTF-16 offset `at` in the page's `text`. */
function offsetIn(text: string, at: number): number {
  if (text !== lastText) {
    lastText = text;
    lastHasPairs = PAIR.test(text);
  }
  return lastHasPairs ? codePoints(text, at) : at;
}

/** Moves `from` back to the start of the previous word (or the start of the text). */
function wordBefore(text: string, from: number): number {
  let at = from;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
  return at;
}

/** Moves `from` on past the end of the next word (or to the end of the text). */
function wordAfter(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  while (at < text.length && !/\s/.test(text[at]!)) at++;
  return at;
}

/**
 * The selectors of the quote that starts at `at` (a UTF-16 offset) in the container's `text`. The
 * prefix and suffix start as `quote`'s (when `text` has them around the quote) and grow a word at a
 * time on both sides until `prefix + exact + suffix` occurs once in `text`
 * and in none of `elsewhere`. Throws when no context makes it unique.
 */
export function uniqueSelectors(text: string, at: number, quote: Quote, elsewhere: readonly string[], where = 'quote'): Selectors {
  const { exact } = quote;
  if (text.slice(at, at + exact.length) !== exact) throw new Error(`${where}: “${exact}” is not at ${at} in the text.`);
  const end = at + exact.length;
  let from = text.slice(0, at).endsWith(quote.prefix) ? at - quote.prefix.length : at;
  let to = text.slice(end).startsWith(quote.suffix) ? end + quote.suffix.length : end;
  const unique = () => {
    const needle = text.slice(from, to);
    return occurrences(text, needle) === 1 && elsewhere.every((other) => !other.includes(needle));
  };
  while (!unique()) {
    if (from === 0 && to === text.length) throw new Error(`${where}: “${exact}” cannot be told apart from another place in the page by any context.`);
    const before = from;
    const after = to;
    if (from > 0) from = wordBefore(text, from);
    if (to < text.length) to = wordAfter(text, to);
    if (from === before && to === after) break;
  }
  const start = offsetIn(text, at);
  return { exact, prefix: text.slice(from, at), suffix: text.slice(end, to), start, end: start + codePoints(exact) };
}
