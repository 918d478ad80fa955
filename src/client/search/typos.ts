/**
 * Loaded only when a search finds little: the edition's vocabulary (built at build time by
 * src/pages/[vocabulary].json.ts, its words one space-separated string) and the nearest spelling of the query in it. Kept out of
 * search-ui's bundle so that a search that finds what it looks for costs none of it.
 */
import { suggest, type Vocabulary } from '../../lib/search-typos.ts';

let vocabulary: Promise<Vocabulary> | undefined;

/** The query as the edition spells it, or undefined if it already does or nothing is near. */
export async function correct(query: string, base: string): Promise<string | undefined> {
  vocabulary ??= fetch(`${base}search-vocabulary.json`).then((response) => {
    if (!response.ok) throw new Error(`search-vocabulary.json: ${response.status}`);
    return response.json() as Promise<{ names: string[]; words: string }>;
  }).then(({ names, words }) => ({ names, words: words.split(' ') }));
  try {
    return suggest(query, await vocabulary);
  } catch {
    vocabulary = undefined;
    return undefined;
  }
}

/** "Did you mean [Iskander]?": the button puts the spelling in the field. */
export function didYouMean(suggestion: string, choose: () => void): HTMLElement {
  const line = document.createElement('p');
  line.className = 'search-suggest';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = suggestion;
  button.addEventListener('click', choose);
  line.append('Did you mean ', button, '?');
  return line;
}
