/**
 * The stylesheet's shape. CSS nesting makes a rule left inside an unclosed `@media` block valid CSS,
 * so no parser complains: when a merge dropped the `}` of a 1024 px block, every rule after it (the
 * provenance summary, the legend, the theme control, the print rules) applied only from 1024 px,
 * and print, on A4, got none of them. The file's indentation says what is nested; this checks the
 * braces agree with it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const FILE = 'src/styles/global.css';

/** Lines that start a rule or an at-rule in column 0 while inside a block, as `file:line`. */
function nestedTopLevelRules(css: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let inComment = false;
  css.split('\n').forEach((line, index) => {
    if (!inComment && depth > 0 && /^[^\s}/]/.test(line)) found.push(`${FILE}:${index + 1}: ${line.trim()}`);
    for (let i = 0; i < line.length; i++) {
      if (inComment) {
        if (line.startsWith('*/', i)) (inComment = false), i++;
      } else if (line.startsWith('/*', i)) (inComment = true), i++;
      else if (line[i] === '{') depth++;
      else if (line[i] === '}') depth--;
    }
  });
  if (depth !== 0) found.push(`${FILE}: ${depth} block(s) left open at the end`);
  return found;
}

describe('the stylesheet', () => {
  it('closes every block: no rule written at the top level sits inside another block', () => {
    // Fix: close the block that the first line listed sits in (its `}` is missing above it).
    expect(nestedTopLevelRules(readFileSync(FILE, 'utf8'))).toEqual([]);
  });

  it('finds a rule left inside an unclosed @media block', () => {
    expect(nestedTopLevelRules('@media print {\n  .a {\n    color: red;\n  }\n\n.b {\n  color: blue;\n}\n')).toEqual([
      `${FILE}:6: .b {`,
      `${FILE}: 1 block(s) left open at the end`,
    ]);
  });
});
