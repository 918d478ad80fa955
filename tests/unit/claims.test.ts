/**
 * The claims inventories (`content/claims/<slug>.yaml`): well formed, and every claim found where it
 * says it is, with a disposition that points at something that exists.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsInventorySchema } from '../../src/schemas/claims.ts';
import { compileEdition } from '../../src/compiler/index.ts';
import { checkClaims } from '../../src/compiler/check.ts';
import { readClaims } from '../../src/compiler/read.ts';
import { formatProblem } from '../../src/compiler/problems.ts';
import type { ArticleFacts, TermFacts } from '../../src/compiler/model.ts';
import { ROOT } from '../helpers/site.ts';
import type { PassageId } from '../../src/lib/ids.ts';

const CLAIMS = 'content/claims';

const files = existsSync(join(ROOT, CLAIMS)) ? readdirSync(join(ROOT, CLAIMS)).filter((name) => name.endsWith('.yaml')) : [];

describe('the claims schema', () => {
  const claim = { id: 'a-claim', passage: 'some-paragraph', quote: 'the words', kind: 'figure', disposition: { note: 'a-note' } };

  it('accepts a claim with one disposition', () => {
    expect(claimsInventorySchema.safeParse([claim]).success).toBe(true);
  });

  it('rejects a disposition that names both a note and a term', () => {
    expect(claimsInventorySchema.safeParse([{ ...claim, disposition: { note: 'a-note', term: 'a-term' } }]).success).toBe(false);
  });

  it('rejects a claim without a disposition, and one whose reason is empty', () => {
    const { disposition: _omitted, ...bare } = claim;
    expect(claimsInventorySchema.safeParse([bare]).success).toBe(false);
    expect(claimsInventorySchema.safeParse([{ ...claim, disposition: { none: '' } }]).success).toBe(false);
  });

  it('rejects an unknown kind', () => {
    expect(claimsInventorySchema.safeParse([{ ...claim, kind: 'opinion' }]).success).toBe(false);
  });

  it('rejects two claims with the same id, naming the item', () => {
    const result = claimsInventorySchema.safeParse([claim, { ...claim }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('duplicate claim id `a-claim`');
  });
});

describe('the claims inventories, as the compiler checks them', () => {
  it('are all read, each claim found where it says and pointing at something that exists', () => {
    const edition = compileEdition({ root: ROOT, cacheDir: join(mkdtempSync(join(tmpdir(), 'claims-')), 'cache') });
    expect([...edition.claims.keys()].sort()).toEqual(files.map((file) => file.replace(/\.yaml$/, '')).sort());
    expect([...edition.claims.values()].every((claims) => claims.length > 0)).toBe(true);
  });

  it('fail with the file, the line and the fix on a wrong quote, paragraph, note or term', () => {
    const problems = checkClaims(
      [
        {
          slug: 'a-text',
          file: 'content/claims/a-text.yaml',
          digest: '',
          claims: [
            { id: 'a', passage: 'p' as PassageId, quote: 'words it lacks', kind: 'figure', disposition: { note: 'no-such-note' }, line: 4 },
            { id: 'b', passage: 'q' as PassageId, quote: 'the words', kind: 'figure', disposition: { term: 'nat' }, line: 9 },
          ],
        },
      ],
      new Map([['a-text', { slug: 'a-text', file: 'content/articles/a-text.mdx', passages: [{ id: 'p', kind: 'paragraph', text: 'Here are the words.', line: 3 }], notes: [{ id: 'a-note', line: 5 }] } as unknown as ArticleFacts]]),
      [{ id: 'nato' } as TermFacts],
    );
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/claims/a-text.yaml:4:3: claim \`a\` quotes words that paragraph \`p\` does not hold: “words it lacks” [claim-quote]
          Fix: copy the words exactly as the text has them (the page shows them as the copy does, its misspellings included).",
        "content/claims/a-text.yaml:4:3: claim \`a\` is treated by note \`no-such-note\`, which content/articles/a-text.mdx does not have [claim-unknown-note]
          Fix: name a note of the text, or write it.",
        "content/claims/a-text.yaml:9:3: claim \`b\` names the paragraph \`q\`, which content/articles/a-text.mdx does not have [claim-unknown-passage]
          Fix: use the id after the paragraph's caret in content/articles/a-text.mdx. Did you mean \`p\`?",
        "content/claims/a-text.yaml:9:3: claim \`b\` is covered by the glossary entry \`nat\`, which does not exist [claim-unknown-term]
          Fix: name an entry of content/glossary/. Did you mean \`nato\`?",
      ]
    `);
  });
});

describe('a claims file as YAML reads it', () => {
  it('says which forms a disposition takes when it is written wrongly, on its line', () => {
    const claim = (disposition: string) => `- id: a-claim\n  passage: p\n  quote: the words\n  kind: date\n  disposition: { none: "A reason long enough." }\n- id: another-claim\n  passage: p\n  quote: other words\n  kind: date\n  disposition: ${disposition}\n`;
    const problems = (disposition: string) => readClaims(ROOT, 'content/claims/x.yaml', claim(disposition), '').problems.map(formatProblem);
    const forms = 'write exactly one of `{ note: <note id> }` (a note of the text treats the claim), `{ term: <term id> }` (a glossary entry covers it) or `{ none: "<reason>" }` (why it needs no note)';
    const fix = '\n    Fix: correct `another-claim › disposition` as the message says (the fields are described in src/schemas/).';
    expect(problems('{ notes: a-note }')).toEqual([`content/claims/x.yaml:10:16: \`another-claim › disposition\`: \`notes\` is not a disposition (did you mean \`note\`?); ${forms} [frontmatter-invalid]${fix}`]);
    expect(problems('{ note: a-note, term: nato }')).toEqual([`content/claims/x.yaml:10:16: \`another-claim › disposition\`: a claim has one disposition, not both \`note\` and \`term\`; ${forms} [frontmatter-invalid]${fix}`]);
    expect(problems('a-note')).toEqual([`content/claims/x.yaml:10:16: \`another-claim › disposition\`: a disposition is one key and its value; ${forms} [frontmatter-invalid]${fix}`]);
    // A disposition of the right form keeps its own message.
    expect(problems('{ note: A Note }')).toEqual(['content/claims/x.yaml:10:24: `another-claim › disposition.note`: a kebab-case note id, such as `open-skies` [frontmatter-invalid]\n    Fix: correct `another-claim › disposition.note` as the message says (the fields are described in src/schemas/).']);
  });

  it('refuses a value that a # cut short as a comment, naming the line and the fix', () => {
    const source = '- id: a-claim\n  passage: p\n  quote: Launching his #NATO2030 reflection\n  kind: date\n  disposition: { none: "A reason long enough." }\n';
    const read = readClaims(ROOT, 'content/claims/x.yaml', source, '');
    expect(read.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/claims/x.yaml:3:10: the value \`Launching his\` is followed by \`#NATO2030 reflection\`, which YAML reads as a comment, not as part of the value [claims-yaml-comment]
          Fix: put the whole value in double quotes, e.g. quote: "… #NATO2030 …".",
      ]
    `);
  });
});
