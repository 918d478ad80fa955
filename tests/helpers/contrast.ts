/**
 * Colour contrast as WCAG 2.2 measures it, for browser tests that read computed colours.
 *
 * @example contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)') // 21
 */

/** Relative luminance of a CSS `rgb()`/`rgba()` colour (its alpha ignored). */
export function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, the lighter over the darker, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
