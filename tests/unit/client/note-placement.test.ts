/**
 * Placing margin notes: level with their passages where there is room, a crowded run sharing the
 * shift, never overlapping, never above the text's top or below its end.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { place } from '../../../src/client/note-placement.ts';

const bounds = { gap: 10, start: 0, end: 1000 };

describe('placing margin notes', () => {
  it('puts each note level with its passage when the margin has room', () => {
    expect(place([{ at: 0, height: 50 }, { at: 100, height: 50 }, { at: 400, height: 80 }], bounds)).toEqual([0, 100, 400]);
  });

  it('shares the shift among the notes of a crowded run instead of pushing the last far down', () => {
    // Three passages 20 px apart, notes 50 px tall: the middle one stays, the others move 40 px.
    expect(place([{ at: 100, height: 50 }, { at: 120, height: 50 }, { at: 140, height: 50 }], bounds)).toEqual([60, 120, 180]);
  });

  it('lets an opened note keep its place, the others making room', () => {
    const tops = place([{ at: 100, height: 50 }, { at: 120, height: 300, weight: 50 }], bounds);
    expect(tops[1]).toBeCloseTo(120 + 40 / 51, 5);
    expect(tops[0]).toBeCloseTo(tops[1]! - 60, 5);
  });

  it('keeps notes below the top of the text and above its end', () => {
    expect(place([{ at: -30, height: 50 }], bounds)).toEqual([0]);
    expect(place([{ at: 900, height: 50 }, { at: 990, height: 50 }], bounds)).toEqual([890, 950]);
  });

  it('lets notes run on below the text only when they cannot fit beside it', () => {
    expect(place([{ at: 0, height: 600 }, { at: 10, height: 600 }], bounds)).toEqual([0, 610]);
  });

  it('never overlaps and never reorders, whatever the passages and heights', () => {
    const note = fc.record({ at: fc.integer({ min: -100, max: 3000 }), height: fc.integer({ min: 1, max: 400 }), weight: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 30 }), (notes) => {
        const sorted = [...notes].sort((a, b) => a.at - b.at);
        const tops = place(sorted, { gap: 8, start: 0, end: 3000 });
        expect(tops).toHaveLength(sorted.length);
        tops.forEach((top, i) => {
          expect(top).toBeGreaterThanOrEqual(-1e-6);
          if (i > 0) expect(top).toBeGreaterThanOrEqual(tops[i - 1]! + sorted[i - 1]!.height + 8 - 1e-6);
        });
        const total = sorted.reduce((sum, n) => sum + n.height + 8, -8);
        if (sorted.length > 0 && total <= 3000) expect(tops.at(-1)! + sorted.at(-1)!.height).toBeLessThanOrEqual(3000 + 1e-6);
      }),
    );
  });
});
