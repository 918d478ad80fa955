/**
 * A source's headline shown as what it is: a quotation, attributed to its outlet. The edition's
 * texts are partisan and its apparatus neutral, so wherever a text's headline stands for its page
 * (the <title>, the page heading, share cards and images, the feed, lists) it must not read as the
 * edition's own words:
 *
 *   NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus
 *   → “NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus” — ZeroHedge, US Peace Council
 *
 * Every place formats it here, so that they cannot drift apart.
 */
import { shortenQuoted } from './shorten.ts';
import { endsNoSentence } from './sentences.ts';

/** How many outlets an attribution names before it says "and N others". */
export const MAX_OUTLETS_NAMED = 2;

/** An outlet, or just its name. */
export type OutletLike = string | { readonly name: string; readonly headline?: boolean };

/** The parts of an attributed title, for markup that sets them apart (the marks and the outlet as apparatus). */
export interface AttributedTitle {
  /** The headline as quoted: double quotation marks inside it turned to single. */
  title: string;
  /** `“`. */
  open: string;
  /** `”`. */
  close: string;
  /** Who published it: `ZeroHedge, US Peace Council`; empty when no outlet is known. */
  by: string;
  /** The whole: `“…” — ZeroHedge, US Peace Council`. */
  text: string;
}

/**
 * Double quotation marks inside a quotation become single ones, as a quotation within a quotation
 * is set in British style; straight marks are turned by position (after a space or an opening
 * bracket, or at the start, they open).
 *
 * @example innerQuotes('He said "no" and “yes”') // 'He said ‘no’ and ‘yes’'
 */
export function innerQuotes(text: string): string {
  return text
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{—–-])"/g, '$1‘')
    .replace(/"/g, '’');
}

/**
 * Words set as a quotation of ours: in double marks, the marks of a quotation inside them made
 * single, so that a passage that is itself a quotation, or ends in one, never shows two marks
 * together (“‘Russia may invade Ukraine, warns US.’”, not ““…””). With `max`, cut at a word to
 * fit, the marks kept (see {@link shortenQuoted}).
 *
 * @example quoted('NATO is experiencing a “brain death”') // '“NATO is experiencing a ‘brain death’”'
 */
export function quoted(text: string, max = Infinity): string {
  const whole = `“${innerQuotes(text.replace(/[^\S\u00a0]+/g, ' ').trim())}”`;
  return whole.length > max ? shortenQuoted(whole, max) : whole;
}

/**
 * Who published a text: the outlets' names, the first {@link MAX_OUTLETS_NAMED} of them and a
 * count of the rest (a forum thread that quotes five agencies is the forum's page).
 *
 * @example attributionOf(['ZeroHedge', 'US Peace Council']) // 'ZeroHedge, US Peace Council'
 * @example attributionOf(['Cassiopaea forum', 'Reuters', 'TASS']) // 'Cassiopaea forum and 2 others'
 */
export function attributionOf(outlets: readonly OutletLike[]): string {
  const names = outlets.map((outlet) => (typeof outlet === 'string' ? outlet : outlet.name).trim()).filter(Boolean);
  if (names.length <= MAX_OUTLETS_NAMED) return names.join(', ');
  const rest = names.length - 1;
  return `${names[0]} and ${rest} others`;
}

/**
 * The outlets whose words a text's headline is: all but those marked `headline: false` (a forum
 * thread's title is the forum's, not that of the agencies whose reports its posts quote). The
 * article schema refuses a text whose every outlet is so marked; a list of names alone (no marks)
 * is kept whole.
 *
 * @example headlineOutlets([{ name: 'Cassiopaea forum' }, { name: 'Reuters', headline: false }]) // [{ name: 'Cassiopaea forum' }]
 */
export function headlineOutlets<T extends OutletLike>(outlets: readonly T[]): T[] {
  const own = outlets.filter((outlet) => typeof outlet === 'string' || outlet.headline !== false);
  return own.length > 0 ? own : [...outlets];
}

/**
 * The parts of a headline quoted and attributed to the outlets whose words it is ({@link headlineOutlets}); see {@link attributedTitle}.
 *
 * @example attributedTitleParts('A “b”', ['X']).title // 'A ‘b’'
 */
export function attributedTitleParts(title: string, outlets: readonly OutletLike[], { headline = true }: { headline?: boolean } = {}): AttributedTitle {
  const quoted = innerQuotes(title.replace(/\s+/g, ' ').trim());
  const by = attributionOf(headline ? headlineOutlets(outlets) : outlets);
  const open = '“';
  const close = '”';
  // A no-break space after the dash: a line never ends on it, in a page's title, a preview or a share page.
  return { title: quoted, open, close, by, text: `${open}${quoted}${close}${by ? ` —\u00a0${by}` : ''}` };
}

/**
 * A headline quoted and attributed to its outlets, as one string: for the <title>, og:title,
 * feed items and share images.
 *
 * @example
 * attributedTitle('NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus', ['ZeroHedge', 'US Peace Council'])
 * // '“NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus” —\u00a0ZeroHedge, US Peace Council' (a no-break space after the dash)
 */
export function attributedTitle(title: string, outlets: readonly OutletLike[]): string {
  return attributedTitleParts(title, outlets).text;
}

/**
 * Words of a text's body quoted and attributed to every outlet that published it: unlike its
 * headline ({@link headlineOutlets}), a passage of a forum page may be any of the quoted outlets' words.
 *
 * @example attributedQuote('Lavrov said on Friday', [{ name: 'Cassiopaea forum' }, { name: 'Reuters', headline: false }]) // '“Lavrov said on Friday” —\u00a0Cassiopaea forum, Reuters'
 */
export function attributedQuote(words: string, outlets: readonly OutletLike[]): string {
  return attributedTitleParts(words, outlets, { headline: false }).text;
}

/**
 * The first sentence of a note: its finding, which a fact-check or a correction leads with.
 * Sentences end at `.`, `!` or `?` (and a closing quotation mark) before a space and a capital or
 * a digit; a first sentence longer than `max` is shortened at a word.
 *
 * @example findingOf('The distance matches the US statement. US Air Forces in Europe said …') // 'The distance matches the US statement.'
 * @example findingOf('His first name is Antony (Antony J. Blinken). He met …') // 'His first name is Antony (Antony J. Blinken).'
 */
export function findingOf(body: string, max = 200): string {
  const clean = body.replace(/\s+/g, ' ').trim();
  const end = [...clean.matchAll(/[.!?][’”'"]?(?=\s+[‘“'"(]?[\p{Lu}\p{N}])/gu)].find((match) => !endsNoSentence(clean, match.index));
  const first = end ? clean.slice(0, end.index + end[0].length) : clean;
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.7)).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/**
 * Whether a note of this kind leads its share card and link preview with the edition's finding,
 * the text's claim quoted and attributed beneath it: a fact-check or a correction is shared for
 * what the record shows, and a card that led with the claim would spread the claim.
 *
 * @example leadsWithFinding('fact-check') // true
 * @example leadsWithFinding('context') // false
 */
export function leadsWithFinding(kind: string): boolean {
  return kind === 'fact-check' || kind === 'correction';
}
