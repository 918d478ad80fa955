/**
 * `npm run build` runs Astro's build with a heap limit sized to the edition (scripts/build.ts): a
 * build that outgrows it is run again with Node's own limit, saying so, and never fails for it; the
 * search index is written after Astro's process has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { buildEnv } from '../helpers/site.ts';

describe('npm run build', () => {
  let site: FixtureSite;
  /** The build's own temporary folder, where build.ts leaves its search job. */
  let temp = '';
  const build = (heap: string) => {
    const run = spawnSync(process.execPath, [join(site.dir, 'scripts/build.ts')], { cwd: site.dir, encoding: 'utf8', env: buildEnv({ OG_IMAGES: '0', CACHE_DIR: join(site.dir, '.cache'), BUILD_HEAP_MB: heap, TMPDIR: temp }), timeout: 300_000 });
    return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  };
  beforeAll(() => {
    site = createFixtureSite();
    temp = mkdtempSync(join(tmpdir(), 'build-heap-'));
  });
  afterAll(() => {
    site?.remove();
    rmSync(temp, { recursive: true, force: true });
  });

  it('builds again with Node’s own heap limit when the edition outgrows the one set, without V8’s stack', () => {
    const run = build('60');
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stderr).toContain('The build needed more than the 60 MB of heap set for an edition of 5 texts; building again with Node\'s own limit.');
    expect(run.stderr).not.toMatch(/Last few GCs|JS stacktrace|FATAL ERROR|node::/);
    expect(run.stdout).toMatch(/\[build\] Complete!/);
    expect(existsSync(join(site.dir, 'dist/articles/russian-bombers-fly-over-belarus/index.html'))).toBe(true);
  }, 300_000);

  it('writes the search index once Astro’s process has ended, so that Pagefind’s memory is not added to Astro’s', () => {
    rmSync(join(site.dir, 'dist/pagefind'), { recursive: true, force: true });
    const run = build('');
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const astroDone = run.stdout.indexOf('[build] Complete!');
    expect(run.stdout).toContain('[borderlines:search-index] Search index: written once Astro has ended (npm run build)');
    expect(astroDone).toBeGreaterThan(-1);
    expect(run.stdout.slice(astroDone)).toMatch(/\[borderlines:search-index\] Search index: (\d+ pages|no indexed page changed, the last index reused) in \d+ ms/);
    expect(existsSync(join(site.dir, 'dist/pagefind/pagefind-entry.json'))).toBe(true);
    expect(readdirSync(temp).filter((name) => name.startsWith('borderlines-search-index-'))).toEqual([]);
  }, 300_000);

  it('names a limit that is not a number of MB, and how to set one', () => {
    const run = build('3 GB');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('BUILD_HEAP_MB is “3 GB”, not a whole number of MB.\n  Fix: set it to a number such as 3072, or to 0 for Node\'s own limit, or leave it unset.\n');
  });
});
