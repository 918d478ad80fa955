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
import { queryWords, tierOf, wordMatches } from '../../lib/search-rank.ts';
import { quoted } from '../../lib/attribution.ts';
import { PROVENANCE_ANCHOR } from '../../lib/ids.ts';

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
  type: 'Text' | 'Note' | 'Term' | 'Claim' | 'Event';
  /** The page the line is on, without its fragment: the line's group. */
  page: string;
  /** The text's title, or the term's name. */
  pageTitle: string;
  /** A text's outlet and date; a term's category. */
  meta: string;
  /** The heading of the part of the text the line is in, if any. */
  section: string;
  /**
   * Escaped, the matches in <mark>: a note's kind and the first words of its finding; a term's
   * name; empty for a passage, which is shown by its own words.
   */
  title: string;
  /** A note's passage; a term's other names. */
  quote: string;
  /** Escaped text with the matches in <mark>, as Pagefind writes excerpts. */
  excerpt: string;
  url: string;
  /** How well the line answers the query (src/lib/search-rank.ts). */
  tier: number;
  /** Where the line starts in its page, in words. */
  location: number;
  /** A passage or heading of the text itself (src/lib/search-rank.ts puts them before notes). */
  source?: boolean;
  /** A term's name and aliases. */
  names?: string[];
  /** A heading's line: it starts its section. */
  heading?: boolean;
  /**
   * One of a page's lines beyond the first {@link PER_PAGE} of its kind (passages, notes, events):
   * given only when all of a page's lines are asked for, and listed when the reader asks for them.
   */
  extra?: boolean;
}

/** What the chosen filters let through. Pagefind filters pages; these choose inside a page. */
export interface Shown {
  passages: boolean;
  notes: boolean;
  /** Timeline events (the pages of /timeline/ that list them: a year, a month, or a page of a month). */
  events?: boolean;
  /** The kinds of note wanted (their labels), or all. */
  kinds?: ReadonlySet<string>;
}

/** At most this many passages, and this many notes, from one page, until the reader asks for all of them. */
export const PER_PAGE = 3;

/**
 * How many of the next pages to read for `wanted` more lines, knowing only how many words match in
 * each. A page counts for at most PER_PAGE lines however many it holds, so that one text rich in
 * matches does not fill the first screen alone (a search for "NATO" lists several texts, each with
 * its best lines); a page with no match (a search by filters alone) counts for one. Reading stops at
 * the fewest pages that could be enough, since each costs its whole text; if they give fewer lines,
 * the caller reads on.
 *
 * @example pagesToRead([2, 9, 9], 6) // 3
 * @example pagesToRead([9, 9, 9], 6) // 2
 */
export function pagesToRead(matches: readonly number[], wanted: number): number {
  let could = 0;
  let pages = 0;
  while (pages < matches.length && could < wanted) could += Math.max(1, Math.min(matches[pages++]!, PER_PAGE));
  return pages;
}

/**
 * The lines listed that count towards a screen: each page's first PER_PAGE, as {@link pagesToRead}
 * reckons them. Claims restate the texts and their short pages rank high: they are listed (after
 * the texts) but never count, so they do not crowd the texts out; lines a page holds back do not.
 *
 * @example linesCounted([{ page: 'a', type: 'Text' }, { page: 'a', type: 'Note' }, { page: 'a', type: 'Text' }, { page: 'a', type: 'Note' }]) // 3
 */
export function linesCounted(hits: readonly Pick<Hit, 'page' | 'type' | 'extra'>[]): number {
  const byPage = new Map<string, number>();
  for (const hit of hits) if (hit.type !== 'Claim' && !hit.extra) byPage.set(hit.page, (byPage.get(hit.page) ?? 0) + 1);
  return [...byPage.values()].reduce((sum, lines) => sum + Math.min(lines, PER_PAGE), 0);
}

/** Pagefind's own word separator: `locations` count words split by it. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/**
 * The positions of a phrase's words wherever the phrase stands in the page, from the positions of
 * its words anywhere (a search for the words): Pagefind gives a quoted search the first place the
 * phrase stands in a page, and a text that says “Open Skies treaty” in five paragraphs gave one line.
 * `stems` are the phrase's words, stemmed ({@link queryWords}).
 *
 * @example phraseLocations({ content: 'the open skies and open skies', locations: [1, 2, 4, 5] }, ['open', 'ski']) // [1, 2, 4, 5]
 */
