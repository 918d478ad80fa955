/**
 * "Related in this edition": texts ranked by the terms they share, rarer terms weighing more.
 */

/** A text and the terms it mentions. */
export interface TermSet {
  id: string;
  terms: ReadonlySet<string>;
}

/** Another text, with what it shares with this one. */
export interface Related {
  id: string;
  score: number;
  /** Shared terms, rarest first. */
  shared: string[];
}

/** How many related texts an article shows. */
export const RELATED_SHOWN = 5;

/**
 * Ranks, for any text, the other texts by the sum, over the terms they share, of the terms'
 * inverse document frequency, log(N / df): a term all texts mention counts for nothing, one that
 * only two mention counts most. Ties are broken by the number of shared terms, then by id.
 *
 * Built once for the edition: an index from each term to the texts that mention it, so that
 * ranking one text visits only the texts that share a weighed term with it, not all of them.
 *
 * @example relatedIndex([{ id: 'a', terms: new Set(['x', 'nato']) }, { id: 'b', terms: new Set(['x', 'nato']) }, { id: 'c', terms: new Set(['nato']) }])('a')
 * // [{ id: 'b', shared: ['x', 'nato'], … }] (c shares only NATO, which every text mentions)
 */
export function relatedIndex(sets: readonly TermSet[]): (id: string, limit?: number) => Related[] {
  const n = sets.length;
  const holders = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const term of set.terms) {
      const list = holders.get(term);
      if (list) list.push(index);
      else holders.set(term, [index]);
    }
  });
  const weight = (term: string) => Math.log(n / (holders.get(term)?.length ?? n));
  const position = new Map(sets.map((set, index) => [set.id, index]));

  // Scores in a typed array reused for every text, with the texts touched listed, instead of a Map
  // and a sort of every candidate: at 5,000 texts ranking them all took 18 s (each text shares a
  // common term with nearly every other), most of it in that sort.
  const scores = new Float64Array(n);
  return (id, limit = Infinity) => {
    const self = position.get(id);
    if (self === undefined) return [];
    const own = sets[self]!.terms;
    const touched: number[] = [];
    for (const term of own) {
      const w = weight(term);
      if (w <= 0) continue;
      for (const other of holders.get(term)!) {
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + w;
      }
    }
    // Only texts that can still make the list (all those tied with the last place) need their
    // shared terms listed: the limit-th best score is the floor.
    let floor = -Infinity;
    if (touched.length > limit) {
      const best: number[] = [];
      for (const index of touched) {
        const score = scores[index]!;
        if (best.length < limit) {
          best.push(score);
          best.sort((a, b) => b - a);
        } else if (score > best[limit - 1]!) {
          best[limit - 1] = score;
          best.sort((a, b) => b - a);
        }
      }
      floor = best[limit - 1]! - 1e-9;
    }
    const candidates: [number, number][] = [];
    for (const index of touched) {
      if (scores[index]! >= floor) candidates.push([index, scores[index]!]);
      scores[index] = 0;
    }
    return candidates
      .map(([index]) => {
        const set = sets[index]!;
        const shared = [...set.terms].filter((term) => own.has(term)).sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
        // Summed in this order, as the score is defined, so that equal scores tie exactly.
        return { id: set.id, shared, score: shared.reduce((sum, term) => sum + weight(term), 0) };
      })
      .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || a.id.localeCompare(b.id))
      .slice(0, limit);
  };
}

/** The texts related to `id`, best first (see {@link relatedIndex}). */
export function relatedTexts(id: string, sets: readonly TermSet[], limit = Infinity): Related[] {
  return relatedIndex(sets)(id, limit);
}
