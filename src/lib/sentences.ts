/**
 * Where sentences end, for the lines that show one (a note's finding, a term's mention in its
 * sentence): a full stop that ends a name's initial (Antony J. Blinken) or an abbreviation (Feb.,
 * U.S.) ends none, nor does a mark inside brackets not yet closed.
 */

/** Abbreviations a name or a date may carry, whose full stop ends no sentence. */
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Adm', 'Rep', 'Sen', 'Gov', 'Pres', 'Jr', 'Sr', 'No', 'Nos', 'Art', 'para', 'vol', 'p', 'pp', 'cf', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'U.S', 'U.N', 'U.K', 'e.g', 'i.e']);

/**
 * Whether the mark at `at` in `text` ends no sentence: the full stop of an initial (Antony J.
 * Blinken) or of an abbreviation (Mr., Feb., U.S.), or a mark inside brackets not yet closed.
 */
export function endsNoSentence(text: string, at: number): boolean {
  if (text[at] === '.') {
    const word = /(?:^|[\s(“‘"'])([\p{L}.]+)$/u.exec(text.slice(0, at))?.[1] ?? '';
    if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word)) return true;
  }
  const before = text.slice(0, at);
  return (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
}
