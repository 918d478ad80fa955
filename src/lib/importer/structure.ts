/**
 * Structure: finds the received title and header lines, and the pieces of a compilation (a headline,
 * perhaps a byline, then a paragraph opening with a dateline), in the blocks of a source text.
 */
import type { Block, TextBlock } from './reflow.ts';
import type { KnownOutlet, OutletKind } from './rules.ts';

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

/**
 * A dateline opening a paragraph: an optional place, a date, then a dash.
 * Matches "May 22, 2020 - ", "MOSCOW, July 10, 2020 - ", "Paris July 1, 2020 - ",
 * "(September 8, 2020) — ", "Jun 10, 2020 -The".
 */
const DATELINE = new RegExp(
  String.raw`^\(?\s*(?:[A-Z][A-Za-z]+,?\s+)?(${MONTH})\.?\s+(\d{1,2}),\s+(\d{4})\s*\)?\s*[-–—]`,
  'u',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Header line patterns: a date stamp, a URL, a byline with a date. */
const DATE_STAMP = /^(\d{4})(\d{2})(\d{2})$/;
const URL_LINE = /^https?:\/\/\S+$/;
const DATED_BYLINE = new RegExp(String.raw`^(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\s*[-–—]\s*by\s+\S`, 'u');
/** A byline without a date: "By A. Tester", "by Jane Doe and John Roe, Reuters". */
const PLAIN_BYLINE = /^by\s+\p{Lu}/iu;

/**
 * A wire dateline opening a paragraph: a place in capitals, perhaps a region, and the agency's
 * credit in brackets, then a dash: "MOSCOW (AP) — ", "WARSAW, Poland (Reuters) -", "KYIV (AFP) --".
 */
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}.'’ -]*\p{Lu}(?:,\s+\p{Lu}[\p{L}.' -]*?)?\s*\(([^()]{1,40})\)\s*(?:--|[-–—])\s*/u;

/** A name in a byline: one to four capitalised words or initials. */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|al|bin|el|la|le))*$/u;


function isoDate(year: string, month: string, day: string): string | undefined {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  if (m < 1 || d < 1 || d > 31) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The date of a dateline at the start of `text`, as `YYYY-MM-DD`, and the dateline as written.
 *
 * @example parseDateline('MOSCOW, July 10, 2020 - Russia insists') // { date: '2020-07-10', text: 'MOSCOW, July 10, 2020 -' }
 */
export function parseDateline(text: string): { date: string; text: string } | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  const date = isoDate(match[3]!, match[1]!, match[2]!);
  return date ? { date, text: match[0] } : undefined;
}

/** What a header line tells: a date, a URL, or a byline. */
export interface HeaderLine {
  text: string;
  date?: string;
  url?: string;
  byline?: boolean;
}

/** Reads a header line, or returns undefined when `text` is not one. */
export function parseHeaderLine(text: string): HeaderLine | undefined {
  const stamp = DATE_STAMP.exec(text);
  if (stamp) {
    const [, y, m, d] = stamp;
    const month = Number(m);
    const day = Number(d);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { text, date: `${y}-${m}-${d}` };
    return undefined;
  }
  if (URL_LINE.test(text)) return { text, url: text };
  const byline = DATED_BYLINE.exec(text);
  if (byline) {
    const date = isoDate(byline[3]!, byline[1]!, byline[2]!);
    return date ? { text, date, byline: true } : { text, byline: true };
  }
  if (text.length <= 100 && PLAIN_BYLINE.test(text) && bylineAuthors(text).length > 0) return { text, byline: true };
  return undefined;
}

/**
 * The authors a byline names: the names after "by", up to the outlet (after `/`, `,`, `|` or a
 * dash). Nothing when what follows "by" does not read as names.
 *
 * @example bylineAuthors('September 9th, 2020 - by Tyler Durden / ZeroHedge') // ['Tyler Durden']
 * @example bylineAuthors('By A. Tester and B. Other, Associated Press') // ['A. Tester', 'B. Other']
 */
export function bylineAuthors(text: string): string[] {
  const match = /(?:^|\s)by\s+(.+)$/iu.exec(text);
  if (!match) return [];
  const names = match[1]!.split(/\s+\/\s*|\s*,\s+|\s+\|\s+|\s+[-–—]+\s+/u)[0]!.trim();
  const authors = names.split(/\s+(?:and|&)\s+/u).map((name) => name.trim());
  return authors.every((name) => NAME.test(name) && name.split(/\s+/u).length <= 4) ? authors : [];
}

/**
 * The agency a wire dateline credits, and the dateline as written.
 *
 * @example parseWireDateline('WARSAW, Poland (AP) -- Poland sent') // { credit: 'AP', text: 'WARSAW, Poland (AP) -- ' }
 */
export function parseWireDateline(text: string): { credit: string; text: string } | undefined {
  const match = WIRE_DATELINE.exec(text);
  return match ? { credit: match[1]!.trim(), text: match[0] } : undefined;
}

/** The known outlet named exactly `name` (or by an alias), ignoring case. */
export function outletNamed(name: string, outlets: readonly KnownOutlet[]): KnownOutlet | undefined {
  const wanted = name.toLowerCase();
  return outlets.find((outlet) => [outlet.name, ...outlet.aliases].some((n) => n.toLowerCase() === wanted));
}

