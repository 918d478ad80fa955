import { describe, expect, it } from 'vitest';
import { textContent, uniqueSelectors } from '../../../src/lib/text-selectors.ts';

describe('text selectors', () => {
  it('read the text content of compiled HTML, entities decoded, with the offset of each id', () => {
    const { text, ids } = textContent('<p id="a">Tom &#x26; <a href="/x" class="term">Jerry</a>&quot;<svg><path d="M0"></path></svg></p>\n<aside id="note-b"><p>B</p></aside>');
    expect(text).toBe('Tom & Jerry"\nB');
    expect(ids.get('a')).toBe(0);
    expect(ids.get('note-b')).toBe(13);
  });

  it('refuse an entity they cannot read rather than miscount', () => {
    expect(() => textContent('<p>a &hellip; b</p>', 'x.mdx')).toThrowErrorMatchingInlineSnapshot(`[Error: x.mdx: the entity &hellip; is not one the selectors can read. Fix: add it to NAMED in src/lib/text-selectors.ts.]`);
  });

  it('keep the note’s own context when it is already unique', () => {
    const text = 'One two three four five. Six seven.';
    const at = text.indexOf('three');
    expect(uniqueSelectors(text, at, { exact: 'three', prefix: 'two ', suffix: ' four' }, [])).toEqual({ exact: 'three', prefix: 'two ', suffix: ' four', start: 8, end: 13 });
  });

  it('grow the prefix and suffix a word at a time until the quote is found once in the text', () => {
    const text = 'The note quotes: it said no. Later the text: it said no. And more.';
    const at = text.lastIndexOf('said no');
    const selectors = uniqueSelectors(text, at, { exact: 'said no', prefix: 'it ', suffix: '.' }, []);
    expect(selectors.prefix).toBe('text: it ');
    expect(selectors.suffix).toBe('. And');
    expect(text.split(selectors.prefix + selectors.exact + selectors.suffix)).toHaveLength(2);
  });

  it('grow until the quote is in none of the page’s other strings', () => {
    const text = 'a caption of a video here, then more';
    const at = text.indexOf('caption');
    const selectors = uniqueSelectors(text, at, { exact: 'caption', prefix: 'a ', suffix: ' of' }, ['the copy says “a caption of a video” and no more']);
    expect(selectors.suffix).toBe(' of a video here,');
  });

  it('count positions in code points, not UTF-16 units', () => {
    const text = '𝔸 emoji 😀 then the words';
    const at = text.indexOf('the words');
    const { start, end } = uniqueSelectors(text, at, { exact: 'the words', prefix: '', suffix: '' }, []);
    expect([...text].slice(start, end).join('')).toBe('the words');
    expect(start).toBe(15);
  });

  it('count each page on its own when pages with and without surrogate pairs follow one another', () => {
    const plain = 'plain words then the words';
    const paired = '😀😀 then the words 😀';
    const quote = { exact: 'the words', prefix: '', suffix: '' };
    expect(uniqueSelectors(plain, plain.indexOf('the words'), quote, []).start).toBe(17);
    expect(uniqueSelectors(paired, paired.indexOf('the words'), quote, []).start).toBe(8);
    expect(uniqueSelectors(plain, plain.indexOf('the words'), quote, []).start).toBe(17);
    // A quote that holds a pair ends as many code points after its start as it has.
    const emoji = uniqueSelectors(paired, 0, { exact: '😀😀 then', prefix: '', suffix: '' }, []);
    expect([emoji.start, emoji.end]).toEqual([0, 7]);
  });

  it('say so when no context tells two places apart', () => {
    expect(() => uniqueSelectors('same same', 5, { exact: 'same', prefix: '', suffix: '' }, ['same same'], 'note x')).toThrow(/note x: “same” cannot be told apart/);
  });
});
