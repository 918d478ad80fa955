import { describe, expect, it } from 'vitest';
import { hostOf, originLine, provenanceSummary } from '../../../src/lib/provenance.ts';

const compilation = {
  outlets: [{ name: 'ZeroHedge', namedBy: 'text' as const }, { name: 'US Peace Council', namedBy: 'text' as const }],
  copy: { from: 'A compilation republished ([the page](http://www.envirosagainstwar.org/2020/09/09/x/)).', url: 'http://www.envirosagainstwar.org/2020/09/09/x/' },
  removed: [{ occurrences: [1] }, { occurrences: [1] }],
  defects: [1, 2, 3, 4],
};

describe('the provenance summary', () => {
  it('names outlets, the site the copy came from and counts removals and defects', () => {
    expect(provenanceSummary(compilation)).toEqual({
      outlets: 'ZeroHedge, US Peace Council',
      origin: 'copy from envirosagainstwar.org',
      removed: '2 pieces of furniture removed',
      defects: '4 known defects',
    });
  });

  it('falls back on the first link of the account, then on the original’s address', () => {
    expect(originLine({ ...compilation, copy: { from: 'Page 15 ([the page](https://cassiopaea.org/forum/x))' } })).toBe('copy from cassiopaea.org');
    expect(originLine({ ...compilation, copy: { from: 'A PDF.' }, originalUrl: 'https://www.wsws.org/en/x' })).toBe('copy from wsws.org');
    expect(originLine({ ...compilation, copy: { from: 'Unknown.' } })).toBe('copy of unrecorded origin');
  });

  it('says when the editors, not the copy, named the outlets', () => {
    expect(originLine({ ...compilation, outlets: [{ name: 'AP', namedBy: 'editors' }] })).toBe('copy from envirosagainstwar.org; outlet identified by the editors');
    expect(originLine({ ...compilation, outlets: [{ name: 'A', namedBy: 'editors' }, { name: 'B', namedBy: 'text' }] })).toBe('copy from envirosagainstwar.org; 1 of 2 outlets identified by the editors');
  });

  it('says so when nothing was removed and no defect is known', () => {
    const summary = provenanceSummary({ ...compilation, removed: [], defects: [] });
    expect([summary.removed, summary.defects]).toEqual(['nothing removed', 'no known defects']);
    expect(provenanceSummary({ ...compilation, removed: [{ occurrences: [1] }], defects: [1] }).removed).toBe('1 piece of furniture removed');
  });

  it('reads a host without www., and leaves a bad address as it is', () => {
    expect(hostOf('https://www.wsws.org/en/x')).toBe('wsws.org');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
