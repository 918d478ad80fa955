/**
 * Text cut to a length for a line that has only so much room (a share image, a note card's claim
 * line, a correction's heading): at a word, never inside one, so that "Chapter VII" is never shown
 * as "Chapter V…", and with an ellipsis that says something was cut.
 */

/**
 * Shortens text at a word boundary, with an ellipsis.
 *
 * @example shorten('In an interview with a Russian state TV host aired Saturday', 40) // 'In an interview with a Russian state TV…'
 */
export function shorten(text: string, max: number): string {
  // White space made one space; a no-break space (an attribution's dash, an ellipsis) is kept.
  const clean = text.replace(/[^\S\u00a0]+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // One character more, to see whether the last word ends where the room does.
  const space = clean.slice(0, max + 1).lastIndexOf(' ');
  // A first word longer than the room is the only one cut.
  const kept = space > 0 ? clean.slice(0, space) : clean.slice(0, max);
  return `${kept.replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/** Opening and closing marks of a quotation that carries its own (curly or straight, double or single). */
const QUOTED = /^(“|"|‘|')([\s\S]*)(”|"|’|')$/;

/**
 * Shortens a quotation that carries its own marks inside them: the closing mark stays, so that a
 * cut quotation still reads as one.
 *
 * @example shortenQuoted('“In an interview with a Russian state TV host aired Saturday”', 42) // '“In an interview with a Russian state TV…”'
 */
export function shortenQuoted(text: string, max: number): string {
  const clean = text.replace(/[^\S\u00a0]+/g, ' ').trim();
  const quoted = QUOTED.exec(clean);
  if (!quoted || clean.length <= max) return shorten(clean, max);
  const [, open, inner, close] = quoted as unknown as [string, string, string, string];
  let cut = shorten(inner, max - 2);
  // A quotation inside it, cut open, is closed too: “… “Mock Missile…” reads as two open marks.
  // A single closing mark between two letters is an apostrophe (don’t), not a quotation's end.
  const opened = (cut.match(/“/g) ?? []).length - (cut.match(/”/g) ?? []).length;
  const openedSingle = (cut.match(/‘/g) ?? []).length - (cut.match(/’(?!\p{L})|(?<!\p{L})’/gu) ?? []).length;
  if (openedSingle > 0) cut += '’'.repeat(openedSingle);
  if (opened > 0) cut += '”'.repeat(opened);
  return `${open}${cut}${close}`;
}
