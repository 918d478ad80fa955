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
