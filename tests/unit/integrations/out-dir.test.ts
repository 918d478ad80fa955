import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPLETED, reuseOutDir } from '../../../src/integrations/out-dir.ts';
import { writeRecord } from '../../../src/integrations/build-record.ts';

const logger = { info: () => {} };
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `files` under `dir`, dated an hour ago (made by an earlier build). */
function written(dir: string, files: string[]) {
  const earlier = new Date(Date.now() - 3_600_000);
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x');
    utimesSync(join(dir, file), earlier, earlier);
  }
}

/**
 * A project folder with a built `dist/` (and, if `completed`, the mark of a build that completed),
 * and the integration's hooks bound to it. `done(kept)` ends the build with the files Astro kept.
 */
function project(files: string[], completed: boolean, leave: RegExp[] = []) {
  root = mkdtempSync(join(tmpdir(), 'out-dir-'));
  const outDir = join(root, 'dist');
  const cacheDir = join(root, 'cache');
  written(outDir, files);
  if (completed) writeRecord(join(cacheDir, COMPLETED), outDir, 'earlier');
  const hooks = reuseOutDir({ leave }).hooks as Record<string, (options: object) => unknown>;
  let config: object = {};
  hooks['astro:config:setup']!({ updateConfig: (update: object) => (config = update) });
  hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cacheDir}/`) } });
  return {
    outDir,
    config: () => config,
    completed: () => existsSync(join(cacheDir, COMPLETED)),
    start: () => hooks['astro:build:start']!({ logger }),
    done: (kept: string[]) => hooks['astro:build:done']!({ logger, assets: new Map([['/[slug]', kept.map((file) => pathToFileURL(join(outDir, file)))]]) }),
  };
}

describe('the output between builds', () => {
  it('tells Astro not to empty dist/', () => {
    expect(project([], false).config()).toEqual({ vite: { build: { emptyOutDir: false } } });
  });

  it('keeps the pages of a build that completed, and removes at the end what this build did not make or keep', async () => {
    const { outDir, start, done, completed } = project(['articles/a/index.html', 'articles/gone/index.html', 'cite/gone.bib', '_astro/old.css'], true);
    start();
    expect(completed()).toBe(false);
    expect(existsSync(join(outDir, 'articles/a/index.html'))).toBe(true);
    // This build writes a new stylesheet and a new page, and Astro keeps the page of `a`.
    writeFileSync(join(outDir, '_astro/new.css'), 'y');
    mkdirSync(join(outDir, 'articles/b'));
    writeFileSync(join(outDir, 'articles/b/index.html'), 'y');
    await done(['articles/a/index.html', 'articles/b/index.html']);
    expect(readdirSync(join(outDir, 'articles')).sort()).toEqual(['a', 'b']);
    expect(readdirSync(join(outDir, '_astro'))).toEqual(['new.css']);
    expect(existsSync(join(outDir, 'cite'))).toBe(false);
    expect(readFileSync(join(outDir, 'articles/a/index.html'), 'utf8')).toBe('x');
    expect(completed()).toBe(true);
  });

  it('leaves to other integrations the files they keep up to date themselves', async () => {
    const { outDir, start, done } = project(['notes/a/index.html', 'notes/a/og.png', 'pagefind/pagefind.js'], true, [/^notes\/[^/]+\/index\.html$/, /^pagefind\//]);
    start();
    await done([]);
    expect(existsSync(join(outDir, 'notes/a/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'notes/a/og.png'))).toBe(false);
  });

  it('moves aside the output of a build that did not complete (or of none), and has removed it when the build is done', async () => {
    const { outDir, start, done } = project(['index.html', 'articles/a/index.html'], false);
    start();
    expect(existsSync(outDir)).toBe(false);
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'y');
    await done([]);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
    expect(readdirSync(outDir)).toEqual(['index.html']);
  });

  it('does not keep the output when the last build that completed wrote another folder with the same cache', async () => {
    const { outDir, start } = project(['articles/a/index.html'], true);
    writeRecord(join(root, 'cache', COMPLETED), join(root, 'dist-subpath'), 'earlier');
    start();
    expect(existsSync(outDir)).toBe(false);
  });

  it('does not keep the output when the mark of the last build cannot be read (an earlier version wrote it)', async () => {
    const { outDir, start } = project(['articles/a/index.html'], true);
    writeFileSync(join(root, 'cache', COMPLETED), outDir);
    start();
    expect(existsSync(outDir)).toBe(false);
  });

  it('leaves a dist/ holding a .git in place, and the .git in it', async () => {
    const { outDir, start, done } = project(['index.html', '.git/HEAD'], false);
    start();
    await done([]);
    expect(existsSync(join(outDir, '.git/HEAD'))).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });

  it('removes what a stopped build left aside', async () => {
    const { start, done } = project(['index.html'], true);
    mkdirSync(join(root, '.dist-being-removed-12345/articles'), { recursive: true });
    start();
    await done([]);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });
});
