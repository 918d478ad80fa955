import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, importText, mergeImport, mergeRuleSets, parseRules, type MergeResult } from '../../../src/lib/importer/index.ts';
import { ROOT } from '../../helpers/site.ts';

const FILE = 'content/articles/wire.mdx';
const RAW = [
  'Bombers fly over Belarus',
  '',
  'MOSCOW (AP) -- Russia sent two bombers on patrol over Belarus on Saturday.',
  '',
  'Share this article',
  '',
  'The flight lasted four hours, the ministry said {in a statement}.',
  '',
  'Lukashenko said the drills would end on 20 February.',
  '',
].join('\n');

const SHARE = parseRules('rules:\n  - id: share-line\n    reason: The site share prompt, not article text.\n    lines: [Share this article]\n', 'content/import-rules/wire.yaml', true);

/** The draft of RAW as an editor finished it: front matter, a passage, a note, published. */
function finished(): string {
  const draft = importText(RAW, { sourceFile: 'wire.txt' }).mdx;
  const body = draft.slice(draft.indexOf('\n---\n', 4) + 5);
  return `---
title: Russian bombers fly over Belarus
titleAsReceived: Bombers fly over Belarus
headerAsReceived: []
form: News agency report
kind: news-agency
outlets:
  - name: Associated Press
    kind: news-agency
authors: []
dates:
  - 2022-02-05
copy:
  source: wire.txt
  from: >-
    A copy sent by a reader, folded by hand
    over two lines.
summary: >-
  An agency report on a bomber patrol.
removed: []
defects: []
sections: []
---
${body
    .replace('the ministry said', '<Passage note="flight-length">the ministry said</Passage>')
    .replace(/(\^flight-lasted-four-hours-ministry\n)/u, `$1\n<Note id="flight-length" kind="context" added="2026-12-01">\nWhat the record shows.\n\n<Source title="A source" url="https://example.org/a" />\n</Note>\n`)}`;
}

function merge(existing: string, raw: string, rules = SHARE): MergeResult {
  return mergeImport(existing, importText(raw, { sourceFile: 'wire.txt', rules }), { file: FILE });
}

function problemsOf(result: MergeResult): string {
  if (result.ok) throw new Error('expected problems, got a merge');
  return result.problems.map(formatProblem).join('\n');
}

describe('mergeImport', () => {
  it('keeps the hand-written front matter byte for byte and rewrites only `removed`', () => {
    const existing = finished();
    const result = merge(existing, RAW);
    if (!result.ok) throw new Error(problemsOf(result));
    const front = (mdx: string) => mdx.slice(0, mdx.indexOf('\n---\n', 4));
    expect(front(result.mdx)).toBe(front(existing).replace('removed: []\n', `removed:
  - rule: share-line
    reason: The site share prompt, not article text.
    occurrences:
      - lines: "5"
        text: Share this article
`));
    expect(result.updated).toEqual(['removed']);
  });

  it('drops the paragraph a new rule removes and keeps every other id, note and passage', () => {
    const existing = finished();
    const result = merge(existing, RAW);
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.dropped).toEqual(['share-article']);
    expect(result.mdx.slice(result.mdx.indexOf('\n---\n', 4) + 5)).toMatchInlineSnapshot(`
      "
      MOSCOW (AP) -- Russia sent two bombers on patrol over Belarus on Saturday. ^russia-sent-two-bombers-patrol

      The flight lasted four hours, <Passage note="flight-length">the ministry said</Passage> \\{in a statement}. ^flight-lasted-four-hours-ministry

      <Note id="flight-length" kind="context" added="2026-12-01">
      What the record shows.

      <Source title="A source" url="https://example.org/a" />
      </Note>

      Lukashenko said the drills would end on 20 February. ^lukashenko-said-drills-end-20
      "
    `);
  });

  it('names the rule that removed a published paragraph and gives the alias to its neighbour, pointing at npm run check', () => {
    const result = merge(finished(), RAW);
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.report.find((line) => line.startsWith('gone from the text'))).toBe(
      [
        'gone from the text: ^share-article (rule `share-line`, source line 5).',
        '  If `npm run ledger` recorded it, `npm run check` asks for an alias: add under `aliases:` in content/anchors.yaml',
        '  (below the line `  wire:` if the article has aliases already):',
        '    wire:',
        '      share-article: russia-sent-two-bombers-patrol',
      ].join('\n'),
    );
  });

  it('carries a passage onto the same words when a corrected copy changes its paragraph', () => {
    const corrected = RAW.replace('lasted four hours', 'lasted nearly four hours').replace('Share this article\n\n', '');
    const result = merge(finished(), corrected, { outlets: [], rules: [] });
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.kept.find((k) => k.id === 'flight-lasted-four-hours-ministry')).toEqual({ id: 'flight-lasted-four-hours-ministry', by: 'similar text' });
    expect(result.mdx).toContain(
      'The flight lasted nearly four hours, <Passage note="flight-length">the ministry said</Passage> \\{in a statement}. ^flight-lasted-four-hours-ministry\n\n<Note id="flight-length"',
    );
  });

  it('keeps a published article published and a draft a draft', () => {
    const published = merge(finished(), RAW);
    expect(published.ok && published.mdx).not.toMatch(/^draft:/mu);
    const draft = merge(importText(RAW, { sourceFile: 'wire.txt' }).mdx, RAW);
    expect(draft.ok && draft.mdx).toMatch(/^draft: true$/mu);
  });

  it('gives a new paragraph a fresh id that no old paragraph had', () => {
    const added = RAW.replace('Lukashenko said', 'Russia sent two bombers on patrol again.\n\nLukashenko said');
    const result = merge(finished(), added);
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.added).toEqual(['russia-sent-two-bombers-patrol-2']);
    expect(result.mdx).toContain('Russia sent two bombers on patrol again. ^russia-sent-two-bombers-patrol-2\n');
  });

  it('carries nested marks and emphasis onto the changed paragraph', () => {
    const existing = finished().replace('Lukashenko said the drills', '<Passage note="drills">*Lukashenko* said the <Term id="zapad">drills</Term></Passage>');
    const result = merge(existing, RAW.replace('on 20 February', 'on 20 February 2022'));
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.mdx).toContain('<Passage note="drills">*Lukashenko* said the <Term id="zapad">drills</Term></Passage> would end on 20 February 2022. ^lukashenko-said-drills-end-20');
  });
});

