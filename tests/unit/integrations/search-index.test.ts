import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedPages } from '../../../src/integrations/search-index.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(paths: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'search-index-'));
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '<html></html>');
  }
  return root;
}

describe('the pages Pagefind reads', () => {
  it('are each text and each term first page, not lists, further pages of mentions or share pages', () => {
    const dir = site([
      'index.html',
      'articles/b-text/index.html',
      'articles/a-text/index.html',
      'articles/a-text/og.png',
      'glossary/index.html',
      'glossary/putin/index.html',
      'glossary/putin/2/index.html',
      'glossary/putin/3/index.html',
      'notes/some-note/index.html',
      'texts/2/index.html',
    ]);
    expect(indexedPages(dir)).toEqual(['articles/a-text/index.html', 'articles/b-text/index.html', 'glossary/putin/index.html']);
  });
});
