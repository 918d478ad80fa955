/**
 * "Did you mean…?" for content errors: the candidate closest to a mistyped value.
 */

/**
 * Edit distance between two strings (code units), two neighbouring letters swapped counting as one
 * edit, as a typist makes it (`fomr` for `form`): Levenshtein's, with transpositions (the optimal
 * string alignment distance).
 *
 * @example editDistance('fomr', 'form') // 1
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `value`, if it is near enough to be a likely typo (at most a third of
 * its length away), else undefined.
 *
 * @example nearest('open-sky', ['open-skies', 'new-start']) // 'open-skies'
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of its length, and one edit in a word of four letters or fewer: two there make another word
  // ("csto" is not a typo of "nato").
  return best !== undefined && bestDistance <= (value.length <= 4 ? 1 : Math.max(2, Math.ceil(value.length / 3))) ? best : undefined;
}

/** ` Did you mean `x`?` or the empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = nearest(value, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}
