import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from '../../../src/integrations/security-headers.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;
const page = (body: string) => `<!DOCTYPE html><html><head>${POLICY}</head><body>${body}</body></html>`;

/** A built site and the integration's hooks bound to it; `build()` runs its check and returns what it logged. */
function site(pages: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'security-headers-'));
  const outDir = join(root, 'dist');
  const write = (path: string, html: string) => {
    mkdirSync(join(outDir, path, '..'), { recursive: true });
    writeFileSync(join(outDir, path), html);
  };
  for (const [path, html] of Object.entries(pages)) write(path, html);
  const hooks = securityHeaders().hooks as Record<string, (options: object) => unknown>;
  hooks['astro:config:done']!({ config: { base: '/', cacheDir: pathToFileURL(`${root}/cache/`) } });
  const build = () => {
    const logged: string[] = [];
    hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger: { info: (line: string) => logged.push(line) } });
    return logged.join('\n');
  };
  return { outDir, write, build };
}

describe('the policy check between builds', () => {
  it('reads again only the pages that changed, and writes the same headers', () => {
    const { outDir, write, build } = site({ 'index.html': page('<p>a</p>'), 'articles/a/index.html': page('<p>b</p>') });
    expect(build()).toBe('_headers: one policy for 2 pages');
    const headers = readFileSync(join(outDir, '_headers'), 'utf8');
    expect(build()).toBe('_headers: one policy for 2 pages (0 read, the others unchanged since the last build)');
    write('index.html', page('<p>a, changed</p>'));
    expect(build()).toBe('_headers: one policy for 2 pages (1 read, the others unchanged since the last build)');
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toBe(headers);
  });

  it('still fails, naming the page, when a page it did not read again breaks the policy', () => {
    const { build, outDir } = site({ 'index.html': page('<p style="color: red">a</p>') });
    expect(build).toThrow(/index\.html: a style="…" attribute/);
    expect(build).toThrow(/index\.html: a style="…" attribute/);
    // Mended: the page is read again (its time changed), and passes.
    writeFileSync(join(outDir, 'index.html'), page('<p class="x">a</p>'));
    utimesSync(join(outDir, 'index.html'), new Date(0), new Date(0));
    expect(build()).toBe('_headers: one policy for 1 pages');
  });
});