/** Every known outlet `text` names (a headline's "… | DefenceTalk", a byline's "/ ZeroHedge & US Peace Council"). */
export function outletsIn(text: string, outlets: readonly KnownOutlet[]): KnownOutlet[] {
  return outlets.filter((outlet) => outletIn(text, [outlet]) !== undefined);
}

/** A piece of a compilation, as the importer recognised it. */
export interface Piece {
  /** Index of the headline block. */
  heading: number;
  /** Outlet named in the headline or byline, if a known one. */
  outlet?: { name: string; kind: OutletKind };
  /** Author named in the byline ("By A. Tester", "Tyler Durden / ZeroHedge"), if any. */
  author?: string;
  /** Date of the dateline, `YYYY-MM-DD`. */
  date: string;
  /** The dateline as written. */
  dateline: string;
}

function isTextBlock(block: Block | undefined): block is TextBlock {
  return block?.kind === 'text';
}

/** Whether a block reads like a headline: one short line that does not end like a sentence. */
function looksLikeHeadline(block: TextBlock): boolean {
  return (
    block.startLine === block.endLine &&
    block.text.length <= 160 &&
    !/[.,;:!]$/u.test(block.text) &&
    !parseDateline(block.text)
  );
}

function outletIn(text: string, outlets: readonly KnownOutlet[]): KnownOutlet | undefined {
  const lower = text.toLowerCase();
  return outlets.find((outlet) =>
    [outlet.name, ...outlet.aliases].some((name) => {
      const n = name.toLowerCase();
      return lower === n || lower.endsWith(` ${n}`) || lower.includes(` ${n} `) || lower.startsWith(`${n} `) ||
        lower.includes(`/ ${n}`) || lower.endsWith(`| ${n}`) || lower.endsWith(`- ${n}`);
    }),
  );
}

/**
 * The author a piece's byline names: "By A. Tester", or a name before "/ <known outlet>".
 *
 * @example pieceAuthor('Tyler Durden / ZeroHedge', outlets) // 'Tyler Durden'
 */
function pieceAuthor(text: string, outlets: readonly KnownOutlet[]): string | undefined {
  const named = bylineAuthors(text);
  if (named.length > 0) return named.join(' and ');
  const slash = /^(.+?)\s+\/\s+(.+)$/u.exec(text);
  if (slash && NAME.test(slash[1]!) && outletsIn(slash[2]!, outlets).length > 0 && !outletNamed(slash[1]!, outlets)) return slash[1]!;
  return undefined;
}

/** Whether a block between a headline and its dateline is a byline or a standfirst. */
function isBylineOrStandfirst(block: TextBlock, outlets: readonly KnownOutlet[]): boolean {
  if (block.startLine !== block.endLine || block.text.length > 200) return false;
  return (
    / \/( |$)/u.test(block.text) ||
    /^by\s/iu.test(block.text) ||
    /\?$/u.test(block.text) ||
    outletIn(block.text, outlets)?.name.toLowerCase() === block.text.toLowerCase()
  );
}

/**
 * Finds the pieces of a compilation: each paragraph that opens with a dateline, looking back over at
 * most two byline or standfirst blocks for its headline. Blocks before `firstBody` are the header.
 */
export function findPieces(blocks: readonly Block[], firstBody: number, outlets: readonly KnownOutlet[]): Piece[] {
  const pieces: Piece[] = [];
  const used = new Set<number>();
  blocks.forEach((block, index) => {
    if (!isTextBlock(block)) return;
    const dateline = parseDateline(block.text);
    if (!dateline) return;
    let candidate = index - 1;
    const between: TextBlock[] = [];
    while (candidate >= firstBody) {
      const previous = blocks[candidate];
      if (!isTextBlock(previous) || used.has(candidate)) return;
      if (between.length < 2 && isBylineOrStandfirst(previous, outlets) && candidate - 1 >= firstBody) {
        between.push(previous);
        candidate--;
        continue;
      }
      break;
    }
    const headline = blocks[candidate];
    if (candidate < firstBody || !isTextBlock(headline) || !looksLikeHeadline(headline)) return;
    used.add(candidate);
    const outlet = outletIn(headline.text, outlets) ?? between.map((b) => outletIn(b.text, outlets)).find(Boolean);
    const author = between.map((b) => pieceAuthor(b.text, outlets)).find(Boolean);
    pieces.push({
      heading: candidate,
      date: dateline.date,
      dateline: dateline.text,
      ...(outlet ? { outlet: { name: outlet.name, kind: outlet.kind } } : {}),
      ...(author ? { author } : {}),
    });
  });
  return pieces;
}

/** The received title and header lines, and the index of the first body block. */
export interface Header {
  title: string;
  lines: HeaderLine[];
  firstBody: number;
}

/**
 * The title is the first block; up to three header lines (date stamp, URL, dated byline) may follow.
 */
export function findHeader(blocks: readonly Block[]): Header {
  const firstText = blocks.findIndex((block) => block.kind === 'text');
  const title = blocks[firstText];
  if (!isTextBlock(title)) return { title: '', lines: [], firstBody: blocks.length };
  const lines: HeaderLine[] = [];
  let index = firstText + 1;
  while (lines.length < 3) {
    const block = blocks[index];
    if (!isTextBlock(block)) break;
    const header = parseHeaderLine(block.text);
    if (!header) break;
    lines.push(header);
    index++;
  }
  return { title: title.text, lines, firstBody: index };
}
