import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../data/edition.ts';
import { noteCard } from '../../../data/share.ts';
import { renderShareImage, shareImagesEnabled } from '../../../lib/og-image.ts';

export const getStaticPaths = (async () => {
  if (!shareImagesEnabled()) return [];
  const edition = await getEdition();
  return [...edition.noteById.keys()].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

/** The share image of a note: its quoted passage and the note, 1200 × 630. */
export const GET: APIRoute = async ({ params }) => {
  const edition = await getEdition();
  const png = await renderShareImage(noteCard(edition.noteById.get(params.id!)!));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
