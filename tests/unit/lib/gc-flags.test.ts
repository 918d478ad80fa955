/**
 * The flags Astro's process runs with (src/lib/gc-flags.ts, scripts/build.ts): memory outside the
 * heap that is let go at once, as a page's buffers are, no longer starts a full collection every
 * 64 MB while the process holds a heap of its own.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { LARGE_EDITION, RENDER_GC_FLAGS, renderGcFlags } from '../../../src/lib/gc-flags.ts';

/** Holds about 150 MB of small objects, passes 1.6 GB through 4 MB buffers, prints the full collections. */
const RENDERING = `
import { PerformanceObserver, constants } from 'node:perf_hooks';
let full = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; }).observe({ entryTypes: ['gc'] });
const held = [];
for (let i = 0; i < 1_500_000; i++) held.push({ i, s: 'x' + i });
for (let i = 0; i < 400; i++) { const page = Buffer.alloc(4 << 20, 1); if (page[0] !== 1) process.exit(1); }
await new Promise((done) => setTimeout(done, 50));
console.log(full, held.length);
`;

function fullCollections(flags: readonly string[]): number {
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', RENDERING], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout.split(' ')[0]);
}

describe('the rendering process’s collector', () => {
  it('is given the flags by this project’s Node', () => {
    expect(renderGcFlags(process.execPath)).toEqual(RENDER_GC_FLAGS);
  });

  it('does not start a full collection for every 64 MB of buffers let go', () => {
    const without = fullCollections([]);
    const withFlags = fullCollections(renderGcFlags(process.execPath));
    expect(without).toBeGreaterThanOrEqual(12);
    expect(withFlags).toBeLessThanOrEqual(without / 4);
  }, 60_000);

  it('lets the heap grow by less between collections from a large edition on, where the memory target binds', () => {
    expect(renderGcFlags(process.execPath, 1000)).toContain('--heap-growing-percent=25');
    expect(renderGcFlags(process.execPath, LARGE_EDITION - 1)).toContain('--heap-growing-percent=25');
    expect(renderGcFlags(process.execPath, LARGE_EDITION)).toContain('--heap-growing-percent=15');
    expect(renderGcFlags(process.execPath, 10_000)).toContain('--external-memory-accounted-in-global-limit');
  });

  it('gives none to a Node that refuses them, rather than a build that cannot start', () => {
    expect(renderGcFlags('/bin/false')).toEqual([]);
  });
});
