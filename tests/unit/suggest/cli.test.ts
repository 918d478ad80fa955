/**
 * `npm run suggest` end to end, on a throw-away copy of the site with the edition's five texts and
 * a draft written for this test (tests/fixtures/suggest/draft.mdx): the real compiler, the real
 * glossary and the real notes of the other texts, and the lines an editor reads.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../../helpers/fixture-site.ts';
import { ROOT } from '../../helpers/site.ts';

const DRAFT = 'content/articles/missiles-for-minsk.mdx';

let site: FixtureSite;
const run = (...args: string[]) => site.node('scripts/suggest.ts', ...args);

describe('npm run suggest', { timeout: 60_000 }, () => {
  beforeAll(() => {
    site = createFixtureSite();
    copyFileSync(join(ROOT, 'tests/fixtures/suggest/draft.mdx'), join(site.dir, DRAFT));
    copyFileSync(join(ROOT, 'tests/fixtures/suggest/missiles-for-minsk.txt'), join(site.dir, 'content/sources/missiles-for-minsk.txt'));
  });
  afterAll(() => site.remove());

  it('lists each kind of suggestion for a draft, with its count, place and fix, and exits 0', () => {
    const { code, output } = run('missiles-for-minsk');
    expect(code).toBe(0);
    const lines = output.split('\n');
    expect(lines[0]).toMatch(/^\d+ suggestions for missiles-for-minsk \(content\/articles\/missiles-for-minsk\.mdx\):$/);
    expect(lines).toContain('Names close to a glossary term, not linked: 4');
    expect(lines).toContain(`  ${DRAFT}:18:38 [^belarus-put-iskandar-missiles]: “Iskandar” is close to “Iskander” (term \`iskander\`) and is not linked`);
    expect(lines).toContain(`  ${DRAFT}:18:96 [^belarus-put-iskandar-missiles]: “Lukashenka” is close to “Lukashenko” (term \`lukashenko\`) and is not linked`);
    expect(lines).toContain(`  ${DRAFT}:20:22 [^kremlin-said-open-skies-precedent]: “Open-Skies” is written otherwise than “Open Skies” (term \`open-skies\`) and is not linked`);
    // After a <Passage>: the column is the file's, not the reader's.
    expect(lines).toContain(`  ${DRAFT}:26:94 [^treaty-1999-cited-both]: “Stoltenburg” is close to “Stoltenberg” (term \`stoltenberg\`) and is not linked`);
    expect(lines).toContain(`      Fix: write \`<Term id="iskander">Iskandar</Term>\` here, or add “Iskandar” to \`aliases\` in content/glossary/iskander.md so that every text links it (if it is a spelling the texts use); \`<NoTerm>Iskandar</NoTerm>\` if it is something else.`);
    // Su-27 is also in the text on NATO's mock missile attacks, and has no entry.
    expect(output).toContain(`  ${DRAFT}:22:5 [^two-su-27-jets-escorted]: the designation “Su-27” (1 time here) has no glossary entry and is also in 1 other text: content/articles/nato-mock-missile-attacks-us-meddles-in-belarus.mdx`);
    expect(output).toMatch(new RegExp(`  ${DRAFT}:20:70 \\[\\^kremlin-said-open-skies-precedent\\]: the acronym “EU” \\(1 time here\\) has no glossary entry and is also in \\d other texts?: `));
    // The draft's note cites the Union State's history page, as two notes of other texts do.
    expect(output).toContain(`  ${DRAFT}:28:1 [^treaty-1999-cited-both]: note \`suggest-fixture-note\` cites https://postkomsg.com/en/historysg, as note \`union-state-founding-1999-2000\` of content/articles/nato-mock-missile-attacks-us-meddles-in-belarus.mdx:`);
    expect(output).toContain('add `See also [the note on …](note:union-state-founding-1999-2000)` to note `suggest-fixture-note`');
    expect(lines).toContain('Paragraphs with figures, dates or quotations and no note: 1');
    expect(lines).toContain(`  ${DRAFT}:24:4 [^on-9-august-2020]: paragraph ^on-9-august-2020 has 1 figure (“1,000”), 1 date (“9 August 2020”), 1 quotation (“we will not leave the streets”), no note`);
  });

  it('names the nearest text for a slug it does not know, and exits 2 without a stack trace', () => {
    const { code, output } = run('russia-new-steps-western-bordr');
    expect(code).toBe(2);
    expect(output).toContain('No text `russia-new-steps-western-bordr` in content/articles/. Did you mean `russia-new-steps-western-border`?');
    expect(output).toContain('Usage: npm run suggest -- <slug>');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('offers the texts whose slug holds a word typed alone', () => {
    const { code, output } = run('lavrov');
    expect(code).toBe(2);
    expect(output).toContain('No text `lavrov` in content/articles/. Did you mean `lavrov-speaks-out-against-nato-at-un`?');
  });

  it('says how to call it when no text is named', () => {
    const { code, output } = run();
    expect(code).toBe(2);
    expect(output.trim().split('\n')).toEqual(['No text named.', "Usage: npm run suggest -- <slug>   (the slug is the article's file name in content/articles/ without .mdx)"]);
  });

  it('is what npm run check points a draft to', () => {
    const { code, output } = site.node('scripts/check.ts');
    expect(code).toBe(0);
    expect(output).toContain(`suggest: \`npm run suggest -- missiles-for-minsk\` lists the names, cross-links and unnoted figures of ${DRAFT} to look at next.`);
  });

  it('lists content errors first, as the check does, and exits 1 without a stack trace', () => {
    site.edit(DRAFT, (text) => text.replace('kind="context"', 'kind="opinion"'));
    try {
      const { code, output } = run('missiles-for-minsk');
      expect(code).toBe(1);
      expect(output.trim()).toMatch(/^1 content error \(fix them first; `npm run check` lists the same\):\ncontent\/articles\/missiles-for-minsk\.mdx:\d+:\d+: /);
      expect(output).toContain('opinion');
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      site.edit(DRAFT, (text) => text.replace('kind="opinion"', 'kind="context"'));
    }
  });

  it('takes the file path as well as the slug', () => {
    const { code, output } = run(DRAFT);
    expect(code).toBe(0);
    expect(output).toContain('suggestions for missiles-for-minsk');
  });
});
