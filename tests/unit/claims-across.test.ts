/**
 * Claims across texts: which statements get a claim page and under which id, the registry of
 * cross-text claims as the compiler checks it, and claim ids as permalinks in the anchor ledger.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimGroups, claimHistory, findingFacets, goneClaims, pieceOf, publishedClaims, topFacets } from '../../src/lib/claims.ts';
import { crossClaimsSchema, type Claim, type CrossClaim } from '../../src/schemas/claims.ts';
import { checkCrossClaims, readCrossClaims } from '../../src/compiler/claims-across.ts';
import { compileEdition } from '../../src/compiler/index.ts';
import { formatProblem } from '../../src/compiler/problems.ts';
import { parseLedger, recordPublished, serializeLedger, emptyLedger } from '../../src/lib/ledger.ts';
import type { ClaimsFacts } from '../../src/compiler/model.ts';
import type { PassageId } from '../../src/lib/ids.ts';
import { ROOT } from '../helpers/site.ts';

const statement = (id: string, more: Partial<Claim> = {}): Claim => ({ id, passage: 'p' as PassageId, quote: `the words of ${id}`, kind: 'date', disposition: { note: 'a-note' }, ...more });
const entry = (id: string, more: Partial<CrossClaim> = {}): CrossClaim => ({ id, claim: `The claim ${id}, in neutral words.`, added: '2026-12-03', history: [], aliases: [], ...more });

describe('claim pages', () => {
  it('joins statements of two texts that name one cross-text claim under its id, in the order of the texts', () => {
    const groups = claimGroups(new Map([['a', [statement('in-1999', { claim: 'union-state' })]], ['b', [statement('in-2000', { claim: 'union-state' })]]]), [entry('union-state')]);
    expect(groups.map((group) => [group.id, group.items.map((item) => `${item.slug}:${item.claim.id}`)])).toEqual([['union-state', ['a:in-1999', 'b:in-2000']]]);
  });

  it('gives a statement treated by a note a page under its own id, and none to one the glossary covers or no note treats', () => {
    const groups = claimGroups(new Map([['a', [statement('noted'), statement('glossed', { disposition: { term: 'nato' } }), statement('left', { disposition: { none: 'A reason long enough.' } })]]]), []);
    expect(groups.map((group) => group.id)).toEqual(['noted']);
  });

  it('does not give one id two pages: the first statement keeps it', () => {
    const groups = claimGroups(new Map([['a', [statement('same')]], ['b', [statement('same')]]]), []);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.items[0]!.slug).toBe('a');
  });

  it('records each page in the ledger by the fingerprint of its neutral wording, or of the text\'s words when it has none', () => {
    const groups = claimGroups(new Map([['a', [statement('x', { claim: 'joined' }), statement('alone')]]]), [entry('joined')]);
    const published = publishedClaims(groups);
    expect(Object.keys(published)).toEqual(['joined', 'alone']);
    expect(published['joined']).not.toBe(published['alone']);
  });

  it('counts a recorded claim gone when no page and no alias has its id, and alive when an entry keeps it as an alias', () => {
    const inventories = new Map([['a', [statement('x', { claim: 'joined' })]]]);
    expect(goneClaims({ joined: '1', 'old-id': '2' }, claimGroups(inventories, [entry('joined')]))).toEqual(['old-id']);
    expect(goneClaims({ joined: '1', 'old-id': '2' }, claimGroups(inventories, [entry('joined', { aliases: ['old-id'] })]))).toEqual([]);
  });
});

describe('the piece a passage is in', () => {
  const order = ['intro', 'h1', 'p1', 'h2', 'p2'];
  const sections = [{ heading: 'h1', outlet: 'Reuters', date: '2020-05-22' }, { heading: 'h2', outlet: 'TASS', date: '2020-07-10' }];
  it('is the last section heading before it, with the piece\'s outlet and date', () => {
    expect(pieceOf(order, sections, 'p2', { outlet: 'Forum', date: '2020-05-14' })).toEqual({ outlet: 'TASS', date: '2020-07-10', heading: 'h2' });
  });
  it('is the text itself before the first piece', () => {
    expect(pieceOf(order, sections, 'intro', { outlet: 'Forum', date: '2020-05-14' })).toEqual({ outlet: 'Forum', date: '2020-05-14' });
  });
  it('begins at a lead pasted above the heading, so that the lead is not taken for the end of the piece before it', () => {
    const order = ['h1', 'p1', 'lead', 'h2', 'p2'];
    const led = [sections[0]!, { ...sections[1]!, lead: 'lead' }];
    expect(pieceOf(order, led, 'lead', { outlet: 'Forum' })).toMatchObject({ outlet: 'TASS', heading: 'h2' });
    expect(pieceOf(order, led, 'p1', { outlet: 'Forum' })).toMatchObject({ outlet: 'Reuters', heading: 'h1' });
    expect(pieceOf(order, sections, 'lead', { outlet: 'Forum' })).toMatchObject({ outlet: 'Reuters' });
  });
});

describe('the claims index', () => {
  it('files a claim under the findings of its fact-checks, else under how it is treated', () => {
    expect(findingFacets(['imprecise', undefined, 'accurate', 'imprecise'], true, false)).toEqual(['accurate', 'imprecise']);
    expect(findingFacets([undefined], true, true)).toEqual(['noted']);
    expect(findingFacets([], false, true)).toEqual(['glossary']);
    expect(findingFacets([], false, false)).toEqual(['open']);
  });

  it('shows at most a fixed number of filters of a growing facet, those with most claims first', () => {
    const counts = new Map(Array.from({ length: 40 }, (_, index) => [`term-${String(index).padStart(2, '0')}`, index % 7] as const));
    const shown = topFacets(counts, (value) => value, 12);
    expect(shown).toHaveLength(12);
    expect(shown[0]!.count).toBe(6);
    expect(shown.every((facet, index) => index === 0 || shown[index - 1]!.count >= facet.count)).toBe(true);
  });

  it('puts a claim\'s history in date order, keeping the order of events of one day', () => {
    expect(claimHistory([{ date: '2026-12-03', what: 'b' }, { date: '2026-11-22', what: 'a' }, { date: '2026-12-03', what: 'c' }]).map((event) => event.what)).toEqual(['a', 'b', 'c']);
  });
});

describe('the registry of cross-text claims', () => {
  it('refuses two entries with one id, an alias that is another entry\'s id, and a claim without neutral words', () => {
    expect(crossClaimsSchema.safeParse([entry('a'), entry('a')]).success).toBe(false);
    expect(crossClaimsSchema.safeParse([entry('a'), entry('b', { aliases: ['a'] })]).success).toBe(false);
    expect(crossClaimsSchema.safeParse([{ ...entry('a'), claim: '' }]).success).toBe(false);
    expect(crossClaimsSchema.safeParse([entry('a'), entry('b', { aliases: ['c'] })]).success).toBe(true);
  });

  function site(registry: string, ledger?: string): string {
    const root = mkdtempSync(join(tmpdir(), 'claims-across-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content/claims-across.yaml'), registry);
    if (ledger) writeFileSync(join(root, 'content/anchors.yaml'), ledger);
    return root;
  }
  const inventory = (claims: (Claim & { line: number })[]): ClaimsFacts => ({ slug: 'a-text', file: 'content/claims/a-text.yaml', digest: '', claims });

  it('fails with the file, the line and the fix on an unknown cross-text claim, an unused entry, a page id given twice and a published claim gone', () => {
    const root = site(
      '- id: union-state\n  claim: The Union State was founded in 1999 or 2000.\n  added: 2026-12-03\n- id: unused-claim\n  claim: A claim no statement makes.\n  added: 2026-12-03\n',
      'articles: {}\nterms: {}\naliases: {}\nredirects: {}\nclaims:\n  union-state: "1"\n  a-page-once: "2"\n',
    );
    const read = readCrossClaims(root);
    expect(read.problems).toEqual([]);
    const problems = checkCrossClaims(read.claims, [inventory([{ ...statement('x', { claim: 'union-stat' }), line: 4 }, { ...statement('union-state'), line: 10 }, { ...statement('joined', { claim: 'union-state' }), line: 16 }])], root, parseLedger(readFileSync(join(root, 'content/anchors.yaml'), 'utf8')));
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/claims/a-text.yaml:4:3: claim \`x\` joins the cross-text claim \`union-stat\`, which content/claims-across.yaml does not have [claim-unknown-cross-claim]
          Fix: name an entry of content/claims-across.yaml, or add one (id, claim in neutral words, added). Did you mean \`union-state\`?",
        "content/claims/a-text.yaml:10:3: claim \`union-state\` has a note, so it gets the page /claims/union-state/, but that id is a cross-text claim of content/claims-across.yaml [claim-page-taken]
          Fix: if it is the same claim, add \`claim: union-state\`; if not, give this statement another id.",
        "content/claims-across.yaml:4:3: the cross-text claim \`unused-claim\` is made by no statement of the inventories [cross-claim-unused]
          Fix: add \`claim: unused-claim\` to each statement of content/claims/<slug>.yaml that makes it (a published claim stays: its page is in the anchor ledger).",
        "content/anchors.yaml:7:1: the claim page /claims/a-page-once/ was published, but no claim has that id now [claim-gone]
          Fix: restore the statement or the entry of content/claims-across.yaml with the id \`a-page-once\`; if it was joined into another claim, add it under that claim's \`aliases:\` in content/claims-across.yaml, so that its page leads there.",
      ]
    `);
  });

  it('places a published claim whose statement lost its note on the statement, saying why its page went', () => {
    const root = site('[]\n', 'articles: {}\nterms: {}\naliases: {}\nredirects: {}\nclaims:\n  kharkiv-25-km: "1"\n');
    const problems = checkCrossClaims([], [inventory([{ ...statement('kharkiv-25-km', { disposition: { none: 'An estimate, attributed.' } }), line: 121 }])], root, parseLedger(readFileSync(join(root, 'content/anchors.yaml'), 'utf8')));
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/claims/a-text.yaml:121:3: the claim page /claims/kharkiv-25-km/ was published, but statement \`kharkiv-25-km\` no longer gets one: its disposition is now \`none\`, and a statement has a page only when a note treats it or several texts make it (content/anchors.yaml records the page) [claim-gone]
          Fix: give it back \`disposition: { note: <id of the note that treats it> }\`; if the note no longer treats it, join the statement to a claim that keeps a page (\`claim: <id>\` and the id under that claim's \`aliases:\` in content/claims-across.yaml), so that links to /claims/kharkiv-25-km/ still lead somewhere.",
      ]
    `);
  });

  it('places a malformed entry on its line', () => {
    const read = readCrossClaims(site('- id: Union State\n  claim: The Union State was founded in 1999 or 2000.\n  added: 2026-12-03\n'));
    expect(read.problems.map(formatProblem).join('\n')).toMatch(/^content\/claims-across\.yaml:1:\d+: .*kebab-case/);
  });
});

describe('claim ids in the anchor ledger', () => {
  it('are recorded by `npm run ledger` and read back, and never dropped when a claim is no longer published', () => {
    const once = recordPublished(emptyLedger(), { articles: {}, terms: {}, claims: { 'union-state': 'abc' } });
    const again = recordPublished(parseLedger(serializeLedger(once)), { articles: {}, terms: {}, claims: {} });
    expect(parseLedger(serializeLedger(again)).claims).toEqual({ 'union-state': 'abc' });
  });

  it('hold every claim page of the edition as it is compiled now', () => {
    const edition = compileEdition({ root: ROOT, cacheDir: join(mkdtempSync(join(tmpdir(), 'claims-ledger-')), 'cache') });
    const ledger = parseLedger(readFileSync(join(ROOT, 'content/anchors.yaml'), 'utf8'));
    expect(Object.keys(edition.published.claims ?? {}).filter((id) => ledger.claims?.[id] === undefined)).toEqual([]);
    expect(Object.keys(edition.published.claims ?? {})).toContain('union-state-founding-year');
  });
});
