import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { passHeapReport } from '../../../src/lib/heap-report.ts';

const REPORT = ['', '', '<--- Last few GCs --->', '[123:0x1]  5012 ms: Mark-Compact 60.1 (62.3) -> 59.8 (62.3) MB', '', 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', ' 1: 0xb8d0a3 node::Abort() [node]'];

async function pass(lines: string[], keepReport?: boolean): Promise<{ written: string; outOfHeap: boolean }> {
  const input = Readable.from([lines.join('\n') + '\n']);
  let written = '';
  const seen = passHeapReport(input, (text) => (written += text), keepReport);
  await finished(input);
  await new Promise((resolve) => setImmediate(resolve));
  return { written, outOfHeap: seen.outOfHeap };
}

describe('a process’s error output, without V8’s report of a full heap', () => {
  it('passes every line, blank ones included, when the heap was not full', async () => {
    expect(await pass(['warning: one', '', 'error: two'])).toEqual({ written: 'warning: one\n\nerror: two\n', outOfHeap: false });
  });

  it('leaves out the report and the blank lines it begins with, and says the heap was full', async () => {
    expect(await pass(['error: before', ...REPORT])).toEqual({ written: 'error: before\n', outOfHeap: true });
  });

  it('keeps the report when asked to', async () => {
    const { written, outOfHeap } = await pass(['error: before', ...REPORT], true);
    expect(outOfHeap).toBe(true);
    expect(written).toContain('<--- Last few GCs --->');
    expect(written).toContain('node::Abort()');
  });
});
