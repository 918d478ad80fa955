import type { APIRoute } from 'astro';
import { getCorrections } from '../data/corrections.ts';
import { correctionsFeed } from '../lib/corrections.ts';
import { withBase } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';

/**
 * The authority of the entries' `tag:` ids (RFC 4151), with the edition's first day: fixed here, not
 * taken from the site's address or contact, so that an entry's id never changes once a reader's
 * feed reader has seen it. Never change it after publication.
 */
const TAG_AUTHORITY = 'borderlines.example';

/** An Atom feed of the corrections, newest first (src/lib/corrections.ts). */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const url = (path: string) => new URL(withBase(base, path), site).href;
  const xml = correctionsFeed(getCorrections(), {
    title: `${SITE.title}: corrections`,
    author: `${SITE.title} editors`,
    self: url('corrections.xml'),
    page: url('corrections/'),
    url,
    tagAuthority: TAG_AUTHORITY,
    tagDate: SITE.published,
    fallbackUpdated: SITE.published,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
