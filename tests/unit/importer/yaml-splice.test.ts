import { describe, expect, it } from 'vitest';
import { replaceKeys, replaceScalar } from '../../../src/lib/importer/yaml-splice.ts';

const FRONT = `title: A title
# The editor's comment on the summary.
summary: >-
  A summary folded
  by hand.
removed: []

# A comment before the defects.
defects: []
copy:
  source: a.txt
  from: >-
    Folded
    too.
`;

describe('replaceKeys', () => {
  it('rewrites one key and leaves every other byte, comments and folded text included', () => {
    expect(replaceKeys(FRONT, new Map([['removed', [{ rule: 'footer', occurrences: [{ lines: '7', text: 'Footer' }] }]]]))).toBe(
      FRONT.replace('removed: []\n', 'removed:\n  - rule: footer\n    occurrences:\n      - lines: "7"\n        text: Footer\n'),
    );
  });

  it('adds a missing key at the end', () => {
    expect(replaceKeys('title: A\n', new Map([['sections', []]]))).toBe('title: A\nsections: []\n');
  });
});

describe('replaceScalar', () => {
  it('rewrites a nested scalar in place', () => {
    expect(replaceScalar(FRONT, ['copy', 'source'], 'b.txt')).toBe(FRONT.replace('source: a.txt', 'source: b.txt'));
    expect(replaceScalar(FRONT, ['copy', 'url'], 'https://x.org')).toBeUndefined();
  });
});
