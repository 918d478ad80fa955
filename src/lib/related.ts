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
  // Each term's weight, once: the sorts below ask for it at every comparison.
  const weights = new Map([...holders].map(([term, list]) => [term, Math.log(n / list.length)]));
  const weight = (term: string) => weights.get(term) ?? 0;
  const position = new Map(sets.map((set, index) => [set.id, index]));
  // Shared terms are listed rarest first, then by name; a score is summed in that order.
  const canonical = (a: string, b: string) => weight(b) - weight(a) || a.localeCompare(b);
  // Each text's place in the order of ids, so that a tie is broken by comparing two numbers.
  const idRank = new Int32Array(n);
  sets
    .map((_, index) => index)
    .sort((a, b) => sets[a]!.id.localeCompare(sets[b]!.id))
    .forEach((index, rank) => (idRank[index] = rank));

  // Scores and counts of shared weighed terms in typed arrays reused for every text, with the
  // texts touched listed, instead of a Map and a sort of every candidate: at 5,000 texts ranking
  // them all took 18 s (each text shares a common term with nearly every other), most of it in
  // that sort. A score is summed over the text's own terms in the order in which the shared
  // terms are listed, so it is exactly the sum of the terms listed, and the best are chosen
  // without listing the shared terms of any other text: at 5,000 texts of which many are alike,
  // listing those of every text tied with the last place took 4 s of every build.
  const scores = new Float64Array(n);
  const counts = new Uint32Array(n);
  /** Whether text `a` ranks before text `b`: higher score, then more shared terms, then id. */
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && (counts[a]! > counts[b]! || (counts[a] === counts[b] && idRank[a]! < idRank[b]!)));
  return (id, limit = Infinity) => {
    const self = position.get(id);
    if (self === undefined) return [];
    const own = sets[self]!.terms;
    const touched: number[] = [];
    for (const term of [...own].sort(canonical)) {
      const w = weight(term);
      // A term every text mentions weighs nothing: it is shared with every text, and so adds
      // the same to every text's count of shared terms, which leaves their order as it is.
      if (w <= 0) continue;
      for (const other of holders.get(term)!) {
        if (other === self) continue;
        if (counts[other] === 0) touched.push(other);
        scores[other] = scores[other]! + w;
        counts[other] = counts[other]! + 1;
      }
    }
    let best: number[];
    if (limit < 1) best = [];
    else if (touched.length <= limit) best = touched.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    else {
      // The best `limit`, kept in order as each text is looked at once.
      best = [];
      for (const index of touched) {
        if (best.length === limit && !before(index, best[limit - 1]!)) continue;
        let at = Math.min(best.length, limit - 1);
        while (at > 0 && before(index, best[at - 1]!)) at--;
        best.splice(at, 0, index);
        if (best.length > limit) best.pop();
      }
    }
    const ranked = best.map((index) => {
      const set = sets[index]!;
      const shared = [...set.terms].filter((term) => own.has(term)).sort(canonical);
      return { id: set.id, shared, score: scores[index]! };
    });
    for (const index of touched) {
      scores[index] = 0;
      counts[index] = 0;
    }
    return ranked;
  };
}

/** The texts related to `id`, best first (see {@link relatedIndex}). */
export function relatedTexts(id: string, sets: readonly TermSet[], limit = Infinity): Related[] {
  return relatedIndex(sets)(id, limit);
}
