import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkLedger, droppedFrom, emptyLedger, fingerprint, followChain, parseLedger, readPlainLedger, recordPublished, resolveAlias, serializeLedger, writeLedgerByDocument, writeLedgerInto, writePlainLedgerInto, type Ledger } from '../../../src/lib/ledger.ts';

const published = { articles: { a: { p1: fingerprint('One.'), p2: fingerprint('Two.') } }, terms: { nato: fingerprint('NATO') } };

function ledgerWith(change: (ledger: Ledger) => void): Ledger {
  const ledger = recordPublished(emptyLedger(), published);
  change(ledger);
  return ledger;
}

describe('the anchor ledger', () => {
  it('fingerprints words, not spacing or the shape of quotation marks', () => {
    expect(fingerprint('A “quoted”  text ')).toBe(fingerprint('A "quoted" text'));
    expect(fingerprint('A quoted text')).not.toBe(fingerprint('A quoted test'));
  });

  it('is satisfied when everything recorded is still published', () => {
    expect(checkLedger(recordPublished(emptyLedger(), published), published)).toEqual({ missing: [], unrecorded: [], changed: [] });
  });

  it('reports an anchor that is gone, and accepts it once an alias leads to one that is there', () => {
    const ledger = ledgerWith((l) => (l.articles['a']!['old'] = 'x'));
    expect(checkLedger(ledger, published).missing).toEqual([{ article: 'a', id: 'old', reason: 'it is no longer on the page and has no alias' }]);
    ledger.aliases['a'] = { old: 'p2' };
    expect(checkLedger(ledger, published).missing).toEqual([]);
  });

  it('follows chains of aliases, and refuses one that leads nowhere', () => {
    const ledger = ledgerWith((l) => {
      l.articles['a']!['old'] = 'x';
      l.aliases['a'] = { old: 'older', older: 'p1' };
    });
    expect(resolveAlias(ledger, 'a', 'old')).toBe('p1');
    ledger.aliases['a'] = { old: 'nowhere' };
    expect(checkLedger(ledger, published).missing[0]!.reason).toBe('its alias leads to `nowhere`, which is not on the page either');
    ledger.aliases['a'] = { old: 'old' };
    expect(resolveAlias(ledger, 'a', 'old')).toBeUndefined();
  });

  it('requires a redirect for a renamed article, to a page that is published', () => {
    const renamed = { ...published, articles: { b: published.articles.a } };
    const ledger = recordPublished(emptyLedger(), published);
    expect(checkLedger(ledger, renamed).missing).toEqual([{ article: 'a', id: '', reason: 'the article is no longer published and has no redirect' }]);
    ledger.redirects['a'] = 'c';
    expect(checkLedger(ledger, renamed).missing[0]!.reason).toBe('it redirects to `c`, which is not published');
    ledger.redirects['a'] = 'b';
    expect(checkLedger(ledger, renamed).missing).toEqual([]);
  });

  it('reports a glossary term that is gone', () => {
    const ledger = recordPublished(emptyLedger(), published);
    expect(checkLedger(ledger, { ...published, terms: {} }).missing).toEqual([{ term: 'nato', id: 'nato', reason: 'the glossary entry is gone' }]);
  });

  it('lists new and changed anchors without failing on them, and never forgets one when recording', () => {
    const now = { articles: { a: { p1: fingerprint('One, corrected.'), p3: fingerprint('Three.') } }, terms: published.terms };
    const ledger = recordPublished(emptyLedger(), published);
    ledger.aliases['a'] = { p2: 'p3' };
    const check = checkLedger(ledger, now);
    expect(check.missing).toEqual([]);
    expect(check.unrecorded).toEqual([{ article: 'a', id: 'p3' }]);
    expect(check.changed).toEqual([{ article: 'a', id: 'p1' }]);
    expect(Object.keys(recordPublished(ledger, now).articles['a']!).sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('reads back what it writes', () => {
    const ledger = ledgerWith((l) => {
      l.aliases['a'] = { old: 'p1' };
      l.redirects['z'] = 'a';
    });
    expect(parseLedger(serializeLedger(ledger))).toEqual(ledger);
    expect(parseLedger('')).toEqual(emptyLedger());
  });
});

describe('a chain of redirects or aliases', () => {
  it('ends at the first key with no next step, and says when it goes round', () => {
    const steps: Record<string, string> = { a: 'b', b: 'c', x: 'y', y: 'x' };
    expect(followChain('a', (key) => steps[key])).toEqual({ path: ['a', 'b', 'c'], round: false });
    expect(followChain('x', (key) => steps[key])).toEqual({ path: ['x', 'y', 'x'], round: true });
    expect(followChain('c', (key) => steps[key])).toEqual({ path: ['c'], round: false });
  });

  it('keeps what an editor wrote when it records fingerprints: comments, aliases and the order of the file', () => {
    const text = [
      '# The ledger.',
      'articles:',
      '  b:',
      '    p1: "11111111"',
      '    # an editor\'s note on p2',
      '    p2: 22222222',
      'terms:',
      '  nato: aaaaaaaa',
      'aliases:',
      '  b:',
      '    old: p1 # kept for a link in a tweet',
      'redirects: {}',
      '',
    ].join('\n');
    const recorded = recordPublished(parseLedger(text), { articles: { a: { x: '12345678' }, b: { p2: 'cccccccc', p3: 'dddddddd' } }, terms: { cis: 'eeeeeeee' } });
    expect(writeLedgerInto(text, recorded)).toBe(
      [
        '# The ledger.',
        'articles:',
        '  a:',
        '    x: "12345678"',
        '  b:',
        '    p1: "11111111"',
        '    # an editor\'s note on p2',
        '    p2: cccccccc',
        '    p3: dddddddd',
        'terms:',
        '  cis: eeeeeeee',
        '  nato: aaaaaaaa',
        'aliases:',
        '  b:',
        '    old: p1 # kept for a link in a tweet',
        'redirects: {}',
        '',
      ].join('\n'),
    );
    // Read back, it is the ledger recorded; with nothing new, the file is left as it was.
    expect(parseLedger(writeLedgerInto(text, recorded))).toEqual(recorded);
    expect(writeLedgerInto(text, parseLedger(text))).toBe(text);
  });

  it('writes into an empty flow section in block style, finds a numeric key as the id it is, and starts a file of comments only', () => {
    const recorded = recordPublished(parseLedger('articles: {}\nterms: {}\n'), { articles: { a: { '2014': 'aaaaaaaa', p: 'bbbbbbbb' } }, terms: {} });
    expect(writeLedgerInto('articles: {}\nterms: {}\n', recorded)).toBe('articles:\n  a:\n    "2014": aaaaaaaa\n    p: bbbbbbbb\nterms: {}\n');
    // A hand-written numeric key is the same id, changed in place rather than written twice.
    const handWritten = 'articles:\n  a:\n    2014: cccccccc\n';
    expect(writeLedgerInto(handWritten, recordPublished(parseLedger(handWritten), { articles: { a: { '2014': 'aaaaaaaa' } }, terms: {} }))).toBe('articles:\n  a:\n    2014: aaaaaaaa\n');
    expect(writeLedgerInto('# Only a comment.\n', recordPublished(emptyLedger(), { articles: { a: { p: 'bbbbbbbb' } }, terms: {} }))).toBe('# Only a comment.\n\narticles:\n  a:\n    p: bbbbbbbb\n');
  });

  it('reads a ledger written as npm run ledger writes it line by line, exactly as YAML reads it, and leaves anything else to YAML', () => {
    const asYaml = (text: string) => {
      const data = parse(text) ?? {};
      return { articles: data.articles ?? {}, terms: data.terms ?? {}, aliases: data.aliases ?? {}, redirects: data.redirects ?? {}, ...(data.claims ? { claims: data.claims } : {}) };
    };
    const edition = readFileSync(join(import.meta.dirname, '../../../content/anchors.yaml'), 'utf8');
    const written = '# A comment.\narticles:\n  a:\n    p1: "12345678" # kept for a tweet\n    2014-x: 0a1b2c3d\n  b: {}\nterms:\n  nato: \'abcdef12\'\naliases:\n  a:\n    old: p1\nredirects: {}\n';
    for (const text of [edition, written]) {
      expect(readPlainLedger(text)).toEqual(asYaml(text));
      // …in the same order, which the ledger's file keeps.
      expect(JSON.stringify(readPlainLedger(text))).toBe(JSON.stringify(asYaml(text)));
    }
    // What YAML reads otherwise, or refuses, is not read line by line.
    for (const other of [
      'articles: { a: { p: x } }\n', // a flow map
      'terms:\n  nato: 12345678\n', // a number
      'terms:\n  nato: true\n', // a yes/no
      'terms:\n  nato: 1e5\n',
      'terms:\n  nato: x\n  nato: y\n', // a key written twice
      'terms:\n   nato: x\n', // another indent
      'terms:\n  nato: "a\\"b"\n', // an escape
      'terms:\n  nato:\n', // no value
      'redirect:\n  old: new\n', // not a section
    ]) expect(readPlainLedger(other), other).toBeUndefined();
  });

  it('writes a ledger written as npm run ledger writes it line by line, to the same text as through YAML’s document model', () => {
    const edition = readFileSync(join(import.meta.dirname, '../../../content/anchors.yaml'), 'utf8');
    const slug = Object.keys(parseLedger(edition).articles)[1]!;
    const id = Object.keys(parseLedger(edition).articles[slug]!)[2]!;
    const cases: [string, string, Parameters<typeof recordPublished>[1]][] = [
      // The edition's own ledger: a fingerprint changed, a paragraph added, a text, a term and a claim new.
      ['the edition', edition, { articles: { [slug]: { [id]: 'deadbeef', 'a-new-paragraph': '12345678' }, 'aaa-new-text': { p: 'abcdef12' } }, terms: { 'zz-new-term': '0badf00d', nato: '99999999' }, claims: { 'a-new-claim': 'c1a1c1a1' } }],
      // Nothing new: the file as it was.
      ['nothing new', edition, { articles: {}, terms: {} }],
      ['comments and quoted values', '# The ledger.\narticles:\n  b:\n    p1: "11111111"\n    # an editor\'s note on p2\n    p2: \'22222222\'\n\n  c:\n    q: aaaaaaaa # a comment\nterms:\n  nato: aaaaaaaa\naliases:\n  b:\n    old: p1 # kept for a link in a tweet\nredirects: {}\n', { articles: { a: { x: '12345678' }, b: { p1: 'bbbbbbbb', p2: '33333333', p3: 'dddddddd' }, c: { q: '44444444' } }, terms: { cis: 'eeeeeeee' } }],
      ['inline empty sections', 'articles: {}\nterms: {}\nclaims: {}\n', { articles: { a: { '2014': 'aaaaaaaa', p: 'bbbbbbbb' }, b: {} }, terms: { t: '12121212' }, claims: { c: 'abababab' } }],
      ['an empty article and a numeric key', 'articles:\n  a: {}\n  b:\n    2014: cccccccc\nterms:\n  x: "1"\n', { articles: { a: { p: 'bbbbbbbb' }, b: { '2014': 'aaaaaaaa' } }, terms: { x: '2' } }],
    ];
    for (const [name, text, published] of cases) {
      const recorded = recordPublished(parseLedger(text), published);
      const lines = writePlainLedgerInto(text, recorded);
      expect(lines, name).toBeDefined();
      expect(lines, name).toBe(writeLedgerByDocument(text, recorded));
    }
    // A comment at the file's end stays where it was (the document model put a blank line before it).
    expect(writePlainLedgerInto('articles:\n  a:\n    p: aaaaaaaa\n# the end\n', recordPublished(parseLedger('articles:\n  a:\n    p: aaaaaaaa\n# the end\n'), { articles: { a: { q: 'bbbbbbbb' } }, terms: {} }))).toBe('articles:\n  a:\n    p: aaaaaaaa\n    q: bbbbbbbb\n# the end\n');
    // What it would have to guess is left to the document model.
    const guessed = recordPublished(parseLedger('articles: {} # none yet\n'), { articles: { a: { p: 'bbbbbbbb' } }, terms: {} });
    expect(writePlainLedgerInto('articles: {} # none yet\n', guessed)).toBeUndefined();
    expect(writeLedgerInto('articles: {} # none yet\n', guessed)).toBe(writeLedgerByDocument('articles: {} # none yet\n', guessed));
    expect(writePlainLedgerInto('terms: {}\n', recordPublished(emptyLedger(), { articles: { a: { p: 'b' } }, terms: {} }))).toBeUndefined();
  });

  it('names what the last commit recorded that the ledger no longer does, but an alias or redirect whose old address is published again', () => {
    const committed: Ledger = { articles: { a: { p1: '11111111', p2: '22222222' } }, terms: { nato: 'aaaaaaaa' }, aliases: { a: { old: 'p1', back: 'p2' } }, redirects: { gone: 'a', renamed: 'a' }, claims: { c: 'cccccccc' } };
    const now: Ledger = { articles: { a: { p1: '11111111' } }, terms: {}, aliases: { a: {} }, redirects: {}, claims: {} };
    const published = { articles: { a: { p1: '11111111', back: '33333333' }, renamed: {} }, terms: {} };
    expect(droppedFrom(committed, now, published)).toEqual(['articles › a › p2', 'terms › nato', 'claims › c', 'aliases › a › old', 'redirects › gone']);
    expect(droppedFrom(committed, committed, published)).toEqual([]);
  });
});
