import { describe, expect, it } from 'vitest';
import { currentSection } from '../../../src/lib/current-section.ts';

describe('the current section', () => {
  it('is the last whose heading has passed the reading line', () => {
    expect(currentSection([-800, -20, 600], 200)).toBe(1);
    expect(currentSection([-800, -20, 150], 200)).toBe(2);
  });

  it('is none before the first heading reaches the line', () => {
    expect(currentSection([300, 900], 200)).toBe(-1);
    expect(currentSection([], 200)).toBe(-1);
  });

  it('counts a heading exactly on the line as reached', () => {
    expect(currentSection([200], 200)).toBe(0);
  });
});
