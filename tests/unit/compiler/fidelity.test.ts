/**
 * The text checked against its raw copy (src/compiler/fidelity.ts), on small made-up texts: the
 * cases a real edition meets and the five texts do not.
 */
import { describe, expect, it } from 'vitest';
import { fidelityProblems, type FidelityInput } from '../../../src/compiler/fidelity.ts';
import type { PassageId } from '../../../src/lib/ids.ts';

/** An input whose blocks are the given paragraphs (ids p1, p2, …, on lines 10, 12, …). */
function input(raw: string, blocks: string[], extra: Partial<FidelityInput> = {}): FidelityInput {
  return {
    file: 'content/articles/t.mdx',
    sourceFile: 'content/sources/t.txt',
    raw,
    removed: [],
    received: ['A title'],
    passages: blocks.map((text, index) => ({ id: `p${index + 1}` as PassageId, kind: 'paragraph', text, line: 10 + 2 * index })),
    ...extra,
  };
}
const reasons = (value: FidelityInput) => fidelityProblems(value).map((problem) => `${problem.line ?? '-'}: ${problem.reason}`);

describe('the text against its raw copy', () => {
  it('accepts the text as received, quotation marks, white space and a word broken at a line’s end aside', () => {
    expect(reasons(input('A title\n\nHe said "no" to the hard-\nwrapped   plan.\n', ['He said “no” to the hard-wrapped plan.']))).toEqual([]);
  });

  it('blanks furniture on the lines its rule removed it from, not the same words in the text', () => {
    const raw = 'A title\n\nReuters reported the drills.\n\nReuters\n';
    expect(reasons(input(raw, ['Reuters reported the drills.'], { removed: [{ rule: 'credit', lines: '5', text: 'Reuters' }] }))).toEqual([]);
  });

  it('gives the source’s words where a paragraph parts from them, also at a deleted comma', () => {
    const raw = 'A title\n\nIn the morning of Monday, Russia said nothing at the very start of the talks.\n';
    expect(reasons(input(raw, ['In the morning of Monday Russia said nothing at the very start of the talks.']))).toEqual([
      '10: paragraph ^p1 says “…In the morning of Monday Russia said nothing at the…” where its source (content/sources/t.txt) has “…In the morning of Monday, Russia said nothing at the…”',
    ]);
    expect(reasons(input(raw, ['In the morning of Monday, Russia said something at the very start of the talks.']))).toEqual([
      '10: paragraph ^p1 says “…the morning of Monday, Russia said something at the very start of…” where its source (content/sources/t.txt) has “…the morning of Monday, Russia said nothing at the very start of…”',
    ]);
  });

  it('names the line of the raw copy where words were left out, in a hard-wrapped text and after a repeated line', () => {
    const wrapped = 'A title\n\nThe first sentence is here. The second one runs\nover two lines of the copy.\n';
    expect(reasons(input(wrapped, ['The first sentence is here.']))).toEqual(['-: the article leaves out words of its source (content/sources/t.txt:3): “The second one runs over two lines of the copy.”']);
    const repeated = 'A title\n\nQuote from Anna\nFirst post.\n\nQuote from Anna\nSecond post.\n';
    expect(reasons(input(repeated, ['Quote from Anna First post.', 'Second post.']))).toEqual(['-: the article leaves out words of its source (content/sources/t.txt:6): “Quote from Anna”']);
  });

  it('names a space of another kind, typed for a space or for the source’s no-break space, which looks the same', () => {
    const raw = 'A title\n\nThe Ukrainian capital of Kyiv is just 50 miles from the border, on 10\u00a0February.\n';
    expect(fidelityProblems(input(raw, ['The Ukrainian capital of Kyiv is just 50\u00a0miles from the border, on 10\u00a0February.'])).map((problem) => [problem.line, problem.reason, problem.fix.slice(0, 32)])).toEqual([
      [10, 'paragraph ^p1 has a no-break space (U+00A0) where its source has a space, after “Kyiv is just 50” (content/sources/t.txt:3)', 'put the source\'s space back: cop'],
    ]);
    expect(reasons(input(raw, ['The Ukrainian capital of Kyiv is just 50 miles from the border, on 10 February.']))).toEqual([
      '10: paragraph ^p1 has a space where its source has a no-break space (U+00A0), after “the border, on 10” (content/sources/t.txt:3)',
    ]);
    expect(reasons(input(raw, ['The Ukrainian capital of Kyiv is just 50 miles from the border, on 10\u202fFebruary.']))).toEqual([
      '10: paragraph ^p1 has a narrow no-break space (U+202F) where its source has a no-break space (U+00A0), after “the border, on 10” (content/sources/t.txt:3)',
    ]);
    // Early in a paragraph too, where no six words come before it.
    expect(reasons(input('A title\n\nOn 10\u00a0May it rained.\n', ['On 10 May it rained.']))).toEqual([
      '10: paragraph ^p1 has a space where its source has a no-break space (U+00A0), after “On 10” (content/sources/t.txt:3)',
    ]);
    // Line breaks and runs of spaces stay forgiven beside it.
    expect(reasons(input('A title\n\nOn 10\u00a0May it\n  rained.\n', ['On 10\u00a0May it rained.']))).toEqual([]);
  });

  it('names a paragraph moved out of its source’s order, or said twice, and keeps a paragraph the source itself repeats', () => {
    const raw = 'A title\n\nThe first paragraph of the text.\n\nThe second paragraph of the text.\n\nThe third paragraph of the text.\n\nThe fourth paragraph of the text.\n\nThe fifth paragraph of the text.\n';
    const paragraph = (n: string) => `The ${n} paragraph of the text.`;
    // One paragraph moved to the top: it alone is named, not the four that kept their order.
    expect(reasons(input(raw, ['fifth', 'first', 'second', 'third', 'fourth'].map(paragraph)))).toEqual([
      '10: paragraph ^p1 (“The fifth paragraph of the text.…”) is out of its source\'s order: its source (content/sources/t.txt:11) has it after ^p5 (“The fourth paragraph of the text.…”)',
    ]);
    expect(reasons(input(raw, ['second', 'third', 'fourth', 'fifth', 'first'].map(paragraph)))).toEqual([
      '18: paragraph ^p5 (“The first paragraph of the text.…”) is out of its source\'s order: its source (content/sources/t.txt:3) has it before ^p1 (“The second paragraph of the text.…”)',
    ]);
    expect(reasons(input(raw, ['first', 'second', 'third', 'second', 'fourth', 'fifth'].map(paragraph)))).toEqual([
      '16: paragraph ^p4 (“The second paragraph of the text.…”) is said twice; its source (content/sources/t.txt:5) says it once',
    ]);
    const repeating = 'A title\n\nQuote from Anna\n\nFirst post.\n\nQuote from Anna\n\nSecond post.\n';
    expect(reasons(input(repeating, ['Quote from Anna', 'First post.', 'Quote from Anna', 'Second post.']))).toEqual([]);
    expect(reasons(input(repeating, ['Quote from Anna', 'First post.', 'Quote from Anna', 'Second post.', 'Quote from Anna']))).toEqual([
      '18: paragraph ^p5 (“Quote from Anna…”) is said 3 times; its source (content/sources/t.txt:3) says it twice',
    ]);
  });

  it('forgives a space of any kind at the end of a wrapped line of the copy, which the importer’s reflow trims', () => {
    expect(reasons(input('A title\n\nOn 10\u00a0\nMay it rained.\n', ['On 10 May it rained.']))).toEqual([]);
  });
});
