import { describe, expect, it } from 'vitest';
import { encodeDirectivePart, textDirective } from '../../../src/client/text-fragment.ts';

/** Occurrences of a needle in a page's text, as the browser code counts them. */
const countIn = (page: string) => (needle: string) => page.split(needle).length - 1;

describe('text directives', () => {
  it('percent-encodes the characters the directive syntax reserves', () => {
    expect(encodeDirectivePart('Russia-Belarus, 2020 & more')).toBe('Russia%2DBelarus%2C%202020%20%26%20more');
  });

  it('quotes a short passage whole, and a long one by its first and last four words', () => {
    expect(textDirective({ before: '', text: 'Union State', after: '' }, () => 1)).toBe('text=Union%20State');
    const long = 'one two three four five six seven eight nine ten';
    expect(textDirective({ before: '', text: long, after: '' }, () => 1)).toBe('text=one%20two%20three%20four,seven%20eight%20nine%20ten');
  });

  it('adds words before a quotation the page has more than once, until it is the only match', () => {
    const page = 'NATO said this. Later the NATO allies met. Then the NATO envoys spoke.';
    expect(textDirective({ before: 'Then the ', text: 'NATO', after: ' envoys spoke.' }, countIn(page))).toBe('text=Then%20the-,NATO');
  });

  it('adds words after it when there are none before', () => {
    const page = 'NATO allies. NATO envoys.';
    expect(textDirective({ before: '', text: 'NATO', after: ' envoys.' }, countIn(page))).toBe('text=NATO,-envoys.');
  });

  it('stops at three words of context on each side', () => {
    const page = 'a b c d X e f g h. a b c d X e f g h.';
    expect(textDirective({ before: 'a b c d ', text: 'X', after: ' e f g h.' }, countIn(page))).toBe('text=b%20c%20d-,X,-e%20f%20g');
  });
});
