import type { APIRoute } from 'astro';
import { renderShareImage } from '../lib/og-image.ts';
import { SITE } from '../lib/site.ts';
import { getSummary } from '../data/summary.ts';

/** The edition's own share image, for the pages that have none of their own. */
export const GET: APIRoute = async () => {
  const summary = await getSummary();
  const png = await renderShareImage({
    label: 'An annotated edition',
    headline: SITE.title,
    quote: false,
    body: `${summary.Count} texts about NATO, Russia and Belarus, ${summary.years}, reproduced as received, with notes that are neutral, dated and sourced.`,
    footer: summary.kinds.charAt(0).toUpperCase() + summary.kinds.slice(1),
    date: summary.years,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
