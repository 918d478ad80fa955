import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder } from '../../../src/lib/files.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the files under a folder', () => {
  it('lists every file at every depth, relative to the folder, a folder’s files before its sub-folders’, and only those its test keeps', () => {
    root = mkdtempSync(join(tmpdir(), 'files-'));
    for (const path of ['index.html', 'articles/a/index.html', 'articles/a/og.png', 'notes/n/index.html', '_astro/site.css']) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    mkdirSync(join(root, 'empty'));
    const all = filesUnder(root);
    expect(all[0]).toBe('index.html');
    expect([...all].sort()).toEqual(['_astro/site.css', 'articles/a/index.html', 'articles/a/og.png', 'index.html', 'notes/n/index.html']);
    expect(filesUnder(root, (name) => name.endsWith('.html')).sort()).toEqual(['articles/a/index.html', 'index.html', 'notes/n/index.html']);
  });
});
