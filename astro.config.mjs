// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { SEARCH_INDEX_FILES, searchIndex } from './src/integrations/search-index.ts';
import { HEADERS_FILE, securityHeaders } from './src/integrations/security-headers.ts';
import { SHARE_PAGE_FILE, sharePages } from './src/integrations/share-pages.ts';
import { CITE_FILE, citeFiles } from './src/integrations/cite-files.ts';
import { reuseOutDir } from './src/integrations/out-dir.ts';
import { INLINE_SCRIPT_HASHES } from './src/lib/inline-scripts.ts';

/** Where the site is served; both can be set from the environment for another host or a sub-path. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
// Astro said only "Invalid URL" for an address without its scheme, naming neither the variable nor the fix.
if (!/^https?:\/\/[^/\s]+/.test(site) || !URL.canParse(site)) {
  console.error(`SITE_URL is "${site}", which is not an address readers can open.\n  Fix: give it whole, with https:// (or http://) and the host, e.g. SITE_URL=https://borderlines.example npm run build`);
  process.exit(1);
}
const base = process.env.BASE_PATH ?? '/';
/** Where the build goes; tests build a second copy under a sub-path into another folder. */
const outDir = process.env.OUT_DIR ?? './dist';
/**
 * Astro's cache, with the edition compiler's (borderlines/): keep it between builds to reuse work.
 * Copies of the site that share node_modules (test fixtures, the bench) each set their own.
 */
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The output is kept between builds, and what the last build left over removed first (out-dir.ts).
  integrations: [reuseOutDir({ leave: [SHARE_PAGE_FILE, CITE_FILE, SEARCH_INDEX_FILES, HEADERS_FILE] }), sharePages(), citeFiles(), searchIndex(), securityHeaders()],
  // Articles are compiled by src/compiler/ (content.config.ts); Astro's own Markdown processor,
  // Sätteri, renders only the glossary's short bodies.
  markdown: {
    // The texts have no code to highlight, and Shiki's inline styles would break the policy.
    syntaxHighlight: false,
    // Typographic "smart" quotes would alter quoted words; everything is reproduced as written.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  security: {
    // A strict policy in a <meta> of every page: scripts and styles only from the site, inline
    // ones by hash. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval' and nothing looser.
    // The same policy, with what only a header can say (frame-ancestors), is written to _headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: INLINE_SCRIPT_HASHES },
    },
  },
  devToolbar: { enabled: false },
  experimental: {
    // Article pages return a cache key (src/data/article-page.ts) that changes with anything they
    // show: an unchanged page is copied from the last build's output in the cache folder.
    incrementalBuild: true,
  },
  vite: {
    build: {
      // No preload helper: the few chunks loaded later are small and loaded on demand.
      modulePreload: false,
    },
  },
});
