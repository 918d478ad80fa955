/**
 * The README shows the latest benchmark figures between markers, `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`, which the benchmark scripts rewrite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replaces what is between the markers named `name` in `text` with `markdown`.
 *
 * @example replaceSection('a\n<!-- x:start -->\nold\n<!-- x:end -->\n', 'x', 'new') // 'a\n<!-- x:start -->\nnew\n<!-- x:end -->\n'
 */
export function replaceSection(text: string, name: string, markdown: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no \`${start}\` … \`${end}\` section.\n  Fix: put the two markers, on lines of their own, where the figures should go.`);
  return `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`;
}

/** Rewrites the section `name` of the project's README.md. */
export function updateReadme(root: string, name: string, markdown: string): void {
  const path = join(root, 'README.md');
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), name, markdown));
}
