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

/**
 * Ranks the other texts by the sum, over the terms they share with `id`, of the terms' inverse
 * document frequency, log(N / df): a term all texts mention counts for nothing, one that only two
 * mention counts most. Ties are broken by the number of shared terms, then by id.
 *
 * @example relatedTexts('a', [{ id: 'a', terms: new Set(['x', 'nato']) }, { id: 'b', terms: new Set(['x', 'nato']) }, { id: 'c', terms: new Set(['nato']) }])
 * // [{ id: 'b', shared: ['x', 'nato'], … }] (c shares only NATO, which every text mentions)
 */
export function relatedTexts(id: string, sets: readonly TermSet[]): Related[] {
  const n = sets.length;
  const df = new Map<string, number>();
  for (const set of sets) for (const term of set.terms) df.set(term, (df.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(n / (df.get(term) ?? n));
  const own = sets.find((set) => set.id === id)?.terms ?? new Set<string>();
  return sets
    .filter((set) => set.id !== id)
    .map((set) => {
      const shared = [...set.terms].filter((term) => own.has(term)).sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
      return { id: set.id, shared, score: shared.reduce((sum, term) => sum + weight(term), 0) };
    })
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || a.id.localeCompare(b.id));
}
