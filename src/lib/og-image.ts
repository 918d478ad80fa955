/**
 * Share images (1200 × 630 PNG) in the site's design, for link previews in chats and social posts:
 * laid out by satori (flexbox to SVG, text turned to outlines with the fonts shipped with the
 * project, so nothing is fetched) and rasterised by resvg (WebAssembly, no native binary).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { attributedTitleParts } from './attribution.ts';
import { shorten } from './shorten.ts';

const require = createRequire(import.meta.url);
/**
 * The scripts a card's words can be in: names and titles in the apparatus are Polish, Lithuanian,
 * Czech, Russian, Belarusian, Ukrainian and Greek as well as English ("Błaszczak", "Шойгу"). A
 * character none of them has is drawn as an empty box.
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek'] as const;
const font = (subset: (typeof SUBSETS)[number], weight: number, style: 'normal' | 'italic') =>
  readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-${style}.woff`));

/**
 * Whether to render share images (default yes). Builds that only test other things (the
 * build-error fixtures, the benchmark's large corpora) set OG_IMAGES=0 to save the time.
 */
export function shareImagesEnabled(): boolean {
  return process.env['OG_IMAGES'] !== '0';
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const COLORS = { paper: '#fbfaf7', text: '#1f1d1a', muted: '#5a554d', rule: '#ddd6ca', accent: '#8a3b12' };

let ready: Promise<void> | undefined;
function setup(): Promise<void> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

let fonts: { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' | 'italic' }[] | undefined;
function loadFonts() {
  const faces = [
    { weight: 400, style: 'normal' },
    { weight: 400, style: 'italic' },
    { weight: 600, style: 'normal' },
    { weight: 700, style: 'normal' },
  ] as const;
  // One family a subset: satori keeps one font per family, weight and style, and falls back along
  // the families of `fontFamily` for a character the first does not have.
  fonts ??= SUBSETS.flatMap((subset) => faces.map(({ weight, style }) => ({ name: `Source Serif ${subset}`, data: font(subset, weight, style), weight, style })));
  return fonts;
}

/** A satori element: the shape React elements have, without React. */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

function el(type: string, style: Record<string, string | number>, children?: Node['props']['children']): Node {
  return { type, props: { style, ...(children === undefined ? {} : { children }) } };
}

/** What a share image shows. */
export interface ShareCard {
  /** Small capitals above: "Borderlines · Note 3 · Context". */
  label: string;
  /** The large text: a quoted passage, a source's headline, a note's finding or the edition's title. */
  headline: string;
  /** Whether the headline is a passage quoted from a text (set in italics, in quotation marks). */
  quote: boolean;
  /**
   * Who the headline is quoted from (outlets): the headline is then set in quotation marks and
   * attributed, “…” — ZeroHedge (src/lib/attribution.ts), so a source's words never read as the
   * edition's.
   */
  by?: string | undefined;
  /** The smaller text under it: the note, or a summary. */
  body: string;
  /** The line at the foot: article, outlet. */
  footer: string;
  /** The date at the foot's right end, never shortened. */
  date: string;
  /** The colour of the left rule (the note's kind). */
  accent?: string;
}

/** The headline as set: shortened, and in quotation marks when it is quoted. */
export function headlineText(card: ShareCard): string {
  const headline = shorten(card.headline, card.quote ? 170 : card.by ? 130 : 150);
  if (!card.quote && card.by === undefined) return headline;
  const parts = attributedTitleParts(headline, []);
  return `${parts.open}${parts.title}${parts.close}`;
}

function layout(card: ShareCard): Node {
  const headline = headlineText(card);
  const size = headline.length > 120 ? 44 : headline.length > 70 ? 52 : 60;
  return el('div', { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', backgroundColor: COLORS.paper, fontFamily: SUBSETS.map((subset) => `'Source Serif ${subset}'`).join(', '), color: COLORS.text }, [
    el('div', { width: 18, height: '100%', backgroundColor: card.accent ?? COLORS.accent }),
    el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '58px 72px 52px 64px' }, [
      el('div', { fontSize: 22, fontWeight: 700, letterSpacing: 3, textTransform: 'uppercase', color: card.accent ?? COLORS.accent }, card.label),
      el('div', { display: 'flex', marginTop: 28, fontSize: size, lineHeight: 1.2, fontWeight: card.quote ? 400 : 700, fontStyle: card.quote ? 'italic' : 'normal' }, headline),
      ...(card.by ? [el('div', { display: 'flex', marginTop: 12, fontSize: 30, lineHeight: 1.3, color: COLORS.muted }, `—\u00a0${card.by}`)] : []),
      el('div', { display: 'flex', marginTop: 26, fontSize: 27, lineHeight: 1.4, color: COLORS.text }, shorten(card.body, card.by ? 170 : 210)),
      el('div', { display: 'flex', flexGrow: 1 }),
      el('div', { display: 'flex', justifyContent: 'space-between', paddingTop: 20, borderTop: `2px solid ${COLORS.rule}`, fontSize: 22, color: COLORS.muted }, [
        el('div', { display: 'flex' }, shorten(card.footer, 90 - card.date.length)),
        el('div', { display: 'flex', flexShrink: 0, marginLeft: 24 }, card.date),
      ]),
    ]),
  ]);
}

/** A share card laid out as SVG, its words as outlines. */
export function shareImageSvg(card: ShareCard): Promise<string> {
  return satori(layout(card) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
}

/** Renders a share card to a 1200 × 630 PNG. */
export async function renderShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  await setup();
  const svg = await shareImageSvg(card);
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
  // A copy on a plain ArrayBuffer, which a Response body accepts.
  const body = new Uint8Array(png.length);
  body.set(png);
  return body;
}
