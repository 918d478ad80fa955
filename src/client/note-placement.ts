/**
 * Where margin notes go: each as near as it can be to the line of its passage, in the order of
 * their passages, none overlapping, all between `start` and `end` (the top and the bottom of the
 * text). Pure, so that it is tested without a browser.
 *
 * The notes of a crowded run share the shift instead of each pushing the next one down: the tops
 * minimise the (weighted) sum of squared distances to the passages, under the constraint that each
 * note starts `gap` below the one before. Writing each top as `z + (heights and gaps above it)` turns
 * this into isotonic regression of the wanted positions, solved exactly by pooling adjacent
 * violators (PAVA, linear time); the bounds then clamp the result, which keeps it optimal.
 */

/** A note to place: the line of its passage, its height, and how firmly it keeps its place. */
export interface Wanted {
  at: number;
  height: number;
  /** 1 for a compact card; more for an opened or focused one, which the others then make room for. */
  weight?: number;
}

export interface Bounds {
  /** Space between two notes. */
  gap: number;
  /** No note above this. */
  start: number;
  /** No note below this, if they fit at all; else they run on below it. */
  end: number;
}

/**
 * The tops of `notes`, given in the order of their passages.
 *
 * @example place([{ at: 0, height: 50 }, { at: 10, height: 50 }], { gap: 10, start: 0, end: 500 }) // [0, 60]
 * @example place([{ at: 100, height: 50 }, { at: 110, height: 50 }], { gap: 10, start: 0, end: 500 }) // [75, 135]
 */
export function place(notes: readonly Wanted[], { gap, start, end }: Bounds): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const note of notes) {
    offsets.push(offset);
    offset += note.height + gap;
  }
  // Pools of adjacent notes that move as one: their mean wanted z, total weight, and size.
  const pools: { mean: number; weight: number; count: number }[] = [];
  notes.forEach((note, index) => {
    let pool = { mean: note.at - offsets[index]!, weight: note.weight ?? 1, count: 1 };
    while (pools.length > 0 && pools.at(-1)!.mean >= pool.mean) {
      const previous = pools.pop()!;
      const weight = previous.weight + pool.weight;
      pool = { mean: (previous.mean * previous.weight + pool.mean * pool.weight) / weight, weight, count: previous.count + pool.count };
    }
    pools.push(pool);
  });
  const last = notes.length - 1;
  const highest = last < 0 ? start : end - offsets[last]! - notes[last]!.height;
  const tops: number[] = [];
  for (const pool of pools) {
    // The top bound wins over the bottom one: notes that cannot fit run on below the text.
    const z = Math.max(start, Math.min(pool.mean, highest));
    for (let i = 0; i < pool.count; i++) tops.push(z + offsets[tops.length]!);
  }
  return tops;
}
