/**
 * What a search result shows: Pagefind finds pages; a reader wants passages and notes. This module
 * turns one page's result data into the lines of the results list, without touching the DOM, so
 * it is tested on its own (tests/unit/client/search-hits.test.ts).
 *
 * An article page is indexed whole: its text, and each note's body in the note's <aside>. Every
 * paragraph and heading of the text has an id, and so has every note (`note-<id>`, with its label
 * as `data-pagefind-title`), so Pagefind's anchors cut the page's words into regions: a match
 * belongs to the last paragraph, heading or note that starts at or before it. (Notes were once
 * pages of their own; at 1,000 texts their 13,000 entries made the page list Pagefind loads before
 * any search 94 KB instead of 10.)
 */

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** From `data-pagefind-title`: set on notes. */
  title?: string;
  /** The word where the element starts. */
  location: number;
}

/** The part of Pagefind's result data the edition reads. */
export interface PagefindData {
  url: string;
  /** The page's indexed text; `locations` and anchors count its words. */
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  anchors: PagefindAnchor[];
  /** The words that match, as positions in `content`. */
  locations: number[];
}

/** One line of the results list. */
export interface Hit {
  type: 'Text' | 'Note' | 'Term';
  title: string;
  subtitle: string;
  meta: string;
  /** Escaped text with the matches in <mark>, as Pagefind writes excerpts. */
  excerpt: string;
  url: string;
}

/** What the chosen filters let through. Pagefind filters pages; these choose inside a page. */
export interface Shown {
  passages: boolean;
  notes: boolean;
  /** The kinds of note wanted (their labels), or all. */
  kinds?: ReadonlySet<string>;
}

/** At most this many passages, and this many notes, from one page. */
export const PER_PAGE = 3;

/**
 * How many of the next pages to read for `wanted` more lines, knowing only how many words match in
 * each: a page gives at most one line a match, and at most 2 × PER_PAGE; a page with no match (a
 * search by filters alone) gives one line. Reading stops at the fewest pages that could be enough,
 * since each costs its whole text; if they give fewer lines, the caller reads on.
 *
 * @example pagesToRead([2, 9, 9], 6) // 2
 */
export function pagesToRead(matches: readonly number[], wanted: number): number {
  let could = 0;
  let pages = 0;
  while (pages < matches.length && could < wanted) could += Math.max(1, Math.min(matches[pages++]!, 2 * PER_PAGE));
  return pages;
}

/** Pagefind's own word separator: `locations` count words split by it. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/** Elements inside a paragraph: a match in them belongs to the paragraph. */
const INLINE = /^(a|abbr|b|bdi|cite|code|em|i|kbd|mark|q|s|small|span|strong|sub|sup|time|u|script|svg)$/;
const RESERVED = /^(note|mark|ref|term|fn|toc)-/;
const isNote = (anchor: PagefindAnchor) => anchor.element === 'aside' && anchor.id.startsWith('note-');

/**
 * Which hits the filters allow: `type` (Text, Note) and `kind` (of note). A kind chosen means notes
 * only, as it did when notes were pages of their own.
 *
 * @example shownBy({ type: { any: ['Note'] } }) // { passages: false, notes: true }
 */
export function shownBy(filters: Record<string, { any: string[] }>): Shown {
  const types = filters['type']?.any ?? [];
  const kinds = filters['kind']?.any ?? [];
  return {
    passages: kinds.length === 0 && (types.length === 0 || types.includes('Text')),
    notes: types.length === 0 || types.includes('Note'),
    ...(kinds.length > 0 ? { kinds: new Set(kinds) } : {}),
  };
}

/** A paragraph, heading or note of a page, and the matches in it. */
export interface Region {
  anchor: PagefindAnchor;
  /** The word after its last. */
  end: number;
  locations: number[];
}

/**
 * The regions of a page that hold matches, in the order of the text. Inline elements with ids (a
 * note's marked passage) are not regions: their words belong to their paragraph.
 */
export function regionsOf(anchors: readonly PagefindAnchor[], locations: readonly number[], wordCount: number): Region[] {
  const blocks = anchors.filter((anchor) => !INLINE.test(anchor.element));
  const regions = new Map<PagefindAnchor, number[]>();
  for (const location of [...locations].sort((a, b) => a - b)) {
    // The last block in document order that starts at or before the word: for blocks that start on
    // the same word, the later one is inside the earlier (or the earlier is empty).
    let owner: PagefindAnchor | undefined;
    for (const block of blocks) if (block.location <= location) owner = block;
    if (owner) regions.set(owner, [...(regions.get(owner) ?? []), location]);
  }
  return [...regions].map(([anchor, found]) => ({ anchor, end: endOf(blocks, anchor, wordCount), locations: found }));
}

