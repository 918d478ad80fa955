import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedPages, ONE_INDEX_PAGES, pagefindReads, SHARD_PAGES, shardPath, shardsOf, writeSearchIndex } from '../../../src/integrations/search-index.ts';

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
  it('is one index up to 1,500 pages, and past it shards of nearly equal size, none over the shard size', () => {
    const pages = (count: number) => Array.from({ length: count }, (_, number) => number);
    expect(shardsOf(pages(5), 4, 4).map((shard) => shard.length)).toEqual([3, 2]);
    expect(shardsOf(pages(4), 4, 4)).toEqual([[0, 1, 2, 3]]);
    expect(shardsOf(pages(0), 4, 4)).toEqual([[]]);
    expect(shardsOf(pages(ONE_INDEX_PAGES)).length).toBe(1);
    expect(shardsOf(pages(ONE_INDEX_PAGES + 1)).map((shard) => shard.length)).toEqual([751, 750]);
    const large = shardsOf(pages(5041));
    expect(large.map((shard) => shard.length)).toEqual([841, 841, 841, 841, 841, 836]);
    expect(large.flat()).toEqual(pages(5041));
    expect(Math.max(...large.map((shard) => shard.length))).toBeLessThanOrEqual(SHARD_PAGES);
  });

  it('is written to pagefind/, then pagefind/shard-2/ and on', () => {
    expect([0, 1, 2].map(shardPath)).toEqual(['pagefind', 'pagefind/shard-2', 'pagefind/shard-3']);
  });
});

describe('what Pagefind reads of a page, which keys its shard', () => {
  const page = (ignored: string, rest = '<p>Indexed words.</p>') => `<html><head><title>T</title></head><body><main data-pagefind-body>${rest}${ignored}</main></body></html>`;

  it('leaves out the words of an element Pagefind ignores, and keeps its start tag', () => {
    const before = pagefindReads(page('<details class="cited-by" data-pagefind-ignore=""><summary>Cited in a note</summary><p>Old <q>words</q></p></details>'));
    const after = pagefindReads(page('<details class="cited-by" data-pagefind-ignore=""><summary>Cited in a note</summary><p>New <q>words</q> <br>here</p></details>'));
    expect(after).toBe(before);
    expect(before).toContain('<details class="cited-by" data-pagefind-ignore="">');
    expect(before).not.toContain('Cited in a note');
    expect(pagefindReads(page('', '<p>Other indexed words.</p>'))).not.toBe(pagefindReads(page('')));
  });

  it('keeps whole an ignored element in which Pagefind still reads something: its attributes, a title, an image, an anchor, raw text', () => {
    for (const inside of [
      '<span data-pagefind-meta="author">A</span>',
      '<span data-pagefind-filter="text">A</span>',
      '<h1>A title</h1>',
      '<img src="a.png" alt="A">',
      '<p id="an-anchor">A</p>',
      '<script>const a = "</p>";</script>',
    ]) {
      const html = page(`<div data-pagefind-ignore>${inside}<p>Old words</p></div>`);
      expect(pagefindReads(html), inside).toBe(html);
    }
    // Its own attributes of Pagefind's, beside the one that ignores it.
    const meta = page('<div data-pagefind-ignore data-pagefind-meta="author">Old words</div>');
    expect(pagefindReads(meta)).toBe(meta);
  });

  it('keeps whole what it cannot read for certain: tags that do not close as they open, the attribute’s name in a value', () => {
    for (const html of [
      page('<div data-pagefind-ignore><p>Old words</div>'),
      page('<div data-pagefind-ignore><p>Old words</p>'),
      page('', '<p title="data-pagefind-ignore">Old words</p>'),
      page('', '<p title="<b data-pagefind-ignore>">Old words</p>'),
      page('', '<p>The attribute data-pagefind-ignore, named in the text</p>'),
    ]) expect(pagefindReads(html)).toBe(html);
  });

  it('reads an ignored element inside one it keeps, and passes over void elements, self-closed ones, comments and quoted `>`', () => {
    const html = (words: string) =>
      page(`<section data-pagefind-ignore><li id="claim-a">A claim</li><span data-pagefind-ignore title="a > b"><!-- <p> -->${words}<br><svg><path d="M0"/></svg></span></section>`);
    expect(pagefindReads(html('Old words'))).toBe(pagefindReads(html('New words, and more')));
    expect(pagefindReads(html('Old words'))).toContain('A claim');
  });
});

describe('a shard whose pages changed only where Pagefind does not read', () => {
  it('is not indexed again, and its index is the one Pagefind makes of the changed pages', async () => {
    const dir = site([]);
    const write = (path: string, words: string, cited: string) => {
      mkdirSync(dirname(join(dir, 'site', path)), { recursive: true });
      writeFileSync(join(dir, 'site', path), `<html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><h1>${words}</h1><p id="p1">${words} and more words to find.</p><details data-pagefind-ignore><summary>Cited in a note</summary><p>${cited}</p></details></main></body></html>`);
    };
    write('articles/a-text/index.html', 'Iskander missiles', 'Old words of a note');
    write('articles/b-text/index.html', 'Open Skies', 'Old words of a note');
    const pages = indexedPages(join(dir, 'site'));
    const cache = join(dir, 'cache');
    expect(await writeSearchIndex(join(dir, 'site'), pages, cache, 1, 1)).toEqual({ shards: 2, reused: 0, indexed: 2 });
    write('articles/a-text/index.html', 'Iskander missiles', 'New words of the note, as corrected');
    expect(await writeSearchIndex(join(dir, 'site'), pages, cache, 1, 1)).toEqual({ shards: 2, reused: 2, indexed: 0 });
    const reused = files(join(dir, 'site/pagefind'));
    // The same pages indexed afresh, with no cache: the same index, byte for byte.
    expect(await writeSearchIndex(join(dir, 'site'), pages, join(dir, 'fresh-cache'), 1, 1)).toEqual({ shards: 2, reused: 0, indexed: 2 });
    expect(files(join(dir, 'site/pagefind'))).toEqual(reused);
    write('articles/b-text/index.html', 'Open Skies Treaty', 'Old words of a note');
    expect(await writeSearchIndex(join(dir, 'site'), pages, cache, 1, 1)).toEqual({ shards: 2, reused: 1, indexed: 1 });
  }, 60_000);
});

/** Every file under `dir`, by path, with a digest of its bytes. */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return found;
}
