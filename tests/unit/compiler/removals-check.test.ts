/**
 * What an article records as removed is checked against the rules that removed it (checkImportRules):
 * a removal by no rule, or of text its rule does not match, is text taken out by hand. The importer's
 * own records pass: characters it strips (`--strip-controls`), and a block another rule cut in two.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImportRules } from '../../../src/compiler/check.ts';
import type { ArticleFacts } from '../../../src/compiler/model.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function rulesIn(own: string): string {
  const root = mkdtempSync(join(tmpdir(), 'borderlines-removals-'));
  roots.push(root);
  mkdirSync(join(root, 'content/import-rules'), { recursive: true });
  writeFileSync(join(root, 'content/import-rules/shared.yaml'), 'rules:\n  - id: comment-form\n    reason: The republishing site\'s comment form.\n    lines: [Leave a Reply]\n');
  writeFileSync(join(root, 'content/import-rules/x.yaml'), own);
  return root;
}

const article = (removed: unknown[]) => ({ file: 'content/articles/x.mdx', frontmatter: { copy: { source: 'x.txt' }, removed } }) as unknown as ArticleFacts;

describe('the removals an article records', () => {
  it('takes the importer’s own: stripped characters, and a block another rule cut in two', () => {
    const root = rulesIn('rules:\n  - id: site-footer\n    reason: The site\'s footer, not the article.\n    from: "^Related posts$"\n    to: "^End of footer$"\n');
    const removed = [
      { rule: 'control-characters', reason: 'Characters that cannot be shown.', occurrences: [{ lines: '3:14', text: '\u200b' }] },
      { rule: 'comment-form', reason: "The republishing site's comment form.", occurrences: [{ lines: '41', text: 'Leave a Reply' }] },
      // `from` on 40; line 41 went to comment-form; the rest of the block from 42.
      { rule: 'site-footer', reason: "The site's footer, not the article.", occurrences: [{ lines: '40', text: 'Related posts' }, { lines: '42–43', text: 'Yet another story about tanks\nEnd of footer' }] },
    ];
    expect(checkImportRules(root, [article(removed)], () => '')).toEqual([]);
  });

  it('refuses a run of a block rule that starts on no removal’s end and not on the rule’s first line', () => {
    const root = rulesIn('rules:\n  - id: site-footer\n    reason: The site\'s footer, not the article.\n    from: "^Related posts$"\n    to: "^End of footer$"\n');
    const removed = [{ rule: 'site-footer', reason: "The site's footer, not the article.", occurrences: [{ lines: '40', text: 'Related posts' }, { lines: '52', text: 'A paragraph of the article.' }] }];
    expect(checkImportRules(root, [article(removed)], () => '').map((problem) => problem.ruleId)).toEqual(['removal-rule-mismatch']);
  });
});
