/**
 * The content pipeline, in the order the plugins run. Astro 7 runs remark and rehype plugins only
 * under the `unified()` Markdown processor (see astro.config.mjs), which is why they are listed here.
 *
 *   MDX ─ remark-gfm ─ remark-passage-anchors ─▶ mdast→hast ─ rehype-section-meta ─ rehype-passage-links ─▶ HTML
 */
import remarkGfm from 'remark-gfm';
import { remarkPassageAnchors } from './remark-passage-anchors.ts';
import { rehypeSectionMeta } from './rehype-section-meta.ts';
import { rehypePassageLinks } from './rehype-passage-links.ts';

export const remarkPlugins = [remarkGfm, remarkPassageAnchors];
export const rehypePlugins = [rehypeSectionMeta, rehypePassageLinks];