describe('mergeImport problems', () => {
  it('stops when a new rule removes the paragraph a note follows, naming the note, the rule and the fix', () => {
    const existing = finished()
      .replace('Share this article ^share-article', '<Passage note="on-furniture">Share</Passage> this article ^share-article')
      .replace(' ^share-article', ' ^share-article\n\n<Note id="on-furniture" kind="copy" added="2026-12-01">\nA note.\n\n<Source title="S" url="https://example.org/s" />\n</Note>');
    expect(problemsOf(merge(existing, RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:27:1: <Passage note="on-furniture">: it is in paragraph ^share-article (“Share this article”), which the re-import no longer has: rule \`share-line\` now removes it (source line 5)
        Fix: if the paragraph is text, narrow rule \`share-line\` so it spares it; if it is furniture, move what hangs on it to another paragraph or delete it; then re-run the import.
      content/articles/wire.mdx:29: <Note id="on-furniture">: it follows paragraph ^share-article (“Share this article”), which the re-import no longer has: rule \`share-line\` now removes it (source line 5)
        Fix: if the paragraph is text, narrow rule \`share-line\` so it spares it; if it is furniture, move what hangs on it to another paragraph or delete it; then re-run the import."
    `);
  });

  it('stops when a passage marks words a corrected copy no longer has, and writes nothing', () => {
    const corrected = RAW.replace('the ministry said', 'officials said');
    const result = merge(finished(), corrected);
    expect(result.ok).toBe(false);
    expect(problemsOf(result)).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:29:31: <Passage note="flight-length">: it marks “the ministry said”, words that paragraph ^flight-lasted-four-hours-ministry no longer has after the re-import; the paragraph now reads “The flight lasted four hours, officials said {in a statement}.”
        Fix: mark words that are still in the paragraph (or remove the mark and re-add it after the import), then re-run the import; if the words should be there, correct the raw copy or the rule that removed them."
    `);
  });

  it('stops on a paragraph that lost its id', () => {
    const existing = finished().replace(' ^lukashenko-said-drills-end-20', '');
    expect(problemsOf(merge(existing, RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:37: paragraph: this block has no passage id (\` ^id\` at its end)
        Fix: add its id back (npm run check suggests one), or delete the block if it is not text of the source; then re-run the import."
    `);
  });

  it('stops on a paragraph that is one whole <Passage> and lost its id, rather than adding its words again as a new paragraph', () => {
    const existing = finished().replace(/^(Lukashenko said the drills would end on 20 February\.) \^lukashenko-said-drills-end-20$/mu, '<Passage note="flight-length">$1</Passage>');
    expect(existing).toContain('<Passage note="flight-length">Lukashenko said the drills would end on 20 February.</Passage>\n');
    expect(problemsOf(merge(existing, RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:37: paragraph: this paragraph is one whole <Passage> and has no passage id (\` ^id\` after </Passage>), so MDX reads it as a block and the import could not match it to its words
        Fix: add its id back after the closing tag (npm run check suggests one; git diff shows the one it had); then re-run the import."
    `);
  });

  it('stops on an article that is not valid MDX', () => {
    const existing = finished().replace('Lukashenko said', '{Lukashenko said');
    expect(problemsOf(merge(existing, RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:37:1: MDX: the article is not valid MDX: a \`{\` with no closing \`}\`, which MDX reads as the start of an expression
        Fix: in the text, escape the brace as \`\\{\`; then re-run the import."
    `);
  });

  it('stops when a changed paragraph holds something with no words to find again', () => {
    const existing = finished().replace('Lukashenko said the drills', 'Lukashenko said `the drills`');
    expect(problemsOf(merge(existing, RAW.replace('on 20 February', 'on 21 February')))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:37:17: paragraph ^lukashenko-said-drills-end-20: its words changed in the re-import, and it holds inline \`code\`, which the merge cannot put back on the new words
        Fix: remove it from the paragraph, re-run the import, then add it again."
    `);
  });

  it('stops on an article without front matter', () => {
    expect(problemsOf(merge(finished().slice(4), RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:1: front matter: the file does not start with a \`---\` front-matter block
        Fix: restore the front matter from git (git diff content/articles/wire.mdx shows what changed), or re-import with --replace to start again (the article is backed up first)."
    `);
  });

  it('stops on front matter that is not YAML', () => {
    const existing = finished().replace('kind: news-agency\noutlets', 'kind: [news-agency\noutlets');
    expect(problemsOf(merge(existing, RAW))).toMatchInlineSnapshot(`
      "content/articles/wire.mdx:7:1: front matter: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]
        Fix: fix the front matter there (npm run check shows the same error), then re-run the import."
    `);
  });
});

describe('re-importing the edition', () => {
  const articles = join(ROOT, 'content/articles');
  const rules = (stem: string) => {
    const path = (name: string) => join(ROOT, 'content/import-rules', name);
    const shared = parseRules(readFileSync(path('shared.yaml'), 'utf8'), 'content/import-rules/shared.yaml', false);
    try {
      return mergeRuleSets(shared, parseRules(readFileSync(path(`${stem}.yaml`), 'utf8'), `content/import-rules/${stem}.yaml`, true));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return shared;
      throw error;
    }
  };
  for (const name of readdirSync(articles).filter((n) => n.endsWith('.mdx')).sort()) {
    it(`changes nothing in ${name} when nothing changed`, () => {
      const existing = readFileSync(join(articles, name), 'utf8');
      const source = /^ {2}source: (\S+)$/mu.exec(existing)![1]!;
      const fresh = importText(readFileSync(join(ROOT, 'content/sources', source), 'utf8'), { sourceFile: source, rules: rules(source.replace(/\.txt$/u, '')) });
      const result = mergeImport(existing, fresh, { file: `content/articles/${name}` });
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      expect(result.mdx).toBe(existing);
    });
  }
});

describe('mergeImport on rejoined paragraphs', () => {
  const PDF = 'A report on the border\n\nThe minister said on Monday that the\ntroops sent to the border\n\nPage 2 of 3\n\nwould stay there until the spring,\nofficials added.\n\nAnother paragraph is here, and it\nends here.\n';
  const FOOTER = parseRules('rules:\n  - id: page-footer\n    reason: Page numbers of the PDF, not text.\n    pattern: "^Page \\\\d+ of \\\\d+$"\n', 'content/import-rules/pdf.yaml', true);

  it('carries the marks and notes of a paragraph that a new rule joins to the one before', () => {
    const draft = importText(PDF, { sourceFile: 'pdf.txt' }).mdx
      .replace('would stay there until the spring', '<Passage note="spring">would stay there until the spring</Passage>')
      .replace('officials added. ^page-2-3-stay-until\n', 'officials added. ^page-2-3-stay-until\n\n<Note id="spring" kind="aftermath" added="2026-12-01">\nThey did.\n\n<Source title="S" url="https://example.org/s" />\n</Note>\n');
    const result = mergeImport(draft, importText(PDF, { sourceFile: 'pdf.txt', rules: FOOTER }), { file: 'content/articles/pdf.mdx' });
    if (!result.ok) throw new Error(problemsOf(result));
    expect(result.mdx.slice(result.mdx.indexOf('\n---\n', 4) + 5)).toMatchInlineSnapshot(`
      "
      The minister said on Monday that the troops sent to the border <Passage note="spring">would stay there until the spring</Passage>, officials added. ^minister-said-monday-troops-sent

      <Note id="spring" kind="aftermath" added="2026-12-01">
      They did.

      <Source title="S" url="https://example.org/s" />
      </Note>

      Another paragraph is here, and it ends here. ^another-paragraph-here-ends-here
      "
    `);
    expect(result.report).toContain('^page-2-3-stay-until is now part of ^minister-said-monday-troops-sent');
  });
});
