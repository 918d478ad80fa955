/**
 * Corrections keep their earlier wording: the compiler fails, at the corrected item, on a correction
 * whose wording before is not in content/corrections.yaml, and at the record on one that names
 * nothing or the wrong date; `npm run correction` reads wordings the way the check compares them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/site.ts';
import { compileEdition } from '../../../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../../../src/compiler/problems.ts';
import { correctableItems, wordingInSource } from '../../../src/compiler/check-corrections.ts';

const RECORD = 'content/corrections.yaml';
const FLAG = 'content/articles/nato-mock-missile-attacks-us-meddles-in-belarus.mdx';

const roots: string[] = [];
function copy() {
  const root = mkdtempSync(join(tmpdir(), 'borderlines-corrections-'));
  roots.push(root);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  return {
    root,
    edit: (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8'))),
    rename: (from: string, to: string) => renameSync(join(root, from), join(root, to)),
    compile: () => compileEdition({ root, cacheDir: join(root, '.cache'), deferUnverifiedSources: true }),
  };
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function problemsOf(compile: () => unknown): string[] {
  try {
    compile();
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the compile did not fail');
}

/** The record without the entry of `item`. */
const without = (item: string) => (text: string) => text.replace(new RegExp(`- item: ${item}\\n(?:  .*\\n|\\n)*`), '');

