/**
 * How alike two lists of words are, 0 to 1: twice the words they share (each as often as both
 * have it) over the words of both, Dice's coefficient. Two empty lists are alike (1).
 *
 * @example dice(['a', 'b', 'b'], ['b', 'c']) // 0.4
 */
export function dice(left: readonly string[], right: readonly string[]): number {
  if (left.length + right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
