// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentPlugins } from './src/plugins/index.ts';
import { searchIndex } from './src/integrations/search-index.ts';

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
  integrations: [mdx(), searchIndex()],
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
});
