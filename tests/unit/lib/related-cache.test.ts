import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relatedOfAll } from '../../../src/data/related.ts';
import { relatedTexts } from '../../../src/lib/related.ts';

let cacheDir = '';
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const sets = (extra: string[] = []) => [
  { id: 'a', terms: new Set(['union-state', 'nato', ...extra]) },
  { id: 'b', terms: new Set(['union-state', 'nato']) },
  { id: 'c', terms: new Set(['nato', 'iskander']) },
  { id: 'd', terms: new Set(['iskander', 'nato', ...extra]) },
];

describe('the related texts, kept between builds', () => {
  it('ranks as the index does, keeps the result, and ranks again when a text’s terms or the code change', () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'related-'));
    const compiled = { cacheDir, code: 'code-1' };
    const first = relatedOfAll(sets(), compiled);
    for (const { id } of sets()) expect(first.get(id)).toEqual(relatedTexts(id, sets(), 5));
    // What is kept is what the next build reads: marked, to see it read rather than ranked again.
    const mark = () => {
      const [file] = readdirSync(join(cacheDir, 'related'));
      const kept = JSON.parse(readFileSync(join(cacheDir, 'related', file!), 'utf8')) as [string, unknown[]][];
      writeFileSync(join(cacheDir, 'related', file!), JSON.stringify(kept.map(([id]) => [id, [{ id: 'kept', score: 0, shared: [] }]])));
    };
    const MARKED = [{ id: 'kept', score: 0, shared: [] }];
    mark();
    expect(relatedOfAll(sets(), compiled).get('a')).toEqual(MARKED);
    // Two terms more in two texts: ranked again (a and d now share two rare terms), the old entry gone.
    const more = ['zapad', 'kaliningrad'];
    const changed = relatedOfAll(sets(more), compiled);
    expect(changed.get('a')).toEqual(relatedTexts('a', sets(more), 5));
    expect(changed.get('a')![0]!.id).toBe('d');
    expect(readdirSync(join(cacheDir, 'related'))).toHaveLength(1);
    // Other code ranks again.
    mark();
    expect(relatedOfAll(sets(more), compiled).get('a')).toEqual(MARKED);
    expect(relatedOfAll(sets(more), { cacheDir, code: 'code-2' }).get('a')).toEqual(relatedTexts('a', sets(more), 5));
  });
});
