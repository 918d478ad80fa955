import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clearOutDir } from '../../../src/integrations/clear-out-dir.ts';

const logger = { info: () => {} };
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project folder with a built `dist/`, and the integration's hooks bound to it. */
function project(files: string[]) {
  root = mkdtempSync(join(tmpdir(), 'clear-out-dir-'));
  const outDir = join(root, 'dist');
  for (const file of files) {
    mkdirSync(join(outDir, file, '..'), { recursive: true });
    writeFileSync(join(outDir, file), 'x');
  }
  const hooks = clearOutDir().hooks as Record<string, (options: object) => unknown>;
  hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${outDir}/`) } });
  return { outDir, start: () => hooks['astro:build:start']!({ logger }), done: () => hooks['astro:build:done']!({}) };
}

describe('clearing the last output', () => {
  it('moves dist/ aside when the build starts, so Astro has nothing to empty, and has removed it when the build is done', async () => {
    const { outDir, start, done } = project(['index.html', 'articles/a/index.html']);
    start();
    expect(existsSync(outDir)).toBe(false);
    await done();
    expect(readdirSync(root)).toEqual([]);
  });

  it('leaves a dist/ holding a .git to Astro, which keeps the .git', async () => {
    const { outDir, start, done } = project(['index.html', '.git/HEAD']);
    start();
    await done();
    expect(existsSync(join(outDir, '.git/HEAD'))).toBe(true);
  });

  it('removes what a stopped build left aside', async () => {
    const { start, done } = project(['index.html']);
    mkdirSync(join(root, '.dist-being-removed-12345/articles'), { recursive: true });
    start();
    await done();
    expect(readdirSync(root)).toEqual([]);
  });
});
