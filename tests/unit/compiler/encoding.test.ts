/** Where a content file stops being UTF-8 (src/compiler/encoding.ts), and what is kept of one that is. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUtf8 } from '../../../src/compiler/encoding.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function read(bytes: number[] | Buffer) {
  const root = mkdtempSync(join(tmpdir(), 'borderlines-encoding-'));
  roots.push(root);
  writeFileSync(join(root, 'x.md'), Buffer.from(bytes));
  return readUtf8(root, 'x.md');
}

describe('readUtf8', () => {
  it('names the first byte that is not UTF-8, after characters of several bytes that are', () => {
    // "Café" in UTF-8, right before it a windows-1252 closing quote (94): é is complete, the quote is not UTF-8.
    const problem = read([...Buffer.from('line one\nCafé'), 0x94, 0x78]).problem!;
    expect([problem.line, problem.column, problem.reason.slice(0, 45)]).toEqual([2, 5, 'the file is not valid UTF-8 (byte 94 here): r']);
    // A lead byte that its next byte does not continue: é in windows-1252 (E9) before a space.
    const lead = read([...Buffer.from('Caf'), 0xe9, 0x20, 0x61]).problem!;
    expect([lead.line, lead.column, lead.reason.slice(0, 45)]).toEqual([1, 4, 'the file is not valid UTF-8 (byte E9 here): r']);
  });

  it('keeps a byte-order mark in the text, for the check that refuses it', () => {
    expect(read(Buffer.from('\uFEFFterm: x\n')).text).toBe('\uFEFFterm: x\n');
  });
});
