// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentPlugins } from './src/plugins/index.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { anchorLedger } from './src/integrations/anchor-ledger.ts';

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
  integrations: [mdx(), anchorLedger(), searchIndex()],
  markdown: {
    processor: unified({
      ...contentPlugins({ base }),
      // remark-gfm runs from our list (it is a declared dependency), not Astro's built-in switch.
      gfm: false,
      // Typographic "smart" quotes would alter the source texts; they are reproduced as received.
      smartypants: false,
    }),
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
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
