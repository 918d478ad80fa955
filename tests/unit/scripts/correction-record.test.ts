/**
 * `npm run correction` adds a paragraph's published words to a record written before, however the
 * editor laid the record out, and touches nothing else of the file; what it cannot add without
 * rewriting more, it refuses.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addParagraphs } from '../../../scripts/lib/correction-record.ts';

const head = '- item: provenance:t\n  date: 2026-12-07\n';
const other = '# The next record.\n- item: note:n\n  date: 2026-12-06\n  before: |\n    Earlier.\n';
const added = [['p2', 'Second, as published.']] as const;

/** The records of a text, parsed. */
const records = (text: string) => parse(text) as Record<string, unknown>[];

describe('addParagraphs', () => {
  it('adds a field at the record’s end, before the comment and the record after it', () => {
    const result = addParagraphs(`${head}  before: |\n    A.\n${other}`, 0, added);
    expect(result).toEqual({ text: `${head}  before: |\n    A.\n  paragraphs:\n    p2: |\n      Second, as published.\n${other}` });
  });

  it('adds to `paragraphs:` written before `before:`, at its entries’ indentation, leaving `before` as it was', () => {
    const text = `${head}  paragraphs:\n        p1: |\n          First.\n  before: |\n    A.\n${other}`;
    const result = addParagraphs(text, 0, added);
    expect('text' in result && result.text).toBe(`${head}  paragraphs:\n        p1: |\n          First.\n        p2: |\n          Second, as published.\n  before: |\n    A.\n${other}`);
    expect(records('text' in result ? result.text : '')[0]).toEqual({ item: 'provenance:t', date: '2026-12-07', paragraphs: { p1: 'First.\n', p2: 'Second, as published.\n' }, before: 'A.\n' });
  });

  it('fills `paragraphs: {}` and an empty `paragraphs:` in place, with no second key', () => {
    for (const empty of ['  paragraphs: {}\n', '  paragraphs:\n']) {
      const result = addParagraphs(`${head}  before: |\n    A.\n${empty}${other}`, 0, added);
      expect('text' in result && result.text).toBe(`${head}  before: |\n    A.\n  paragraphs:\n    p2: |\n      Second, as published.\n${other}`);
    }
    // At the end of the file, with no line break after it.
    expect(addParagraphs(`${head}  before: |\n    A.\n  paragraphs:`, 0, added)).toEqual({ text: `${head}  before: |\n    A.\n  paragraphs:\n    p2: |\n      Second, as published.\n` });
  });

  it('keeps a file’s Windows line endings', () => {
    const result = addParagraphs(`${head}  before: |\n    A.\n${other}`.replace(/\n/g, '\r\n'), 0, added);
    expect('text' in result && result.text).toBe(`${head}  before: |\n    A.\n  paragraphs:\n    p2: |\n      Second, as published.\n${other}`.replace(/\n/g, '\r\n'));
  });

  it('refuses, changing nothing, a `paragraphs:` written on one line with entries, or a value that is not a map', () => {
    expect(addParagraphs(`${head}  before: |\n    A.\n  paragraphs: { p1: First. }\n`, 0, added)).toEqual({ problem: '`paragraphs:` of the record is not a list of `id: words` lines' });
    expect(addParagraphs(`${head}  before: |\n    A.\n  paragraphs: some words\n`, 0, added)).toEqual({ problem: '`paragraphs:` of the record is not a list of `id: words` lines' });
    expect(addParagraphs(`- { item: provenance:t, date: 2026-12-07, before: A. }\n`, 0, added)).toEqual({ problem: 'the record is not written as a block of `name: value` lines' });
  });

  it('adds to the record it is given, not another', () => {
    const text = `${other}${head}  before: |\n    A.\n`;
    const result = addParagraphs(text, 1, added);
    expect('text' in result && records(result.text)).toEqual([records(other)[0], { item: 'provenance:t', date: '2026-12-07', before: 'A.\n', paragraphs: { p2: 'Second, as published.\n' } }]);
  });
});
