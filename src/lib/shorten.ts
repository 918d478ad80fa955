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
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // One character more, to see whether the last word ends where the room does.
  const space = clean.slice(0, max + 1).lastIndexOf(' ');
  // A first word longer than the room is the only one cut.
  const kept = space > 0 ? clean.slice(0, space) : clean.slice(0, max);
  return `${kept.replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/**
 * Shortens a quotation that carries its own marks (“…”) inside them: the closing mark stays, so that
 * a cut quotation still reads as one.
 *
 * @example shortenQuoted('“In an interview with a Russian state TV host aired Saturday”', 42) // '“In an interview with a Russian state TV…”'
 */
export function shortenQuoted(text: string, max: number): string {
  const quoted = /^“([\s\S]*)”$/.exec(text.trim());
  return quoted ? `“${shorten(quoted[1]!, max - 2)}”` : shorten(text, max);
}
