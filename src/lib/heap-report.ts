/**
 * A Node process's error output, passed on without V8's report of a full heap. scripts/build.ts
 * (Astro's build) and src/compiler/workers.ts (the compile processes) both run a Node with a heap
 * limit and say in a line of their own when it was too small: the report that follows (the last
 * collections, a native stack) is not the editor's business.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Messages by which V8 and Node say that a heap is full. */
export const OUT_OF_HEAP = /<--- Last few GCs --->|Reached heap limit|JavaScript heap out of memory|ERR_WORKER_OUT_OF_MEMORY/;

/**
 * Writes `input`'s lines to `write` up to V8's report of a full heap, and the report too when
 * `keepReport`; what it returns says, once `input` has ended, whether the heap was full. The blank
 * lines with which the report begins are held until a line shows that they are not its.
 */
export function passHeapReport(input: Readable, write: (text: string) => void, keepReport = false): { readonly outOfHeap: boolean } {
  const seen = { outOfHeap: false };
  let blank = '';
  createInterface({ input }).on('line', (line) => {
    if (OUT_OF_HEAP.test(line)) seen.outOfHeap = true;
    if (seen.outOfHeap && !keepReport) return;
    if (line.trim() === '') {
      blank += '\n';
      return;
    }
    write(`${blank}${line}\n`);
    blank = '';
  });
  return seen;
}
