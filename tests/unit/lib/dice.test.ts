import { describe, expect, it } from 'vitest';
import { dice } from '../../../src/lib/dice.ts';

describe('dice', () => {
  it('counts a shared word as often as both lists have it', () => {
    expect(dice(['a', 'b', 'b'], ['b', 'c'])).toBeCloseTo(0.4);
    expect(dice(['b', 'b'], ['b', 'b'])).toBe(1);
    expect(dice(['a'], ['b'])).toBe(0);
    expect(dice([], [])).toBe(1);
  });
});
