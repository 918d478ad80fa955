/** An unclosed quotation in YAML is placed where it opens (src/compiler/frontmatter.ts, unclosedQuote). */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { unclosedQuote } from '../../../src/compiler/frontmatter.ts';

const placed = (yaml: string) => unclosedQuote(yaml, parseDocument(yaml).errors[0]!.pos[0]);

describe('unclosedQuote', () => {
  it('names the value that opens the quotation, not a value quoted over lines or a quote inside a block', () => {
    expect(placed('title: "A long\n  headline"\nform: "News agency report\nkind: news\n')).toEqual({ line: 3, col: 7, mark: '`"`' });
    expect(placed('before: |\n  "A quoted paragraph.\nitem: \'note:x\nb: 2\n')).toEqual({ line: 3, col: 7, mark: "`'`" });
    expect(placed('a: "x \\" y\nb: 2\n')).toEqual({ line: 1, col: 4, mark: '`"`' });
  });
});
