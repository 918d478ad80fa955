import { join } from 'node:path';
import { RELATED_SHOWN, relatedIndex, type Related, type TermSet } from '../lib/related.ts';
import { DiskCache, digestOf } from '../compiler/cache.ts';

/**
 * The texts related to each text, as many as an article shows. Every page of a text names them
 * (its key too), so all are worked out at every build; they depend on the terms of every text,
 * and ranking the bench's 5,000 texts took 1.4 s of every build, an edit to a note's words
 * included, which changes no text's terms. They are kept in the compiler's cache folder under a
 * digest of every text's terms and of the code that ranks them.
 */
export function relatedOfAll(sets: TermSet[], compiled: { cacheDir: string; code: string }): Map<string, Related[]> {
  const key = digestOf(JSON.stringify([compiled.code, RELATED_SHOWN, sets.map(({ id, terms }) => [id, [...terms].sort()])]));
  const cache = new DiskCache<[string, Related[]][]>(join(compiled.cacheDir, 'related'));
  const kept = cache.get(key);
  if (kept) return new Map(kept);
  const rank = relatedIndex(sets);
  const all = sets.map(({ id }): [string, Related[]] => [id, rank(id, RELATED_SHOWN)]);
  cache.set(key, all);
  cache.prune();
  return new Map(all);
}
