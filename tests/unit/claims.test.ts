/**
 * The claims inventories (`content/claims/<slug>.yaml`): well formed, and every claim found where it
 * says it is, with a disposition that points at something that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { claimsInventorySchema, type ClaimsInventory } from '../../src/schemas/claims.ts';

const CLAIMS = 'content/claims';
const ARTICLES = 'content/articles';
const GLOSSARY = 'content/glossary';

const files = existsSync(CLAIMS) ? readdirSync(CLAIMS).filter((name) => name.endsWith('.yaml')) : [];

/** The paragraphs of an article's MDX by passage id, as plain text (components and notes removed). */
function paragraphs(slug: string): Map<string, string> {
  const mdx = readFileSync(join(ARTICLES, `${slug}.mdx`), 'utf8').replace(/<Note [\s\S]*?<\/Note>/g, '');
  const byId = new Map<string, string>();
  for (const line of mdx.split('\n')) {
    const match = / \^([a-z0-9-]+)$/.exec(line);
    if (!match) continue;
    const text = line
      .slice(0, match.index)
      .replace(/<\/?(?:Passage|Term|NoTerm)\b[^>]*>/g, '')
      .replace(/\\([[\]{}<>*_])/g, '$1');
    byId.set(match[1]!, text);
  }
  return byId;
}

function noteIds(slug: string): Set<string> {
  const mdx = readFileSync(join(ARTICLES, `${slug}.mdx`), 'utf8');
  return new Set([...mdx.matchAll(/<Note id="([^"]+)"/g)].map((match) => match[1]!));
}

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

describe.each(files)('the claims inventory %s', (file) => {
  const slug = file.replace(/\.yaml$/, '');
  const raw = parse(readFileSync(join(CLAIMS, file), 'utf8'));

  it('belongs to an article of the edition', () => {
    expect(existsSync(join(ARTICLES, `${slug}.mdx`)), `no content/articles/${slug}.mdx`).toBe(true);
  });

  it('matches the schema', () => {
    const result = claimsInventorySchema.safeParse(raw);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('quotes each claim exactly from the paragraph it names', () => {
    const byId = paragraphs(slug);
    for (const claim of raw as ClaimsInventory) {
      const text = byId.get(claim.passage);
      expect(text, `${file}: ${claim.id}: no paragraph ^${claim.passage}`).toBeDefined();
      expect(text!.includes(claim.quote), `${file}: ${claim.id}: quote not in ^${claim.passage}`).toBe(true);
    }
  });

  it('points each disposition at a note of the same article or an existing glossary entry', () => {
    const notes = noteIds(slug);
    for (const claim of raw as ClaimsInventory) {
      const disposition = claim.disposition;
      if ('note' in disposition) expect(notes.has(disposition.note), `${file}: ${claim.id}: no note ${disposition.note}`).toBe(true);
      if ('term' in disposition) expect(existsSync(join(GLOSSARY, `${disposition.term}.md`)), `${file}: ${claim.id}: no term ${disposition.term}`).toBe(true);
    }
  });
});
