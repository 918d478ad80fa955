/**
 * The kinds of source the apparatus cites (sourceMixOf, ./apparatus-report.ts), said in words: the
 * About page's account of what the apparatus cites (src/data/source-mix.ts).
 */
import type { SourceMix } from './apparatus-report.ts';
import { SOURCE_CATEGORIES, type SourceCategory } from '../schemas/source-categories.ts';

/** How each kind is named in a count: singular, plural. */
const NAMES: Record<SourceCategory, [string, string]> = {
  primary: ['primary text', 'primary texts'],
  press: ['wire or press report', 'wire and press reports'],
  specialist: ['specialist source', 'specialist sources'],
  'state-media': ['report of state media', 'reports of state media'],
  reference: ['reference work', 'reference works'],
  weak: ['page of a weak site', 'pages of weak sites'],
};

/**
 * The mix in words, kinds with no citation left out.
 *
 * @example mixInWords({ total: 3, byCategory: { primary: 1, press: 2, specialist: 0, 'state-media': 0, reference: 0, weak: 0 }, unclassified: 0 })
 * // '1 primary text and 2 wire and press reports'
 */
export function mixInWords(mix: SourceMix): string {
  const parts = SOURCE_CATEGORIES.filter((category) => mix.byCategory[category] > 0).map((category) => {
    const count = mix.byCategory[category];
    return `${count.toLocaleString('en-GB')} ${NAMES[category][count === 1 ? 0 : 1]}`;
  });
  if (mix.unclassified > 0) parts.push(`${mix.unclassified.toLocaleString('en-GB')} not yet classed`);
  return parts.length <= 1 ? (parts[0] ?? 'none') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
