// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentPlugins } from './src/plugins/index.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { anchorLedger } from './src/integrations/anchor-ledger.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { sharePages } from './src/integrations/share-pages.ts';
import { INLINE_SCRIPT_HASHES } from './src/lib/inline-scripts.ts';

/** Where the site is served; both can be set from the environment for another host or a sub-path. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
/** Where the build goes; tests build a second copy under a sub-path into another folder. */
const outDir = process.env.OUT_DIR ?? './dist';

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx({ optimize: true }), sharePages(), anchorLedger(), searchIndex(), securityHeaders()],
  markdown: {
    // The texts have no code to highlight, and Shiki's inline styles would break the policy.
    syntaxHighlight: false,
    processor: unified({
      ...contentPlugins({ base }),
      // remark-gfm runs from our list (it is a declared dependency), not Astro's built-in switch.
      gfm: false,
      // Typographic "smart" quotes would alter the source texts; they are reproduced as received.
      smartypants: false,
    }),
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
  vite: {
    build: {
      // No preload helper: the few chunks loaded later are small and loaded on demand.
      modulePreload: false,
      rollupOptions: {
        // Astro's compiled MDX starts with a "use astro:head-inject" directive, which the bundler
        // reports as not preserved, once per article; the warning is about Astro's code, not ours.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
});
