import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARE_DATA_DIR, sharePages } from '../../../src/integrations/share-pages.ts';
import type { SharePage } from '../../../src/lib/share-page.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const SHELL = `<!DOCTYPE html><html lang="en-GB"><head><meta http-equiv="content-security-policy" content="default-src 'self'"><link rel="stylesheet" href="/a.css"></head><body></body></html>`;

const sharePage = (id: string, body = `The note ${id}.`): SharePage => ({
  id,
  url: `https://example.org/notes/${id}/`,
  canonical: `https://example.org/articles/a/#note-${id}`,
  target: `/articles/a/#note-${id}`,
  title: `Note ${id} · Borderlines`,
  description: body,
  share: { title: `Note ${id}`, description: body, image: 'https://example.org/og.png', imageAlt: 'A note', type: 'article' },
  kicker: 'Note 1 · Context',
  quote: '“a passage”',
  body,
  articleTitle: '“A text”',
  articleMeta: '1 May 2021',
});

/** A built site with the data files the share-pages route writes (`parts`, in order); `build()` runs the integration, `again(...parts)` writes other data and runs it again. */
function site(...parts: string[]) {
  root = mkdtempSync(join(tmpdir(), 'share-pages-'));
  const outDir = join(root, 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, '404.html'), SHELL);
  const data = (files: string[]) => {
    mkdirSync(join(outDir, SHARE_DATA_DIR), { recursive: true });
    files.forEach((lines, index) => writeFileSync(join(outDir, SHARE_DATA_DIR, `${index + 1}.jsonl`), lines));
  };
  data(parts);
  const hooks = sharePages().hooks as Record<string, (options: object) => unknown>;
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${root}/cache/`) } });
  const logged: string[] = [];
  const build = () => hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger: { info: (line: string) => logged.push(line) } }) as Promise<void>;
  const again = async (...files: string[]) => {
    data(files);
    await build();
    return logged.at(-1)!;
  };
  return { outDir, build, logged, again };
}

describe('the share pages written after the build', () => {
  it('reads every data file a line at a time and writes a page for every line, however a file is cut into chunks', async () => {
    // Long lines (a file is read in chunks of 64 KB, so lines are cut across chunks), more pages
    // than are written at a time, files numbered past 9, the last line of a
    // file without its newline.
    const pages = Array.from({ length: 330 }, (_, index) => sharePage(`n${index}`, `${'words '.repeat(400)}${index}`));
    const parts = Array.from({ length: 11 }, (_, index) => pages.slice(index * 30, index * 30 + 30).map((page) => JSON.stringify(page)).join('\n') + (index % 2 ? '\n' : ''));
    const { outDir, build, logged } = site(...parts);
    await build();
    expect(readdirSync(join(outDir, 'notes')).length).toBe(330);
    expect(readFileSync(join(outDir, 'notes/n329/index.html'), 'utf8')).toContain(`words 329`);
    expect(existsSync(join(outDir, SHARE_DATA_DIR))).toBe(false);
    expect(logged.at(-1)).toMatch(/^330 share pages in \d+ ms$/);
  });

  it('does not read again a data file unchanged since the last build, unless the site’s shell changed or one of its pages is missing', async () => {
    const lines = (from: number, body = '') => Array.from({ length: 3 }, (_, index) => JSON.stringify(sharePage(`n${from + index}`, `Note ${from + index}${body}`))).join('\n');
    const { outDir, build, again } = site(lines(0), lines(3));
    await build();
    const page = join(outDir, 'notes/n0/index.html');
    expect(await again(lines(0), lines(3))).toMatch(/^6 share pages, 0 written \(2 of 2 data files unchanged, their pages not made again\) in/);
    expect(await again(lines(0), lines(3, ', corrected'))).toMatch(/^6 share pages, 3 written \(1 of 2 data files unchanged, their pages not made again\) in/);
    expect(readFileSync(join(outDir, 'notes/n4/index.html'), 'utf8')).toContain('Note 4, corrected');
    rmSync(page);
    expect(await again(lines(0), lines(3, ', corrected'))).toMatch(/^6 share pages, 1 written \(1 of 2 data files unchanged/);
    expect(existsSync(page)).toBe(true);
    writeFileSync(join(outDir, '404.html'), SHELL.replace('/a.css', '/b.css'));
    expect(await again(lines(0), lines(3, ', corrected'))).toMatch(/^6 share pages in \d+ ms$/);
    expect(readFileSync(page, 'utf8')).toContain('/b.css');
  });

  it('says what is missing when the route wrote no data', async () => {
    const { build } = site();
    await expect(build()).rejects.toThrow(/share-pages\/: no data in .* Fix: keep src\/pages\/share-pages\/\[part\]\.jsonl\.ts/);
  });

  it('names the line of the data file that is not a page', async () => {
    const { build } = site(`${JSON.stringify(sharePage('a'))}\n{"id": "b", "url"\n`);
    await expect(build()).rejects.toThrow(/share-pages\/1\.jsonl:2: not a line of data .* Fix: build again/);
  });
});
