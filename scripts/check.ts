#!/usr/bin/env node
/**
 * npm run check — everything the build checks about the content, in seconds, without building:
 * front matter, text, passages and notes, cross-references, the glossary, the import rules and the
 * anchor ledger, all read by the edition compiler (src/compiler/) that the build runs first. Exits
 * non-zero on any error, each given as `file:line:column: what [rule]` and `Fix: the edit`.
 */
import { resolve } from 'node:path';
import { compileEdition } from '../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../src/compiler/problems.ts';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
try {
  const edition = compileEdition({ root, base: process.env['BASE_PATH'] ?? '/' });
  const drafts = edition.articles.filter((article) => article.draft);
  const notes = [...edition.rendered.values()].reduce((sum, article) => sum + article.notes.length, 0);
  for (const warning of edition.warnings) console.warn(`warning: ${warning}`);
  for (const draft of drafts) {
    const todo = Array.isArray(draft.frontmatter['todo']) ? (draft.frontmatter['todo'] as unknown[]).length : 0;
    console.log(`draft: ${draft.file}${todo ? ` (${todo} to-do item${todo === 1 ? '' : 's'} left)` : ''}: shown by \`npm run dev\` only; delete \`draft: true\` to publish.`);
  }
  console.log(
    `ok: ${edition.articles.length - drafts.length} published texts, ${drafts.length} draft${drafts.length === 1 ? '' : 's'}, ${notes} notes, ${edition.terms.length} glossary terms, ${edition.corrections.length} corrections with their earlier wording; ` +
      `${edition.stats.parsed} of ${edition.stats.files} files read anew, ${edition.stats.rendered} texts rendered anew (${Math.round(performance.now() - started)} ms).`,
  );
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(`${error.problems.length} content error${error.problems.length === 1 ? '' : 's'}:\n${error.problems.map(formatProblem).join('\n')}\n\n${error.hint}`);
  process.exit(1);
}
