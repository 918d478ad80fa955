/**
 * The benchmark's chart, as a self-contained SVG: build time and HTML per article page against the
 * number of articles, ours and Starlight's, on logarithmic scales.
 */
interface Point {
  articles: number;
  ours: { seconds: number; articleHtml: { median: number } };
  starlight: { seconds: number; articleHtml: { median: number } };
}

const WIDTH = 940;
const HEIGHT = 390;
const PANEL = { width: 380, height: 250, top: 50 };
const COLORS = { ours: '#8a3b12', starlight: '#3553a0' };

function scale(values: number[], size: number, invert: boolean) {
  const min = Math.log10(Math.min(...values) / 1.5);
  const max = Math.log10(Math.max(...values) * 1.5);
  return (value: number) => {
    const at = ((Math.log10(value) - min) / (max - min || 1)) * size;
    return invert ? size - at : at;
  };
}

function ticks(values: number[]): number[] {
  const low = Math.floor(Math.log10(Math.min(...values) / 1.5));
  const high = Math.ceil(Math.log10(Math.max(...values) * 1.5));
  const result: number[] = [];
  for (let power = low; power <= high; power++) result.push(10 ** power);
  return result.filter((tick) => tick >= Math.min(...values) / 1.5 && tick <= Math.max(...values) * 1.5);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panel(points: Point[], left: number, title: string, value: (side: Point['ours']) => number, unit: (v: number) => string): string {
  if (points.length === 0) return '';
  const xs = points.map((point) => point.articles);
  const ys = points.flatMap((point) => [value(point.ours), value(point.starlight)]);
  const x = scale(xs, PANEL.width, false);
  const y = scale(ys, PANEL.height, true);
  const line = (side: 'ours' | 'starlight') =>
    `<polyline fill="none" stroke="${COLORS[side]}" stroke-width="2.5" points="${points.map((point) => `${left + x(point.articles)},${PANEL.top + y(value(point[side]))}`).join(' ')}"/>` +
    points.map((point) => `<circle cx="${left + x(point.articles)}" cy="${PANEL.top + y(value(point[side]))}" r="4" fill="${COLORS[side]}"><title>${escape(`${side === 'ours' ? 'Borderlines' : 'Starlight'}, ${point.articles} articles: ${unit(value(point[side]))}`)}</title></circle>`).join('');
  const yTicks = ticks(ys)
    .map((tick) => `<line x1="${left}" x2="${left + PANEL.width}" y1="${PANEL.top + y(tick)}" y2="${PANEL.top + y(tick)}" stroke="#ddd6ca"/><text x="${left - 6}" y="${PANEL.top + y(tick) + 4}" text-anchor="end">${escape(unit(tick))}</text>`)
    .join('');
  const xTicks = xs.map((tick) => `<text x="${left + x(tick)}" y="${PANEL.top + PANEL.height + 18}" text-anchor="middle">${tick.toLocaleString('en-GB')}</text>`).join('');
  return `<g><text x="${left}" y="${PANEL.top - 18}" font-weight="600">${escape(title)}</text>${yTicks}${xTicks}<text x="${left + PANEL.width / 2}" y="${PANEL.top + PANEL.height + 38}" text-anchor="middle">articles (log scale)</text>${line('starlight')}${line('ours')}</g>`;
}

export function renderChart(points: Point[]): string {
  const seconds = (v: number) => (v >= 100 ? `${Math.round(v).toLocaleString('en-GB')} s` : `${Number(v.toPrecision(2))} s`);
  // Sizes are plotted in KB, so that the grid falls on 10, 100 and 1,000 KB.
  const kilobytes = (v: number) => `${Number(v.toPrecision(2)).toLocaleString('en-GB')} KB`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" fill="#1f1d1a" role="img" aria-labelledby="chart-title">
<title id="chart-title">Build time and HTML per article page against the number of articles: Borderlines and Starlight</title>
<rect width="100%" height="100%" fill="#fbfaf7"/>
${panel(points, 70, 'Build time', (side) => side.seconds, seconds)}
${panel(points, 70 + PANEL.width + 90, 'HTML per article page (median)', (side) => side.articleHtml.median / 1024, kilobytes)}
<g transform="translate(70 ${HEIGHT - 14})"><rect width="14" height="4" y="-4" fill="${COLORS.ours}"/><text x="20">Borderlines</text><rect x="120" width="14" height="4" y="-4" fill="${COLORS.starlight}"/><text x="140">Starlight</text></g>
</svg>
`;
}