/** Where a block's words end: where the next block starts, or at the end of the page. */
function endOf(blocks: readonly PagefindAnchor[], anchor: PagefindAnchor, wordCount: number): number {
  return blocks.find((block) => block.location > anchor.location)?.location ?? wordCount;
}

/** Every note of a page as a region without matches. */
function notesOf(anchors: readonly PagefindAnchor[], wordCount: number): Region[] {
  const blocks = anchors.filter((anchor) => !INLINE.test(anchor.element));
  return blocks.filter(isNote).map((anchor) => ({ anchor, end: endOf(blocks, anchor, wordCount), locations: [] }));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * About `length` words of a region around its first match, escaped, matches in <mark>, with an
 * ellipsis where the region goes on.
 *
 * @example excerptOf('a b c d'.split(' '), { anchor, end: 4, locations: [2] }, 2) // '… b <mark>c</mark> …'
 */
export function excerptOf(words: readonly string[], region: Region, length = 30): string {
  const start = region.anchor.location;
  const end = Math.min(region.end, words.length);
  const first = region.locations.length > 0 ? Math.min(...region.locations) : start;
  const from = Math.max(start, Math.min(first - Math.floor(length / 3), end - length));
  const to = Math.min(end, from + length);
  const marked = new Set(region.locations);
  const slice = words.slice(from, to).map((word, index) => (marked.has(from + index) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)));
  return `${from > start ? '… ' : ''}${slice.join(' ')}${to < end ? ' …' : ''}`;
}

/**
 * The kind of each note of a page, from its `notes` metadata: `id=Kind|id=Kind`.
 *
 * @example kindsOf('a=Context|b=Fact-check').get('b') // 'Fact-check'
 */
export function kindsOf(meta: string | undefined): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const pair of (meta ?? '').split('|')) {
    const at = pair.indexOf('=');
    if (at > 0) kinds.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return kinds;
}

/**
 * The lines a result gives: a term; or an article's matching passages (linked to the paragraph,
 * with the query's words to highlight there) and notes (linked to the note beside its passage), at
 * most PER_PAGE of each, in the order of the text. A page whose match is only in its title or
 * header is one line, to the page; so is a page found by filters alone, followed by its notes.
 */
export function hitsOf(item: PagefindData, words: readonly string[], shown: Shown): Hit[] {
  const type = item.meta['type'] ?? 'Text';
  if (type === 'Term') {
    return [{ type: 'Term', title: item.meta['title'] ?? '', subtitle: item.meta['names'] ?? '', meta: item.meta['category'] ?? '', excerpt: item.excerpt, url: item.url }];
  }
  const title = item.meta['title'] ?? '';
  const meta = [item.meta['outlet'], item.meta['date']].filter(Boolean).join(' · ');
  const page = item.url.split('#')[0]!;
  const highlight = words.length > 0 ? `?${words.map((word) => `hl=${encodeURIComponent(word)}`).join('&')}` : '';
  const content = item.content.split(WORD_SEPARATORS);
  const kinds = kindsOf(item.meta['notes']);
  // A search by filters alone matches no word: its lines are the page and its notes.
  const regions = item.locations.length > 0 ? regionsOf(item.anchors, item.locations, content.length) : notesOf(item.anchors, content.length);
  const headings = item.anchors.filter((anchor) => /^h[2-6]$/.test(anchor.element));

  const passages = shown.passages
    ? regions.filter(({ anchor }) => /^(p|h[2-6])$/.test(anchor.element) && !RESERVED.test(anchor.id)).slice(0, PER_PAGE)
    : [];
  const notes = shown.notes
    ? regions
        .filter(({ anchor }) => isNote(anchor) && (!shown.kinds || shown.kinds.has(kinds.get(anchor.id.slice(5)) ?? '')))
        .slice(0, PER_PAGE)
    : [];

  const hits = [...passages, ...notes]
    .sort((a, b) => a.anchor.location - b.anchor.location)
    .map((region): Hit => {
      const { anchor } = region;
      if (anchor.element === 'aside') {
        return { type: 'Note', title: anchor.title ?? 'Note', subtitle: title, meta, excerpt: excerptOf(content, region), url: `${page}#${anchor.id}` };
      }
      const section = [...headings].reverse().find((heading) => heading.location <= anchor.location);
      return {
        type: 'Text',
        title,
        subtitle: section && section.id !== anchor.id && section.text !== title ? section.text ?? '' : '',
        meta,
        excerpt: excerptOf(content, region),
        url: `${page}${highlight}#${anchor.id}`,
      };
    });
  const whole: Hit = { type: 'Text', title, subtitle: '', meta, excerpt: item.excerpt, url: item.url };
  if (item.locations.length === 0) return shown.passages ? [whole, ...hits] : hits;
  return hits.length > 0 || !shown.passages ? hits : [whole];
}
