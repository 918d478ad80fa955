/**
 * Which section of a text the reader is in, for the contents (`aria-current`): the last section
 * whose heading has come up past a reading line near the top of the window.
 */

/**
 * The index of the current section, from the tops of the section headings (in window coordinates,
 * in document order) and the reading line; -1 before the first heading has reached the line.
 *
 * @example currentSection([-800, -20, 600], 200) // 1
 * @example currentSection([300, 900], 200) // -1
 */
export function currentSection(tops: readonly number[], line: number): number {
  let current = -1;
  tops.forEach((top, index) => {
    if (top <= line) current = index;
  });
  return current;
}
