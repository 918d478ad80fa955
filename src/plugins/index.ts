/**
 * The content pipeline, in the order the plugins run. Astro 7 runs remark and rehype plugins only
 * under the `unified()` Markdown processor (see astro.config.mjs), which is why they are listed here.
 *
 *   MDX ─ remark-gfm ─ remark-passage-anchors ─ remark-notes ─▶ mdast→hast
 *       ─ rehype-section-meta ─ rehype-passage-links ─ rehype-notes ─▶ HTML
 */
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { remarkPassageAnchors } from './remark-passage-anchors.ts';
import { remarkNotes } from './remark-notes.ts';
import { rehypeSectionMeta } from './rehype-section-meta.ts';
import { rehypePassageLinks } from './rehype-passage-links.ts';
import { rehypeNotes } from './rehype-notes.ts';

/** Options of {@link contentPlugins}. */
export interface PipelineOptions {
  /** The site's base path (Astro's `base`). Default `/`. */
  base?: string;
  /** The project folder, where `content/` is. Default: the working directory. */
  root?: string;
}

/** The remark and rehype plugins of the content pipeline, configured for one site. */
export function contentPlugins({ base = '/', root = process.cwd() }: PipelineOptions = {}): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  return {
    // Passage ids first: notes are checked against them and mark passages inside them.
    remarkPlugins: [remarkGfm, remarkPassageAnchors, [remarkNotes, { base, root }]],
    rehypePlugins: [rehypeSectionMeta, rehypePassageLinks, rehypeNotes],
  };
}
