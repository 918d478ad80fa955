/**
 * Re-importing a text keeps the editor's work: import → annotate (front matter, notes, passages,
 * publish) → a new furniture rule or a corrected raw copy → re-import keeps everything.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { renderBody } from '../../helpers/render-body.ts';
import type { PhrasingContent } from 'mdast';
import { formatProblem, importText, mergeImport, parseRules, type RuleSet } from '../../../src/lib/importer/index.ts';
import { blockToMdx, paragraphToMdx } from '../../../src/lib/importer/serialise.ts';

const SHARE_RULE = 'rules:\n  - id: share-line\n    reason: The site share prompt, not article text.\n    lines: [Share this article]\n';

/** What `npm run import -- <file> --force` does to an existing article. */
function reimport(existing: string, raw: string, rules: RuleSet): string {
  const merged = mergeImport(existing, importText(raw, { sourceFile: 'wire.txt', rules }), { file: 'content/articles/wire.mdx' });
  if (!merged.ok) throw new Error(merged.problems.map(formatProblem).join('\n'));
  return merged.mdx;
}

function splitMdx(mdx: string): { data: Record<string, unknown>; body: string } {
  const end = mdx.indexOf('\n---\n', 4);
  return { data: parseYaml(mdx.slice(4, end)) as Record<string, unknown>, body: mdx.slice(end + 5) };
}

/** What an editor does to a draft: finishes the front matter, publishes, adds notes and passages. */
function annotate(mdx: string, choices: { paragraph: number; from: number; length: number }[]) {
  const { data, body } = splitMdx(mdx);
  const finished = {
    ...data,
    title: 'A hand-written title',
    form: 'News agency report',
    kind: 'news-agency',
    outlets: [{ name: 'Test Agency', kind: 'news-agency', namedBy: 'editors' }],
    authors: ['A. Tester'],
    copy: { ...(data['copy'] as object), from: 'A copy sent by a reader.' },
    summary: 'A short neutral summary.',
    defects: [{ title: 'A defect', detail: 'Something the copy lost, kept as received.' }],
    todo: [],
  } as Record<string, unknown>;
  delete finished['draft'];
  const blocks = body.trim().split('\n\n');
  const notes: { id: string; paragraph: string; passage: string; note: string }[] = [];
  for (const [n, choice] of choices.entries()) {
    const index = blocks.findIndex((block, i) => i >= choice.paragraph % blocks.length && / \^[a-z0-9-]+$/.test(block) && !block.includes('<') && !block.startsWith('Share this'));
    if (index < 0) continue;
    const [, text, id] = / ?(.*) \^([a-z0-9-]+)$/su.exec(blocks[index]!)!;
    const words = text!.split(' ');
    const from = choice.from % words.length;
    const span = words.slice(from, from + 1 + (choice.length % 4));
    // A corrected copy drops the typo: a passage on it could no longer be placed (tested apart).
    if (span.includes('teh')) continue;
    const noteId = `note-${n}`;
    const passage = `<Passage note="${noteId}">${span.join(' ')}</Passage>`;
    blocks[index] = `${[...words.slice(0, from), passage, ...words.slice(from + span.length)].join(' ')} ^${id}`;
    const note = `<Note id="${noteId}" kind="context" added="2026-12-01">\nWhat the record shows, number ${n}.\n\n<Source title="A source" url="https://example.org/${n}" />\n</Note>`;
    blocks.splice(index + 1, 0, note);
    notes.push({ id: id!, paragraph: id!, passage, note });
  }
  return { mdx: `---\n${stringify(finished, { lineWidth: 0 })}---\n\n${blocks.join('\n\n')}\n`, finished, notes };
}

const vocabulary = ['troops', 'border', 'treaty', 'minister', 'said', 'drills', 'Belarus', 'Moscow', 'alliance', 'missile', 'talks', 'sanctions', 'bombers', 'patrol', 'Kyiv', 'the', 'of', 'on'];
const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 6, maxLength: 16 }).map((words) => `${words.join(' ')}.`);
const story = fc.record({
  paragraphs: fc.uniqueArray(sentence, { minLength: 3, maxLength: 10 }),
  shareAt: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 3 }),
  choices: fc.array(fc.record({ paragraph: fc.nat(), from: fc.nat(), length: fc.nat() }), { minLength: 1, maxLength: 5 }),
  typo: fc.option(fc.nat(), { nil: undefined }),
});

function rawOf(paragraphs: string[], shareAt: number[]): string {
  const at = shareAt.map((n) => n % paragraphs.length);
  const blocks = paragraphs.flatMap((p, i) => (at.includes(i) ? [p, 'Share this article'] : [p]));
  return `Wire story title\n\n${blocks.join('\n\n')}\n`;
}

