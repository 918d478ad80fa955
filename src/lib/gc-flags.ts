/**
 * V8 flags for the process that renders the pages (scripts/build.ts starts it).
 *
 * Each page Astro renders passes through buffers outside V8's heap (the HTML encoded, the
 * response read back, the file written, its copy kept for the next build): about 2.3 GB for an
 * edition of 1,000 texts, five times that for 5,000. V8 by default starts a full collection each
 * time 64 MB more of such memory is held, and a full collection marks everything the build holds,
 * which grows with the edition too: 125 of the 135 full collections of a 5,000-text rendering
 * were started so, each marking about 800 MB (docs/performance.md, thirteenth session).
 *
 * `--external-memory-accounted-in-global-limit` counts that memory in the heap's own limit
 * instead (V8's source calls the 64 MB rule "historic behavior"); the full collections of a
 * 5,000-text rendering fell from 135 to 16, but the process held 0.7 GB more between them.
 * `--heap-growing-percent=25` lets the heap, that memory included, grow by a quarter between
 * collections rather than by up to about half: 47 collections, 90 MB more than without either
 * flag, and the rendering 34 s shorter. A quarter of what a 10,000-text build holds is a larger
 * step: it took that build to 4,076 MB, 20 MB under the 4 GB target, and 15 % to 3,868 MB for 15 s
 * more of 660. Below {@link LARGE_EDITION} texts, where memory is far from its targets and 15 %
 * gained nothing measurable, the quarter stays (docs/performance.md, seventeenth session).
 */
import { spawnSync } from 'node:child_process';

/** The flags for an edition below {@link LARGE_EDITION} texts, in the order they are given to Node. */
export const RENDER_GC_FLAGS: readonly string[] = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=25'];

/** From this many texts the heap grows by 15 % between collections: the 4 GB of the 10,000-text target bind there, not at 5,000. */
export const LARGE_EDITION = 7500;

/** The flags for an edition of `texts` texts. */
function gcFlagsFor(texts: number): string[] {
  return texts >= LARGE_EDITION ? [RENDER_GC_FLAGS[0]!, '--heap-growing-percent=15'] : [...RENDER_GC_FLAGS];
}

/**
 * {@link gcFlagsFor} `texts` if the Node at `execPath` accepts them, else none: Node refuses to start
 * with a V8 flag its V8 does not have, and a later Node may drop one.
 */
export function renderGcFlags(execPath: string, texts = 0): string[] {
  const flags = gcFlagsFor(texts);
  const probe = spawnSync(execPath, [...flags, '-e', ''], { stdio: 'ignore', timeout: 30_000 });
  return probe.status === 0 ? flags : [];
}
