import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedPages, SHARD_PAGES, shardPath, shardsOf } from '../../../src/integrations/search-index.ts';

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
  it('are each text, term and claim page, not lists, further pages of mentions or share pages', () => {
    const dir = site([
      'index.html',
      'articles/b-text/index.html',
      'articles/a-text/index.html',
      'articles/a-text/og.png',
      'glossary/index.html',
      'glossary/putin/index.html',
      'glossary/putin/2/index.html',
      'glossary/putin/3/index.html',
      'claims/open-skies-35/index.html',
      'notes/some-note/index.html',
      'texts/2/index.html',
    ]);
    expect(indexedPages(dir)).toEqual(['articles/a-text/index.html', 'articles/b-text/index.html', 'glossary/putin/index.html', 'claims/open-skies-35/index.html']);
  });
});

describe('the search index in shards', () => {
  it('is one index up to the shard size, and shards of nearly equal size past it, none over the size', () => {
    const pages = (count: number) => Array.from({ length: count }, (_, number) => number);
    expect(shardsOf(pages(5), 4).map((shard) => shard.length)).toEqual([3, 2]);
    expect(shardsOf(pages(4), 4)).toEqual([[0, 1, 2, 3]]);
    expect(shardsOf(pages(0), 4)).toEqual([[]]);
    const large = shardsOf(pages(5041));
    expect(large.map((shard) => shard.length)).toEqual([1261, 1261, 1261, 1258]);
    expect(large.flat()).toEqual(pages(5041));
    expect(Math.max(...large.map((shard) => shard.length))).toBeLessThanOrEqual(SHARD_PAGES);
  });

  it('is written to pagefind/, then pagefind/shard-2/ and on', () => {
    expect([0, 1, 2].map(shardPath)).toEqual(['pagefind', 'pagefind/shard-2', 'pagefind/shard-3']);
  });
});
