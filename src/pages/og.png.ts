import type { APIRoute } from 'astro';
import { renderShareImage } from '../lib/og-image.ts';
import { SITE } from '../lib/site.ts';

/** The edition's own share image, for the pages that have none of their own. */
export const GET: APIRoute = async () => {
  const png = await renderShareImage({
    label: 'An annotated edition',
    headline: SITE.title,
    quote: false,
    body: 'Five texts about NATO, Russia and Belarus, 2020–2022, reproduced as received, with notes that are neutral, dated and sourced.',
    footer: 'A news agency, a socialist news site, blogs, an advocacy group and a forum',
    date: '2020–2022',
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
