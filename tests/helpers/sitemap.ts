/**
 * The pages of the built site a reader can reach: those of its sitemap, as paths from the site's
 * root, plus the 404 page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, requireDist } from './site.ts';

export function sitemapPaths(dist = DIST): string[] {
  if (dist === DIST) requireDist();
  const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  if (locs.length === 0) throw new Error(`${join(dist, 'sitemap.xml')} lists no page`);
  const root = new URL(locs[0]!).origin;
  return locs.map((loc) => loc.slice(root.length + 1));
}