describe('re-importing an annotated article', () => {
  it('keeps the front matter, notes, passages, ids and publication state after a new rule or a corrected copy', () => {
    fc.assert(
      fc.property(story, ({ paragraphs, shareAt, choices, typo }) => {
        const none: RuleSet = { outlets: [], rules: [] };
        const withTypo = typo === undefined ? paragraphs : paragraphs.map((p, i) => (i === typo % paragraphs.length ? p.replace(/ (\S+)$/u, ' teh $1') : p));
        const first = importText(rawOf(withTypo, shareAt), { sourceFile: 'wire.txt', rules: none });
        const annotated = annotate(first.mdx, choices);
        const ids = [...annotated.mdx.matchAll(/ \^([a-z0-9-]+)$/gmu)].map((m) => m[1]);
        const shareIds = new Set(first.blocks.filter((b) => b.block.kind === 'text' && b.block.text === 'Share this article').map((b) => b.id));

        const rules = parseRules(SHARE_RULE, 'content/import-rules/wire.yaml', true);
        const merged = reimport(annotated.mdx, rawOf(paragraphs, shareAt), rules);

        const { data, body } = splitMdx(merged);
        for (const key of ['title', 'form', 'kind', 'outlets', 'authors', 'summary', 'defects', 'todo'] as const) {
          expect(data[key]).toEqual(annotated.finished[key]);
        }
        expect((data['copy'] as { from: string }).from).toBe('A copy sent by a reader.');
        expect(data['draft']).toBeUndefined();
        expect((data['removed'] as { rule: string }[]).map((r) => r.rule)).toEqual(['share-line']);
        for (const id of ids) if (!shareIds.has(id)) expect(body).toMatch(new RegExp(` \\^${id}$`, 'mu'));
        expect(body).not.toContain('Share this article');
        for (const { paragraph, passage, note } of annotated.notes) {
          expect(body).toContain(passage);
          const at = body.indexOf(note);
          expect(at).toBeGreaterThan(0);
          // The note follows its own paragraph: the last id marker before it is that paragraph's.
          const before = [...body.slice(0, at).matchAll(/ \^([a-z0-9-]+)$/gmu)].at(-1)?.[1];
          expect(before).toBe(paragraph);
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
  }, 60_000);
});

/** Renders an article body as the build reads it: its text and the words of each passage. */
async function render(mdx: string) {
  return renderBody(mdx.slice(mdx.indexOf('\n---\n', 4) + 5));
}

const hostile = fc.constantFrom('{', '}', '<', '>', '<b>', '{x}', '*', '_', '`', '[', '](', '&amp;', '\\', '^', ' ^x', '#', '~', '|', '“', '’', 'import', 'export', 'NATO', 'Belarus', 'the', 'said');
const hostileParagraph = fc.array(hostile, { minLength: 4, maxLength: 14 }).map((words) => words.join(' '));

describe('re-importing text that MDX would misread', () => {
  it('puts each passage back on the same characters, escaped, when its paragraph changed', async () => {
    await fc.assert(
      fc.asyncProperty(hostileParagraph, fc.nat(), fc.nat(), async (paragraph, from, length) => {
        const raw = `Title\n\nSome first paragraph here.\n\n${paragraph}\n`;
        const first = importText(raw, { sourceFile: 'x.txt' });
        const block = first.blocks.at(-1)!;
        if (block.block.kind !== 'text') return;
        const text = block.block.text;
        const words = text.split(' ');
        const start = from % words.length;
        const span = words.slice(start, start + 1 + (length % 3)).join(' ');
        const at = words.slice(0, start).join(' ').length + (start > 0 ? 1 : 0);
        // The editor's mark, written as MDX through the same serialiser the importer uses.
        const marked = blockToMdx(
          [
            { type: 'text', value: text.slice(0, at) },
            { type: 'mdxJsxTextElement', name: 'Passage', attributes: [{ type: 'mdxJsxAttribute', name: 'note', value: 'n' }], children: [{ type: 'text', value: span }] },
            { type: 'text', value: text.slice(at + span.length) },
          ].filter((n) => n.type !== 'text' || (n as { value: string }).value !== '') as PhrasingContent[],
          block.id!,
        );
        const existing = first.mdx.replace(`${paragraphToMdx(text, block.id!)}\n`, `${marked}\n`);
        expect(existing).not.toBe(first.mdx);
        // A corrected copy: a word added at the end of the paragraph.
        const merged = mergeImport(existing, importText(`${raw.trimEnd()} amended\n`, { sourceFile: 'x.txt' }), { file: 'x.mdx' });
        if (!merged.ok) throw new Error(merged.problems.map(formatProblem).join('\n'));
        const { text: rendered, passages } = await render(merged.mdx);
        expect(rendered.replace(/\s+/gu, '')).toBe(`Some first paragraph here.${text} amended`.replace(/\s+/gu, ''));
        expect(passages).toEqual([span]);
        // Merging the same import again changes nothing.
        const again = mergeImport(merged.mdx, importText(`${raw.trimEnd()} amended\n`, { sourceFile: 'x.txt' }), { file: 'x.mdx' });
        expect(again.ok && again.mdx).toBe(merged.mdx);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  }, 60_000);
});
