/**
 * The content pipeline, in the order the plugins run, on the tree Sätteri parsed (GFM included);
 * the edition compiler runs it (src/compiler/render.ts) once per article and render key.
 *
 *   MDX ─ remark-guard ─ remark-passage-anchors ─ remark-notes ─ remark-glossary ─▶ mdast→hast
 *       ─ rehype-section-meta ─ rehype-passage-links ─ rehype-notes ─ rehype-cited-by
 *       ─ rehype-note-tails ─▶ HTML
 */
import { remarkGuard } from './remark-guard.ts';
import { remarkPassageAnchors, type Options as PassageOptions } from './remark-passage-anchors.ts';
import { recordedIn } from '../lib/ledger.ts';
import { remarkNotes, type Options as NotesOptions } from './remark-notes.ts';
import { rehypeSectionMeta } from './rehype-section-meta.ts';
import { rehypePassageLinks } from './rehype-passage-links.ts';
import { rehypeNoteTails } from './rehype-note-tails.ts';
import { rehypeNotes } from './rehype-notes.ts';
import { remarkGlossary, type Options as GlossaryOptions } from './remark-glossary.ts';
import { rehypeCitedBy, type Options as CitedByOptions } from './rehype-cited-by.ts';
import type { Corpus } from '../lib/corpus.ts';

/** Options of {@link contentPlugins}. */
export interface PipelineOptions {
  /** The site's base path (Astro's `base`). Default `/`. */
  base?: string;
  /** The site's origin (Astro's `site`), for absolute links. Default `http://localhost:4321`. */
  site?: string;
  /** The project folder, where `content/` is. Default: the working directory. */
  root?: string;
  /** Reads the edition's corpus (tests pass their own). Default: from `root`. */
  corpus?: (root: string) => Corpus;
  /** Whether to link glossary terms and show citations. Default true. */
  crossLinks?: boolean;
  /** Whether to run remark-guard first; the compiler runs it when it reads a file. Default true. */
  guard?: boolean;
}

/**
 * The remark and rehype plugins of the content pipeline, configured for one site. The lists are
 * typed by inference (plugins and [plugin, options] tuples), which both Astro's and unified's
 * plugin list types accept.
 */
export function contentPlugins({ base = '/', site = 'http://localhost:4321', root = process.cwd(), corpus, crossLinks = true, guard = true }: PipelineOptions = {}) {
  const shared = { base, root, ...(corpus ? { corpus } : {}) };
  const notes: NotesOptions = { ...shared, site };
  const glossary: GlossaryOptions = shared;
  const citedBy: CitedByOptions = shared;
  return {
    // The guard first: nothing else reads a tree it refuses. Then passage ids: notes are checked
    // against them and mark passages inside them; terms are linked last, inside marks too, once
    // the notes are rendered apart from the text.
    remarkPlugins: [
      ...(guard ? [remarkGuard] : []),
      [remarkPassageAnchors, { recorded: recordedIn(root) }] as [typeof remarkPassageAnchors, PassageOptions],
      [remarkNotes, notes] as [typeof remarkNotes, NotesOptions],
      ...(crossLinks ? [[remarkGlossary, glossary] as [typeof remarkGlossary, GlossaryOptions]] : []),
    ],
    rehypePlugins: [
      rehypeSectionMeta,
      rehypePassageLinks,
      rehypeNotes,
      ...(crossLinks ? [[rehypeCitedBy, citedBy] as [typeof rehypeCitedBy, CitedByOptions]] : []),
      rehypeNoteTails,
    ],
  };
}
