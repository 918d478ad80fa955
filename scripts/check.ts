#!/usr/bin/env node
/**
 * npm run check — everything the build checks about the content, in seconds, without building:
 * front matter, text, passages and notes, cross-references, the glossary, the import rules and the
 * anchor ledger, all read by the edition compiler (src/compiler/) that the build runs first. Exits
 * non-zero on any error, each given as `file:line:column: what [rule]` and `Fix: the edit`.
 * Then the apparatus report (issue 18, src/lib/apparatus-report.ts): notes per 1,000 words by
 * section, the claims inventories, sources by category (content/source-categories.yaml); it fails
 * on a source without a date of verification, as the build does, and on a citation whose title does
 * not name what the domain table asks of its outlet (state media, a government's funding).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { noOptions } from './lib/args.ts';
import { citedSources } from '../src/compiler/check.ts';
import { compileEdition, type CompiledEdition } from '../src/compiler/index.ts';
import { ContentErrors, formatProblem, type Problem } from '../src/compiler/problems.ts';
import { countSources, formatApparatusReport, inventoryOf, loadSourceCategories, sectionsOf, SOURCE_CATEGORIES_FILE, sourceLanguageProblems, unlabelledSources, unverifiedSources } from '../src/lib/apparatus-report.ts';

const USAGE = 'npm run check (no options and no files: it checks the whole edition, in seconds)';
noOptions('npm run check', USAGE, `Checks everything the build checks about the content, without building, and prints the apparatus report.`);

/** The apparatus report's text, and the problems it fails on. */
function apparatus(edition: CompiledEdition): { report: string; problems: Problem[] } {
  const table = loadSourceCategories(edition.root);
  const texts = edition.articles.map((article) => {
    const claims = edition.claims.get(article.slug);
    return {
      slug: article.slug,
      file: article.file,
      sections: sectionsOf(article.passages, edition.rendered.get(article.slug)?.notes ?? [], claims),
      inventory: claims ? inventoryOf(claims) : undefined,
      inventoryFile: `content/claims/${article.slug}.yaml`,
    };
  });
  const sources = citedSources(edition, (file) => readFileSync(join(edition.root, file), 'utf8'));
  const counts = table.problems.length > 0 ? undefined : countSources(sources, table.table);
  return { report: formatApparatusReport(texts, counts, SOURCE_CATEGORIES_FILE), problems: [...table.problems, ...unverifiedSources(sources), ...unlabelledSources(sources, table.table), ...sourceLanguageProblems(sources)] };
}
import { loadTimeline, timelineProblems } from '../src/data/timeline.ts';

const root = resolve(import.meta.dirname, '..');
const started = performance.now();
try {
  const edition = compileEdition({ root, base: process.env['BASE_PATH'] ?? '/', deferUnverifiedSources: true, alsoCheck: timelineProblems });
  const drafts = edition.articles.filter((article) => article.draft);
  const notes = [...edition.rendered.values()].reduce((sum, article) => sum + article.notes.length, 0);
  // The timeline's events file and ledger (content/timeline/), checked against the compiled edition.
  const timeline = loadTimeline(edition);
  for (const warning of edition.warnings) console.warn(`warning: ${warning}`);
  // The About page says every dated event a note states is on the timeline: a note with none is
  // named, so that the editor adds its events (or knows it states none). Notes on the copy are about
  // the text as received, not about events.
  const onTimeline = new Set(timeline.events.flatMap((event) => event.notes.map((note) => note.id)));
  const eventless = [...edition.rendered.entries()].flatMap(([slug, article]) => article.notes.filter((note) => note.kind !== 'copy' && !onTimeline.has(note.id)).map((note) => `${slug}#note-${note.id}`));
  if (eventless.length > 0) {
    console.warn(`note: ${eventless.length} note${eventless.length === 1 ? ' is' : 's are'} on no timeline event (${eventless.slice(0, 3).join(', ')}${eventless.length > 3 ? ', …' : ''}); if ${eventless.length === 1 ? 'it states' : 'they state'} a dated event, add it to content/timeline/events.yaml.`);
  }
  for (const draft of drafts) {
    const todo = Array.isArray(draft.frontmatter['todo']) ? (draft.frontmatter['todo'] as unknown[]).length : 0;
    console.log(`draft: ${draft.file}${todo ? ` (${todo} to-do item${todo === 1 ? '' : 's'} left)` : ''}: shown by \`npm run dev\` only; delete \`draft: true\` to publish.`);
  }
  // issue 17, point 5: the next step for a draft's apparatus.
  for (const draft of drafts) console.log(`suggest: \`npm run suggest -- ${draft.slug}\` lists the names, cross-links and unnoted figures of ${draft.file} to look at next.`);
  // The report's own errors (a source without its date of verification…) are known before anything
  // is said to be ok: with them, the report is printed, then the errors, and no "ok" line at all.
  const { report, problems } = apparatus(edition);
  if (problems.length > 0) {
    console.log(report);
    throw new ContentErrors(problems);
  }
  console.log(
    `ok: ${edition.articles.length - drafts.length} published texts, ${drafts.length} draft${drafts.length === 1 ? '' : 's'}, ${notes} notes, ${edition.terms.length} glossary terms, ${edition.corrections.length} corrections with their earlier wording; ` +
      `${timeline.events.length} timeline events; ` +
      `${edition.stats.parsed} of ${edition.stats.files} files read anew, ${edition.stats.rendered} texts rendered anew (${Math.round(performance.now() - started)} ms).`,
  );
  console.log(report);
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(`${error.problems.length} content error${error.problems.length === 1 ? '' : 's'}:\n${error.problems.map(formatProblem).join('\n')}\n\n${error.hint}`);
  // exitCode, not exit(): a long list of errors piped to a file would be cut off unflushed.
  process.exitCode = 1;
}
