#!/usr/bin/env node
/**
 * npm run suggest -- <slug> — what the apparatus of one text could still use, read from the
 * compiled edition (src/data/suggestions.ts, src/lib/apparatus-suggestions.ts): names close to a
 * glossary term but not linked, names with no entry that other texts use too, notes of other texts
 * to cross-link, and paragraphs with figures, dates or quotations but no note. Each line is
 * `file:line:column [^passage]: what`, then `Fix: the edit`. Suggestions are advice: the exit code
 * is 0 whatever they say, 1 for content errors, 2 for a bad command line.
 */
import { resolve } from 'node:path';
import { compileEdition } from '../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../src/compiler/problems.ts';
import { didYouMean } from '../src/lib/suggest.ts';
import { formatSuggestions } from '../src/lib/apparatus-suggestions.ts';
import { suggestionsFor } from '../src/data/suggestions.ts';

const USAGE = 'Usage: npm run suggest -- <slug>   (the slug is the article\'s file name in content/articles/ without .mdx)';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error(args.length === 0 ? `No text named.\n${USAGE}` : `Expected one slug, got: ${args.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const slug = args[0]!.replace(/^content\/articles\//, '').replace(/\.mdx$/, '');
const started = performance.now();
let edition;
try {
  edition = compileEdition({ root, base: process.env['BASE_PATH'] ?? '/' });
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(`${error.problems.length} content error${error.problems.length === 1 ? '' : 's'} (fix them first; \`npm run check\` lists the same):\n${error.problems.map(formatProblem).join('\n')}`);
  process.exit(1);
}
if (!edition.articleBySlug.has(slug)) {
  const slugs = [...edition.articleBySlug.keys()];
  // A slug a letter or two off, else the texts whose slug holds what was typed ("lavrov").
  const holding = slugs.filter((candidate) => candidate.includes(slug.toLowerCase()));
  const hint = didYouMean(slug, slugs) || (holding.length > 0 ? ` Did you mean ${holding.map((candidate) => `\`${candidate}\``).join(' or ')}?` : '');
  console.error(`No text \`${slug}\` in content/articles/.${hint}\nTexts: ${slugs.join(', ')}\n${USAGE}`);
  process.exit(2);
}
const suggestions = suggestionsFor(edition, slug);
console.log(formatSuggestions(slug, edition.articleBySlug.get(slug)!.file, suggestions));
console.log(`\n(${Math.round(performance.now() - started)} ms; suggestions only: nothing is wrong until \`npm run check\` says so.)`);
