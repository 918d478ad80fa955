/**
 * A YAML line indented with a tab is named as such (src/compiler/frontmatter.ts), and only when the
 * tab is the error: a tab inside a block of text, where YAML allows it, leaves the real error told.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { readFrontmatter } from '../../../src/compiler/frontmatter.ts';

const problems = (yaml: string) => readFrontmatter(yaml, 1, z.any(), 'content/claims/x.yaml').problems.map((problem) => `${problem.line}:${problem.column} ${problem.reason}`);

describe('a tab in YAML', () => {
  it('is named on its line when it indents a field or an entry', () => {
    expect(problems('- id: x\n\tkind: y\n')).toEqual(['2:1 the file is not valid YAML: this line is indented with a tab, and YAML indents with spaces only']);
    expect(problems('a: 1\nb:\n\tc: 2\n')).toEqual(['3:1 the file is not valid YAML: this line is indented with a tab, and YAML indents with spaces only']);
  });

  it('is not blamed for an error elsewhere when it stands inside a block of text', () => {
    expect(problems('title: T\nsummary: |\n  Line one\n  \tA tabbed table cell\ntitle: Again\n')).toEqual(['5:1 `title` is written twice (first at line 1), and a field has one value']);
  });
});