export function phraseLocations(item: Pick<PagefindData, 'content' | 'locations'>, stems: readonly string[]): number[] {
  const content = item.content.split(WORD_SEPARATORS);
  const found = new Set<number>();
  for (const at of item.locations) {
    if (stems.length > 0 && stems.every((stem, step) => at + step < content.length && wordMatches(content[at + step]!, stem))) {
      for (let step = 0; step < stems.length; step++) found.add(at + step);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Elements inside a paragraph: a match in them belongs to the paragraph. */
const INLINE = /^(a|abbr|b|bdi|cite|code|em|i|kbd|mark|q|s|small|span|strong|sub|sup|time|u|script|svg)$/;
/**
 * Anchors that start a region of their own: blocks, and the provenance box's heading, an inline
 * <strong> at the start of its summary (src/components/Provenance.astro) whose region is the box.
 */
const isBlock = (anchor: PagefindAnchor) => !INLINE.test(anchor.element) || anchor.id === PROVENANCE_ANCHOR;
/**
 * Where a region stands among its page's lines of the same tier: in the order of the text, and the
 * provenance box, the edition's words about the copy rather than the text's, after all of them.
 */
const placeOf = (anchor: PagefindAnchor) => (anchor.id === PROVENANCE_ANCHOR ? Number.MAX_SAFE_INTEGER : anchor.location);
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
    events: kinds.length === 0 && (types.length === 0 || types.includes('Event')),
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
  const blocks = anchors.filter(isBlock);
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
  const blocks = anchors.filter(isBlock);
  return blocks.filter(isNote).map((anchor) => ({ anchor, end: endOf(blocks, anchor, wordCount), locations: [] }));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A matched word in <mark>, escaped, with the punctuation around it left outside the mark: a
 * match on "Iskander-M," marks the word, not its comma.
 *
 * @example markWord('“Iskander-M,') // '“<mark>Iskander-M</mark>,'
 */
export function markWord(word: string): string {
  const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
  return core ? `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}` : `<mark>${escapeHtml(word)}</mark>`;
}

/**
 * About `length` words of a region around its first match, escaped, matches in <mark>, with an
 * ellipsis where the region goes on.
 *
 * @example excerptOf('a b c d'.split(' '), { anchor, end: 4, locations: [2] }, 2) // '… b <mark>c</mark> …' (no-break spaces by the ellipses: one never stands alone on a line)
 */
export function excerptOf(words: readonly string[], region: Region, length = 30): string {
  const start = region.anchor.location;
  const end = Math.min(region.end, words.length);
  const first = region.locations.length > 0 ? Math.min(...region.locations) : start;
  const from = Math.max(start, Math.min(first - Math.floor(length / 3), end - length));
  const to = Math.min(end, from + length);
  const marked = new Set(region.locations);
  const slice = words.slice(from, to).map((word, index) => (marked.has(from + index) ? markWord(word) : escapeHtml(word)));
  return `${from > start ? '…\u00a0' : ''}${slice.join(' ')}${to < end ? '\u00a0…' : ''}`;
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


/** Words of a note that title its line: up to the end of its first sentence, at most this many. */
const TITLE_WORDS = 9;

function marked(words: readonly string[], from: number, to: number, locations: ReadonlySet<number>): string {
  return words
    .slice(from, to)
    .map((word, index) => (locations.has(from + index) ? markWord(word) : escapeHtml(word)))
    .join(' ');
}

/** At most `count` words of a text, with an ellipsis if it goes on. */
function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/**
 * The lines a result gives: a term; or an article's matching passages (linked to the paragraph,
 * with the query's words to highlight there) and notes (linked to the note beside its passage), at
 * most PER_PAGE of each, the best answers to the query first (the whole phrase, then every word),
 * then in the order of the text. With `limit` (say, Infinity) more of each are given, those past
 * the first PER_PAGE marked `extra`: the list says how many more a page holds, and lists them when
 * asked. A page whose match is only in its title or header is one line,
 * to the page; so is a page found by filters alone, followed by its notes.
 *
 * A passage line is its own words; a note line is titled by its kind and the first words of its
 * finding, and quotes its passage, so that no two lines of a text look alike.
 */
export function hitsOf(item: PagefindData, words: readonly string[], shown: Shown, limit = PER_PAGE): Hit[] {
  const type = item.meta['type'] ?? 'Text';
  const content = item.content.split(WORD_SEPARATORS);
  const stems = queryWords(words.join(' '));
  const page = item.url.split('#')[0]!;
  if (type === 'Term') {
    const name = item.meta['title'] ?? '';
    const names = (item.meta['names'] ?? name).split(' | ').filter(Boolean);
    const others = names.filter((other) => other !== name);
    // The page opens with the name and "Also: " the other names, which the line shows already: its
    // excerpt is from the entry that follows.
    const skip = name.split(/\s+/).length + (others.length > 0 ? 1 + others.join(' · ').split(/\s+/).length : 0);
    return [{
      type: 'Term',
      page,
      pageTitle: name,
      meta: item.meta['category'] ?? '',
      section: '',
      title: escapeHtml(name),
      quote: others.join(' · '),
      excerpt: excerptOf(content, { anchor: { element: 'p', id: '', location: skip }, end: content.length, locations: item.locations.filter((at) => at >= skip) }, 24),
      url: item.url,
      tier: tierOf(content, stems),
      location: 0,
      names,
    }];
  }
  if (type === 'Claim') {
    // A claim's page opens with the claim (its title); the excerpt is from what follows.
    const claim = item.meta['title'] ?? '';
    const skip = claim.split(/\s+/).length;
    // A claim in a text's words (its page says whose) is quoted and attributed, never shown as the edition's.
    const speaker = item.meta['speaker'];
    const title = speaker === undefined ? claim : `${quoted(claim)}${speaker ? ` —\u00a0${speaker}` : ''}`;
    return [{
      type: 'Claim',
      page,
      pageTitle: title,
      meta: item.meta['summary'] ?? '',
      section: '',
      title: escapeHtml(title),
      quote: '',
      excerpt: excerptOf(content, { anchor: { element: 'p', id: '', location: skip }, end: content.length, locations: item.locations.filter((at) => at >= skip) }, 24),
      url: item.url,
      tier: tierOf(content, stems),
      location: 0,
    }];
  }
  const highlight = highlightOf(words);
  if (type === 'Event') return eventHits(item, content, stems, shown, limit, highlight);
  const title = item.meta['title'] ?? '';
  // The date reads as one thing (“21 December 2022”), as every date of the site does, and is held to
  // the dot and to the outlet's last word: a line neither ends on a dangling “·” nor starts with one.
  const meta = [item.meta['outlet'], item.meta['date']?.replace(/ /g, '\u00a0')].filter(Boolean).join('\u00a0·\u00a0');
  const kinds = kindsOf(item.meta['notes']);
  // A search by filters alone matches no word: its lines are the page and its notes.
  const regions = item.locations.length > 0 ? regionsOf(item.anchors, item.locations, content.length) : notesOf(item.anchors, content.length);
  // The text's own headings: the provenance box's is the edition's, and heads no part of the text.
  const headings = item.anchors.filter((anchor) => /^h[2-6]$/.test(anchor.element) && anchor.id !== PROVENANCE_ANCHOR);
  // A paragraph pasted above its piece's heading (`lead` in the front matter) is in that piece.
  const leads = kindsOf(item.meta['leads']);
  const sectionAt = (location: number, own?: string) => {
    const lead = own === undefined ? undefined : leads.get(own);
    const section = (lead === undefined ? undefined : headings.find((heading) => heading.id === lead)) ?? [...headings].reverse().find((heading) => heading.location <= location);
    return section && section.id !== own && section.text !== title ? section.text ?? '' : '';
  };
  const best = (list: Region[]) =>
    list
      .map((region) => ({ region, tier: tierOf(content, stems, region.anchor.location, Math.min(region.end, content.length)) }))
      .sort((a, b) => b.tier - a.tier || placeOf(a.region.anchor) - placeOf(b.region.anchor))
      .slice(0, limit)
      .map((best, index) => ({ ...best, extra: index >= PER_PAGE }));

  const passages = shown.passages ? best(regions.filter(({ anchor }) => (/^(p|h[2-6])$/.test(anchor.element) || anchor.id === PROVENANCE_ANCHOR) && !RESERVED.test(anchor.id))) : [];
  const notes = shown.notes
    ? best(regions.filter(({ anchor }) => isNote(anchor) && (!shown.kinds || shown.kinds.has(kinds.get(anchor.id.slice(5)) ?? ''))))
    : [];
  const common = { page, pageTitle: title, meta };

  const hits = [...passages, ...notes]
    .sort((a, b) => b.tier - a.tier || placeOf(a.region.anchor) - placeOf(b.region.anchor))
    .map(({ region, tier, extra }): Hit => {
    const { anchor } = region;
    const more = extra ? { extra } : {};
    const start = anchor.location;
    if (anchor.element === 'aside') {
      const id = anchor.id.slice(5);
      const end = Math.min(region.end, content.length);
      let count = 0;
      while (count < TITLE_WORDS && start + count < end) if (/[.:;?!]$/.test(content[start + count++]!)) break;
      const locations = new Set(region.locations);
      const rest = region.locations.filter((location) => location >= start + count);
      const passage = item.anchors.find((other) => other.element === 'mark' && other.id === `mark-${id}`);
      return {
        ...common,
        type: 'Note',
        // The note's passage is in the paragraph that begins last before it: that paragraph's piece.
        section: sectionAt(passage?.location ?? start, passage ? item.anchors.filter((other) => other.element === 'p' && other.location <= passage.location).at(-1)?.id : undefined),
        title: `${escapeHtml(kinds.get(id) ?? anchor.title?.replace(/^Note \d+: /, '') ?? 'Note')}: ${marked(content, start, start + count, locations)}${start + count < end ? '\u00a0…' : ''}`,
        quote: passage?.text ? firstWords(passage.text, 16) : '',
        excerpt: start + count < end ? excerptOf(content, { anchor: { ...anchor, location: start + count }, end: region.end, locations: rest }, 24) : '',
        // The searched words are marked in the note it opens, as in a passage.
        url: `${page}${highlight}#${anchor.id}`,
        tier,
        location: start,
        ...more,
      };
    }
    // A heading is the start of its own section: the line shows it, under no other.
    const heading = anchor.element !== 'p';
    // The provenance box ("About this copy"), once indexed, is a region of its heading's: its line
    // says so rather than passing for a passage of the text.
    const about = anchor.id === PROVENANCE_ANCHOR;
    // Its excerpt starts after the heading's words, which the line's title shows already.
    const after = about ? start + (anchor.text ?? '').split(WORD_SEPARATORS).filter(Boolean).length : start;
    const rest = region.locations.filter((location) => location >= after);
    const shownRegion = about && rest.length > 0 ? { ...region, anchor: { ...anchor, location: after }, locations: rest } : region;
    return { ...common, type: 'Text', heading, section: heading ? anchor.text ?? '' : sectionAt(start, anchor.id), title: about ? escapeHtml(anchor.text ?? '') : '', quote: '', excerpt: excerptOf(content, shownRegion), url: `${page}${highlight}#${anchor.id}`, tier, location: about ? content.length : start, source: !about, ...more };
  });
  // Pagefind's own excerpt is HTML with entities of its own: the line's is cut here, as the others.
  const whole: Hit = { ...common, type: 'Text', section: '', title: '', quote: '', excerpt: excerptOf(content, { anchor: { element: 'p', id: '', location: 0 }, end: content.length, locations: item.locations }, 26), url: item.url, tier: tierOf(content, stems), location: -1 };
  if (item.locations.length === 0) return shown.passages ? [whole, ...hits] : hits;
  return hits.length > 0 || !shown.passages ? hits : [whole];
}

/** The query of a line's address: the searched words, which the page it lands on marks (src/client/highlight.ts). */
function highlightOf(words: readonly string[]): string {
  return words.length > 0 ? `?${words.map((word) => `hl=${encodeURIComponent(word)}`).join('&')}` : '';
}

/**
 * The lines of a page of the timeline (a year, a month or a page of a month): each event (a list
 * item whose id is its permanent anchor) that holds a match, at most `limit`, the best first,
 * linked to the event; those past the first PER_PAGE marked `extra`, as in {@link hitsOf}.
 */
function eventHits(item: PagefindData, content: readonly string[], stems: ReturnType<typeof queryWords>, shown: Shown, limit: number, highlight: string): Hit[] {
  if (shown.events === false) return [];
  const page = item.url.split('#')[0]!;
  const events = item.anchors.filter((anchor) => anchor.element === 'li' && anchor.id);
  const regions = item.locations.length > 0 ? regionsOf(events, item.locations, content.length) : [];
  return regions
    .map((region) => ({ region, tier: tierOf(content, stems, region.anchor.location, Math.min(region.end, content.length)) }))
    .sort((a, b) => b.tier - a.tier || a.region.anchor.location - b.region.anchor.location)
    .slice(0, limit)
    .map(({ region, tier }, index) => ({
      type: 'Event' as const,
      page,
      pageTitle: item.meta['title'] ?? 'Timeline',
      meta: '',
      section: '',
      title: '',
      quote: '',
      excerpt: excerptOf(content, { ...region, anchor: { ...region.anchor } }, 30),
      url: `${page}${highlight}#${region.anchor.id}`,
      tier,
      location: region.anchor.location,
      ...(index >= PER_PAGE ? { extra: true } : {}),
    }));
}
