import { describe, expect, it } from 'vitest';
import { attributedQuote, attributedTitle, attributedTitleParts, attributionOf, findingOf, headlineOutlets, innerQuotes } from '../../../src/lib/attribution.ts';

describe('attributed headlines', () => {
  it('attributes a forum thread’s title to the forum, not to the outlets its posts quote', () => {
    const outlets = [{ name: 'Cassiopaea forum' }, { name: 'Reuters', headline: false }, { name: 'TASS', headline: false }, { name: 'DefenceTalk', headline: false }];
    expect(attributedTitle('Lavrov speaks out against NATO at UN', outlets)).toBe('“Lavrov speaks out against NATO at UN” —\u00a0Cassiopaea forum');
    // A passage of its body may be any of them: it is attributed to all.
    expect(attributedQuote('Lavrov said on Friday', outlets)).toBe('“Lavrov said on Friday” —\u00a0Cassiopaea forum and 3 others');
    // Who published the text is still every outlet (the provenance box says so).
    expect(attributionOf(outlets)).toBe('Cassiopaea forum and 3 others');
    // An outlet list that marks none as the headline's keeps them all, rather than attributing it to nobody.
    expect(headlineOutlets([{ name: 'A', headline: false }])).toEqual([{ name: 'A', headline: false }]);
  });

  it('quote a headline in curly marks and attribute it to its outlets', () => {
    expect(attributedTitle('NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus', ['ZeroHedge', 'US Peace Council'])).toBe(
      '“NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus” —\u00a0ZeroHedge, US Peace Council',
    );
  });

  it('accept outlets as objects with a name', () => {
    expect(attributedTitle('Russian bombers fly over Belarus', [{ name: 'Associated Press' }])).toBe('“Russian bombers fly over Belarus” —\u00a0Associated Press');
  });

  it('turn double quotation marks inside the headline, curly or straight, into single ones', () => {
    expect(innerQuotes('NATO stages “mock attacks”')).toBe('NATO stages ‘mock attacks’');
    expect(innerQuotes('"Mock" attacks and "drills"')).toBe('‘Mock’ attacks and ‘drills’');
    expect(attributedTitle('The "threat" (as "seen")', ['X'])).toBe('“The ‘threat’ (as ‘seen’)” —\u00a0X');
  });

  it('name two outlets and count the rest of a longer list', () => {
    expect(attributionOf(['Cassiopaea forum', 'Reuters', 'DefenceTalk', 'Global Research', 'TASS', 'InfoBrics'])).toBe('Cassiopaea forum and 5 others');
    expect(attributionOf(['A', 'B'])).toBe('A, B');
  });

  it('leave out the dash when no outlet is known, and fold runs of white space', () => {
    expect(attributedTitle('A  title\n', [])).toBe('“A title”');
  });

  it('give the parts separately for markup', () => {
    expect(attributedTitleParts('A “b”', ['X'])).toEqual({ title: 'A ‘b’', open: '“', close: '”', by: 'X', text: '“A ‘b’” —\u00a0X' });
  });
});

describe('the finding of a note', () => {
  it('is its first sentence', () => {
    expect(findingOf('The distance matches the US statement. US Air Forces in Europe said so.')).toBe('The distance matches the US statement.');
    expect(findingOf('The line is called the “nine-dash line”. Based on a map…')).toBe('The line is called the “nine-dash line”.');
  });

  it('does not end at a decimal point or an initial inside a word', () => {
    expect(findingOf('It grew to 1.5 million men. Then it stopped.')).toBe('It grew to 1.5 million men.');
  });

  it('does not end at the full stop of a name’s initial or an abbreviation, or inside brackets', () => {
    expect(findingOf("The Secretary of State's first name is Antony (Antony J. Blinken). He met Kuleba.")).toBe("The Secretary of State's first name is Antony (Antony J. Blinken).");
    expect(findingOf('The U.S. Embassy reopened on 5 Feb. 2020. It had been shut.')).toBe('The U.S. Embassy reopened on 5 Feb. 2020.');
    expect(findingOf('Mr. Stoltenberg said so. Then he left.')).toBe('Mr. Stoltenberg said so.');
    expect(findingOf('The count (about 4,600 t. Before the ban) was higher. Later it fell.')).toBe('The count (about 4,600 t. Before the ban) was higher.');
  });

  it('is shortened at a word when the first sentence is long', () => {
    const finding = findingOf(`${'word '.repeat(80)}end.`, 100);
    expect(finding.length).toBeLessThanOrEqual(101);
    expect(finding.endsWith('word…')).toBe(true);
  });
});
