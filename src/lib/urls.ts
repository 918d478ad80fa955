/**
 * Site-relative URLs that work at the root of a host and under a sub-path (`BASE_PATH=/borderlines/`).
 */

/**
 * Joins the site's base path and a path inside the site.
 *
 * @example withBase('/borderlines/', 'articles/x/') // '/borderlines/articles/x/'
 * @example withBase('/', '/about/') // '/about/'
 */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const tail = path.startsWith('/') ? path.slice(1) : path;
  return `${head.startsWith('/') ? head : `/${head}`}${tail}`;
}

/** Paths of the site's pages, relative to the base. */
export const paths = {
  home: () => '',
  about: () => 'about/',
  notes: () => 'annotations/',
  glossary: () => 'glossary/',
  search: () => 'search/',
  term: (id: string) => `glossary/${id}/`,
  article: (slug: string) => `articles/${slug}/`,
  claims: () => 'claims/',
  claim: (id: string) => `claims/${id}/`,
  /** The claims index filtered by a text, a term or a finding (src/lib/claims.ts). */
  claimsBy: (facet: 'text' | 'term' | 'finding', value: string) => `claims/${facet}/${value}/`,
} as const;

/**
 * Whether `url` is the full address of a web page: http(s), and a host with a dot in it (or an IPv6
 * address). `new URL` alone takes `https://` (no host), `https://unian/news` (a site's name without
 * its domain) and `https://localhost/` (an editor's own machine).
 *
 * @example isWebAddress('https://www.unian.info/news') // true
 * @example isWebAddress('https://unian/news') // false
 * @example isWebAddress('https://') // false
 * @example isWebAddress('https://localhost/') // false
 * @example isWebAddress('https://www.reuters.com,world/x') // false
 */
export function isWebAddress(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { hostname } = new URL(url);
    // A name of letters, digits and hyphens with a dot, ending in a top-level domain (a fully
    // qualified one may end in a dot; the URL parser has written a non-Latin name in xn-- form); an
    // IPv4 address; or an IPv6 address in brackets. Not `www.reuters.com,world`, which a browser
    // cannot reach, though the URL parser takes it.
    return /^([a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)\.?$/.test(hostname) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
  } catch {
    return false;
  }
}