describe('corrections in the compiled edition', () => {
  it('lists every correction of the edition with the wording it replaced', () => {
    const edition = copy().compile();
    const corrected = [
      ...[...edition.rendered.values()].flatMap((article) => article.notes.filter((note) => note.updated)).map((note) => `note:${note.id}`),
      ...edition.terms.filter((term) => term.frontmatter['updated'] !== undefined).map((term) => `term:${term.id}`),
      ...edition.articles.filter((article) => article.frontmatter['updated'] !== undefined).map((article) => `provenance:${article.slug}`),
    ];
    expect(corrected.length).toBeGreaterThan(0);
    // An item corrected twice has two records, each listed.
    expect([...new Set(edition.corrections.map((c) => c.item))].sort()).toEqual(corrected.sort());
    const flag = edition.corrections.find((c) => c.item === 'note:white-red-white-flag-history')!;
    expect(flag.before).toContain('to 5 June 1995');
    expect(flag.after).toContain('7 June 1995');
    expect(flag.href).toBe('articles/nato-mock-missile-attacks-us-meddles-in-belarus/#note-white-red-white-flag-history');
  });

  it('keeps a renamed text’s provenance corrections once its redirect is recorded, and says so at the record until it is', () => {
    const site = copy();
    site.rename('content/articles/lavrov-speaks-out-against-nato-at-un.mdx', 'content/articles/lavrov-at-un.mdx');
    site.rename('content/claims/lavrov-speaks-out-against-nato-at-un.yaml', 'content/claims/lavrov-at-un.yaml');
    const before = problemsOf(site.compile).filter((problem) => /correction/.test(problem));
    expect(before[0]).toMatch(/^content\/corrections\.yaml:\d+:1: the record names `provenance:lavrov-speaks-out-against-nato-at-un`, which is not an item of the edition \[correction-unknown-item\]\n {4}Fix: .*If the text was renamed, record its redirect in content\/anchors\.yaml/);
    site.edit('content/anchors.yaml', (text) => text.replace('redirects: {}', 'redirects:\n  lavrov-speaks-out-against-nato-at-un: lavrov-at-un'));
    const edition = site.compile();
    const moved = edition.corrections.find((correction) => correction.item === 'provenance:lavrov-at-un')!;
    expect(moved.href).toBe('articles/lavrov-at-un/#provenance-title');
    expect(moved.before).toContain('None of the posts copied here is about Lavrov at the UN.');
  });

  it('keeps a renamed note’s corrections once its alias is recorded, and says so at the record until it is', () => {
    const site = copy();
    site.edit(FLAG, (text) => text.replaceAll('white-red-white-flag-history', 'white-red-white-flag'));
    site.edit('content/claims/nato-mock-missile-attacks-us-meddles-in-belarus.yaml', (text) => text.replaceAll('white-red-white-flag-history', 'white-red-white-flag'));
    const before = problemsOf(site.compile).filter((problem) => /correction-unknown-item/.test(problem));
    expect(before[0]).toMatch(/^content\/corrections\.yaml:\d+:1: the record names `note:white-red-white-flag-history`, which is not an item of the edition \[correction-unknown-item\]\n {4}Fix: .*If the note was renamed, record its alias in content\/anchors\.yaml/);
    site.edit('content/anchors.yaml', (text) => text.replace(/^aliases:\n/m, 'aliases:\n  nato-mock-missile-attacks-us-meddles-in-belarus:\n    note-white-red-white-flag-history: note-white-red-white-flag\n'));
    const edition = site.compile();
    const moved = edition.corrections.find((correction) => correction.item === 'note:white-red-white-flag')!;
    expect(moved.href).toBe('articles/nato-mock-missile-attacks-us-meddles-in-belarus/#note-white-red-white-flag');
    expect(moved.before).toContain('to 5 June 1995');
  });

  it('does not list a merged note’s corrections as those of the note it was merged into', () => {
    const site = copy();
    // The flag note merged into the mediation note, which has corrections of its own.
    site.edit(FLAG, (text) => text.replace(/\n<Note id="white-red-white-flag-history"[^]*?<\/Note>\n/, '\n').replace(/<Passage note="white-red-white-flag-history">([^<]*)<\/Passage>/, '$1'));
    site.edit('content/claims/nato-mock-missile-attacks-us-meddles-in-belarus.yaml', (text) => text.replaceAll('note: white-red-white-flag-history', 'note: macron-mediation-belarus-2020'));
    site.edit('content/anchors.yaml', (text) => text.replace(/^aliases:\n/m, 'aliases:\n  nato-mock-missile-attacks-us-meddles-in-belarus:\n    note-white-red-white-flag-history: note-macron-mediation-belarus-2020\n'));
    const problems = problemsOf(site.compile).map((problem) => problem.split('\n')[0]!);
    expect(problems).toContainEqual(expect.stringMatching(/the record names `note:white-red-white-flag-history`, which is not an item of the edition \[correction-unknown-item\]$/));
    expect(problems.filter((problem) => problem.includes('note:macron-mediation-belarus-2020'))).toEqual([]);
  });

  it('fails on a correction whose earlier wording is not recorded, at the note, with the fix', () => {
    const site = copy();
    site.edit(RECORD, without('note:white-red-white-flag-history'));
    const problems = problemsOf(site.compile);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/articles\/nato-mock-missile-attacks-us-meddles-in-belarus\.mdx:\d+:1: `note:white-red-white-flag-history` is corrected on 2026-12-03, but content\/corrections\.yaml keeps no earlier wording for that correction \[correction-without-earlier-wording\]\n {4}Fix: run `npm run correction -- note:white-red-white-flag-history --append`/);
  });

  it('fails on a glossary entry or a provenance corrected without a record, and on a record of an unknown item or a wrong date', () => {
    const site = copy();
    site.edit('content/glossary/nato.md', (text) => text.replace(/^term: /m, 'updated: 2026-12-04\nchange: The entry gave the wrong number of members.\nterm: '));
    site.edit('content/articles/russia-new-steps-western-border.mdx', (text) => text.replace(/^summary: /m, 'updated: 2026-12-04\nchange: The summary gave the wrong date.\nsummary: '));
    site.edit(RECORD, (text) => text.replace('- item: note:iskander-range-poland\n  date: 2026-12-03', '- item: note:iskander-range-polan\n  date: 2026-12-03').replace('- item: note:white-red-white-flag-history\n  date: 2026-12-03', '- item: note:white-red-white-flag-history\n  date: 2026-12-05'));
    const problems = problemsOf(site.compile).map((problem) => problem.split('\n')[0]!.replace(/:\d+:1: /, ':N: ').replace(/\.mdx:\d+\)/, '.mdx:N)'));
    expect(problems).toEqual([
      'content/corrections.yaml:N: the record of `note:white-red-white-flag-history` is dated 2026-12-05, but the item was last corrected on 2026-12-03 (content/articles/nato-mock-missile-attacks-us-meddles-in-belarus.mdx:N) [correction-date]',
      'content/corrections.yaml:N: the record names `note:iskander-range-polan`, which is not an item of the edition [correction-unknown-item]',
      'content/articles/nato-mock-missile-attacks-us-meddles-in-belarus.mdx:N: `note:white-red-white-flag-history` is corrected on 2026-12-03, but content/corrections.yaml keeps no earlier wording for that correction [correction-without-earlier-wording]',
      'content/articles/russia-new-steps-western-border.mdx:N: `note:iskander-range-poland` is corrected on 2026-12-03, but content/corrections.yaml keeps no earlier wording for that correction [correction-without-earlier-wording]',
      'content/articles/russia-new-steps-western-border.mdx:N: `provenance:russia-new-steps-western-border` is corrected on 2026-12-04, but content/corrections.yaml keeps no earlier wording for that correction [correction-without-earlier-wording]',
      'content/glossary/nato.md:N: `term:nato` is corrected on 2026-12-04, but content/corrections.yaml keeps no earlier wording for that correction [correction-without-earlier-wording]',
    ]);
  });

  it('names a record by its number from 1 in both the problem and its fix', () => {
    const site = copy();
    site.edit(RECORD, (text) => text.replace('- item: note:white-red-white-flag-history\n  date: 2026-12-03', '- item: note:white-red-white-flag-history\n  date: 2026-13-03'));
    const number = readFileSync(join(site.root, RECORD), 'utf8').split('\n- item: ').findIndex((record) => record.startsWith('note:white-red-white-flag-history'));
    const [problem] = problemsOf(site.compile);
    expect(problem).toContain(`\`date\` of record ${number}: 2026-13-03 has no month 13`);
    expect(problem).toContain(`Fix: correct \`date\` of record ${number} as the message says`);
  });

  it('names a record with a misspelt field by its number from 1 and its item', () => {
    const site = copy();
    site.edit(RECORD, (text) => text.replace('- item: note:white-red-white-flag-history\n  date: 2026-12-03', '- item: note:white-red-white-flag-history\n  chnage: x\n  date: 2026-12-03'));
    const number = readFileSync(join(site.root, RECORD), 'utf8').split('\n- item: ').findIndex((record) => record.startsWith('note:white-red-white-flag-history'));
    const [problem] = problemsOf(site.compile);
    expect(problem).toContain(`unknown field \`chnage\` in record ${number} (\`note:white-red-white-flag-history\`)`);
  });

  it('fails on a glossary entry with `updated` but no `change`', () => {
    const site = copy();
    site.edit('content/glossary/nato.md', (text) => text.replace(/^term: /m, 'updated: 2026-12-04\nterm: '));
    expect(problemsOf(site.compile)[0]).toMatch(/^content\/glossary\/nato\.md:2:10: `updated`: a correction says what changed: add `change: …`/);
  });

  it('reads an item’s wording from a file as the check compares it, for every note, entry and provenance', () => {
    const edition = copy().compile();
    const sources = new Map<string, string>();
    const sourceOf = (file: string) => {
      if (!sources.has(file)) sources.set(file, readFileSync(join(ROOT, file), 'utf8'));
      return sources.get(file)!;
    };
    const items = correctableItems(edition.articles, edition.terms, edition.rendered, sourceOf);
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) expect(wordingInSource(item.item, sourceOf(item.file))?.wording, item.item).toBe(item.wording);
    expect(wordingInSource('note:no-such-note', sourceOf(FLAG))).toBeUndefined();
  });
});
