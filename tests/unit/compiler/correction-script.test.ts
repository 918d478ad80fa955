/**
 * `npm run correction` on a repository of its own: it finds a note however its tag is spelled,
 * records the wording before the correction once, and refuses a mistyped option, a missing value, a
 * commit that does not exist or a day not in the calendar with one line that says what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/site.ts';

const BOMBERS = 'content/articles/russian-bombers-fly-over-belarus.mdx';
let root: string;

const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/correction.ts'), ...args], { cwd: root, encoding: 'utf8' });
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'borderlines-correction-script-'));
  for (const folder of ['content', 'src', 'scripts']) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  // The note written as an editor may write it: attributes on lines of their own, single quotes.
  edit(BOMBERS, (text) => text.replace('<Note id="russia-draft-treaties-dec-2021" kind="context" added="2026-11-22">', "<Note\n  id='russia-draft-treaties-dec-2021'\n  kind='context'\n  added='2026-11-22'\n>"));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'start');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run correction', () => {
  it('records the earlier wording of a note written with single quotes over several lines, and only once', () => {
    edit(BOMBERS, (text) => text.replace("  added='2026-11-22'\n>", "  added='2026-11-22'\n  updated='2026-12-06'\n  change='The note gave the wrong day.'\n>").replace('On 26 January 2022 the United States and NATO', 'On 25 January 2022 the United States and NATO'));
    const first = run('note:russia-draft-treaties-dec-2021', '--append');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const record = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    expect(record).toMatch(/- item: note:russia-draft-treaties-dec-2021\n {2}date: 2026-12-06\n {2}before: \|\n[^]*On 26 January 2022 the United States and NATO/);
    const again = run('note:russia-draft-treaties-dec-2021', '--append');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^npm run correction: content\/corrections\.yaml already records the correction of `note:russia-draft-treaties-dec-2021` on 2026-12-06: nothing appended\. .*make its `change` say what both edits changed/);
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(record);
  });

  it('keeps what an earlier correction changed in its record when the item is corrected again', () => {
    // A note corrected for the first time (one corrected before would have a later date than these).
    const note = '<Note id="putin-xi-joint-statement-2022" kind="context" added="2026-11-22"';
    edit(BOMBERS, (text) => text.replace(note, `${note} updated="2026-12-04" change="The note gave the first patrol as three bombers."`).replace('The statement was issued on 4 February 2022,', 'The statement was issued on 4 February 2022 (first),'));
    expect(run('note:putin-xi-joint-statement-2022', '--append').status).toBe(0);
    git('commit', '-qam', 'first correction');
    edit(BOMBERS, (text) => text.replace('updated="2026-12-04" change="The note gave the first patrol as three bombers."', 'updated="2026-12-05" change="The note now says which patrol came first."').replace(' (first)', ' (the first)'));
    const second = run('note:putin-xi-joint-statement-2022', '--append');
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('Kept what the correction of 2026-12-04 changed');
    const records = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    expect(records).toMatch(/- item: note:putin-xi-joint-statement-2022\n {2}date: 2026-12-04\n {2}change: "The note gave the first patrol as three bombers\."\n {2}before: \|\n[^]*- item: note:putin-xi-joint-statement-2022\n {2}date: 2026-12-05\n {2}before: \|\n[^]*\(first\)/);
  });

  it('refuses a correction dated before its note was added, and a commit that did not change the note, and appends nothing', () => {
    const note = '<Note id="lukashenko-russian-support-sanctions" kind="context" added="2026-12-06"';
    edit(BOMBERS, (text) => text.replace(note, `${note} updated="2026-11-01" change="The note now names the loan."`).replace('a Russian state loan of $1.5 billion', 'a Russian state loan of $1.5bn'));
    const records = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    const early = run('note:lukashenko-russian-support-sanctions', '--append');
    expect(early.status).toBe(1);
    expect(early.stderr).toBe(`npm run correction: the correction's date, 2026-11-01, is before \`note:lukashenko-russian-support-sanctions\` was added (2026-12-06) in ${BOMBERS}: set its \`updated\` to the day you corrected it, then run this again.\n`);
    edit(BOMBERS, (text) => text.replace('updated="2026-11-01"', 'updated="2026-12-07"'));
    // HEAD is the commit of the earlier test's correction of another note: it did not touch this one.
    const head = git('rev-parse', 'HEAD').stdout.trim();
    const wrong = run('note:lukashenko-russian-support-sanctions', '--commit', head, '--append');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^npm run correction: --commit [0-9a-f]+ did not change the wording of `note:lukashenko-russian-support-sanctions` in content\/articles\/russian-bombers-fly-over-belarus\.mdx, so the wording before it is not the one the correction replaced/);
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(records);
    git('checkout', '-q', '--', BOMBERS);
  });

  it('names the commit that changed the words when they were committed before the correction was said, and records the wording before it', () => {
    edit(BOMBERS, (text) => text.replace('Reports of the same march give a larger distance:', 'Reports of the same march give a greater distance:'));
    git('commit', '-qm', 'the Kharkiv note reworded', '--', BOMBERS);
    const changed = git('rev-parse', '--short=7', 'HEAD').stdout.trim();
    const note = '<Note id="kharkiv-distance-from-border" kind="discrepancy" added="2026-12-06"';
    edit(BOMBERS, (text) => text.replace(note, `${note} updated="2026-12-07" change="The note now says the distance is greater."`));
    const records = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    const same = run('note:kharkiv-distance-from-border', '--append');
    expect(same.status).toBe(1);
    expect(same.stderr).toBe(
      `npm run correction: \`note:kharkiv-distance-from-border\` has the same wording in the working tree as at HEAD: make the correction first, then run this; if its new words are committed already (the last commit that changed them: ${changed} “the Kharkiv note reworded”), name that commit: npm run correction -- note:kharkiv-distance-from-border --commit ${changed} --append.\n`,
    );
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(records);
    // As it says: the record keeps the words from before that commit.
    const named = run('note:kharkiv-distance-from-border', '--commit', changed, '--append');
    expect(named.stderr).toBe('');
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toMatch(/- item: note:kharkiv-distance-from-border\n {2}date: 2026-12-07\n {2}before: \|\n {4}Reports of the same march give a larger distance:/);
    git('checkout', '-q', '--', BOMBERS, 'content/corrections.yaml');
  });

  it('keeps the published words of each paragraph a better copy changed, with a correction of the provenance, and adds them to a record written before', () => {
    const raw = 'content/sources/004_46ac758a32718590.txt';
    const id = 'war-fears-mounted-ukrainian-authorities';
    const published = readFileSync(join(root, BOMBERS), 'utf8').split('\n').find((line) => line.endsWith(` ^${id}`))!.replace(` ^${id}`, '');
    const correct = (text: string) => text.replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-07\nchange: A better copy replaced the one received.').replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.');
    const reword = (text: string) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian');
    // The provenance corrected first and recorded; the paragraph's words changed after.
    edit(BOMBERS, correct);
    const first = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(first.stderr).toBe('');
    const written = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    expect(written).toMatch(/- item: provenance:russian-bombers-fly-over-belarus\n {2}date: 2026-12-07\n {2}before: \|\n(?: {4}.*\n|\n)+$/);
    edit(raw, reword);
    edit(BOMBERS, reword);
    // Run again: the record is kept as it was, the paragraph's published words added to it.
    const again = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^Added the words one paragraph had before the better copy \(#war-fears-mounted-ukrainian-authorities, read from the repository's history\) to the record of `provenance:russian-bombers-fly-over-belarus` on 2026-12-07, content\/corrections\.yaml:\d+\./);
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(`${written}  paragraphs:\n    ${id}: |\n      ${published}\n`);
    // Nothing more to add: refused, the record unchanged.
    expect(run('provenance:russian-bombers-fly-over-belarus', '--append').status).toBe(1);
    // A record laid out otherwise by hand (`paragraphs: {}` before `before:`): filled in place, `before` untouched.
    const handWritten = written.replace(/(- item: provenance:russian-bombers-fly-over-belarus\n {2}date: 2026-12-07\n)/, '$1  paragraphs: {}\n');
    writeFileSync(join(root, 'content/corrections.yaml'), handWritten);
    expect(run('provenance:russian-bombers-fly-over-belarus', '--append').stderr).toBe('');
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(handWritten.replace('  paragraphs: {}\n', `  paragraphs:\n    ${id}: |\n      ${published}\n`));
    // Written in one go when the record is new, the words read from the commit before the correction.
    git('checkout', '-q', '--', 'content/corrections.yaml');
    git('commit', '-qam', 'a better copy');
    const fresh = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(fresh.stderr).toBe('');
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toMatch(new RegExp(`- item: provenance:russian-bombers-fly-over-belarus\\n {2}date: 2026-12-07\\n {2}before: \\|\\n(?: {4}.*\\n|\\n)+ {2}paragraphs:\\n {4}${id}: \\|\\n {6}As war fears mounted, Ukrainian.*\\n$`));
    git('reset', '-q', '--hard', 'HEAD^');
  });

  it('keeps the published words of a paragraph a better copy left out, and not those of one left out before', () => {
    const left = 'want-show-people-kharkiv-ready';
    const before = 'johnsons-office-said-french-president';
    const words = (id: string) => readFileSync(join(root, BOMBERS), 'utf8').split('\n').find((line) => line.endsWith(` ^${id}`))!.replace(` ^${id}`, '');
    const published = words(left);
    // A paragraph left out earlier, committed: not this correction's to keep.
    edit(BOMBERS, (text) => text.replace(`${words(before)} ^${before}\n\n`, ''));
    git('commit', '-qam', 'a paragraph left out earlier');
    edit(BOMBERS, (text) =>
      text
        .replace(`${published} ^${left}\n\n`, '')
        .replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-08\nchange: A better copy has no words of the marcher.')
        .replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'),
    );
    const result = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(result.stderr).toBe('');
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toMatch(new RegExp(`- item: provenance:russian-bombers-fly-over-belarus\\n {2}date: 2026-12-08\\n {2}before: \\|\\n(?: {4}.*\\n|\\n)+ {2}paragraphs:\\n {4}${left}: \\|\\n {6}${published.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
    git('checkout', '-q', '--', '.');
    git('reset', '-q', '--hard', 'HEAD^');
  });

  it('keeps only the paragraphs whose words changed, not one split in two or two merged into one', () => {
    const changed = 'war-fears-mounted-ukrainian-authorities';
    edit(BOMBERS, (text) =>
      text
        // Split: the second sentence a paragraph of its own.
        .replace('on the outskirts of the Ukrainian capital. I am happy that I came here', 'on the outskirts of the Ukrainian capital. ^am-here-learn-how-defend\n\nI am happy that I came here')
        .replace(/(learn the basics of self defense and first aid\.) \^am-here-learn-how-defend/, '$1 ^am-happy-came-here')
        // Merged: the Putin and Xi paragraph into the one before it, its id aliased to that one.
        .replace(/ \^johnsons-office-said-french-president\n\n(Putin and Xi announced.*) \^putin-xi-announced-relations-between/, ' $1 ^johnsons-office-said-french-president')
        .replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian')
        .replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-08\nchange: A better copy of the report.')
        .replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'),
    );
    edit('content/anchors.yaml', (text) => text.replace('aliases:\n  russian-bombers-fly-over-belarus:\n', 'aliases:\n  russian-bombers-fly-over-belarus:\n    putin-xi-announced-relations-between: johnsons-office-said-french-president\n'));
    expect(readFileSync(join(root, BOMBERS), 'utf8')).toContain('first aid. ^am-happy-came-here');
    const result = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(result.stderr).toBe('');
    const record = readFileSync(join(root, 'content/corrections.yaml'), 'utf8').split('- item: provenance:russian-bombers-fly-over-belarus\n  date: 2026-12-08\n')[1]!;
    expect(record.split('\n').filter((line) => /^ {4}[\w-]+: \|$/.test(line))).toEqual([`    ${changed}: |`]);
    git('checkout', '-q', '--', '.');
  });

  it('refuses to start the record of corrections again when it is gone and the last commit has it', () => {
    const note = '<Note id="kharkiv-distance-from-border" kind="discrepancy" added="2026-12-06"';
    edit(BOMBERS, (text) => text.replace(note, `${note} updated="2026-12-08" change="The note now says the distance is greater."`).replace('Reports of the same march give a larger distance:', 'Reports of the same march give a greater distance:'));
    rmSync(join(root, 'content/corrections.yaml'));
    const result = run('note:kharkiv-distance-from-border', '--append');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('npm run correction: content/corrections.yaml is gone, but the last commit has it, with every correction the edition has published: restore it (`git checkout content/corrections.yaml`), then run this again. Nothing was written.\n');
    expect(existsSync(join(root, 'content/corrections.yaml'))).toBe(false);
    git('checkout', '-q', '--', '.');
  });

  it('names no commit, and records nothing, for a provenance that reads as it was published', () => {
    // An earlier commit changed the provenance's words (before they were published as they are now).
    edit(BOMBERS, (text) => text.replace('The order is kept as received.', 'The order is kept.'));
    git('commit', '-qam', 'provenance reworded');
    edit(BOMBERS, (text) => text.replace('The order is kept.', 'The order is kept as received.'));
    git('commit', '-qam', 'provenance as published');
    // A better copy: a paragraph's words changed, the provenance not.
    edit(BOMBERS, (text) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian').replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-08\nchange: A better copy.'));
    const records = readFileSync(join(root, 'content/corrections.yaml'), 'utf8');
    const result = run('provenance:russian-bombers-fly-over-belarus', '--append');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('npm run correction: `provenance:russian-bombers-fly-over-belarus` reads as it was published (its fingerprint in content/anchors.yaml): there is no earlier wording to keep. Make the correction first, then run this; a better copy of the text is said in its provenance: say in `copy.from` where the better copy came from (and in `summary` or `defects` what it mends).\n');
    expect(readFileSync(join(root, 'content/corrections.yaml'), 'utf8')).toBe(records);
    git('checkout', '-q', '--', '.');
    git('reset', '-q', '--hard', 'HEAD~2');
  });

  it('says what it does and how to call it, with --help', () => {
    for (const flag of ['--help', '-h']) {
      const result = run(flag);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Records the wording a correction replaced, in content\/corrections\.yaml[^]*Usage: npm run correction -- <note:id \| term:id \| provenance:slug>[^]*--append /);
    }
  });

  it.each([
    [['note:troop-estimate', '--apend'], /^npm run correction: Unknown option '--apend'\.\n {2}Fix: did you mean --append\? Usage: /],
    [['note:troop-estimate', '--commit'], /^npm run correction: Option '--commit <value>' argument missing\.\n/],
    [['note:troop-estimate', '--date'], /^npm run correction: Option '--date <value>' argument missing\.\n/],
    [['note:troop-estimate', '--date', '2026-02-30'], /^npm run correction: --date: 2026-02-30 is not a day of the calendar: February 2026 has 28 days\.\n$/],
    [['note:troop-estimate', '--commit', 'deadbeef', '--date', '2026-12-06'], /^npm run correction: --commit deadbeef is not a commit of this repository: give the hash of the commit that made the correction \(git log --oneline -- content\/articles\/russian-bombers-fly-over-belarus\.mdx\)\.\n$/],
    [['note:no-such-note'], /^npm run correction: no article in content\/articles\/ has the note `no-such-note`\.\n {2}Fix: give the id of its <Note id="…">\.\n$/],
    [['note:troop-estimat'], /^npm run correction: no article in content\/articles\/ has the note `troop-estimat`\.\n {2}Fix: give the id of its <Note id="…">\. Did you mean `note:troop-estimate`\?\n$/],
    [['term:cst'], /^npm run correction: content\/glossary\/cst\.md does not exist\.\n {2}Fix: give the glossary entry by its file name, without \.md\. Did you mean `term:csto`\?\n$/],
    [['provenance:russian-bombers'], /^npm run correction: content\/articles\/russian-bombers\.mdx does not exist\.\n {2}Fix: give the article by its slug, its file name without \.mdx\. Did you mean `provenance:russian-bombers-fly-over-belarus`\?\n$/],
    [['troop-estimate'], /^npm run correction: name the corrected item: note:<id>, term:<id> or provenance:<article slug> \(not `troop-estimate`\)\.\n {2}Fix: npm run correction -- note:troop-estimate\n$/],
    [['notes:troop-estimate'], /^npm run correction: name the corrected item: .* \(not `notes:troop-estimate`\)\.\n {2}Fix: npm run correction -- note:troop-estimate\n$/],
    [['note:Troop-Estimate'], /^npm run correction: name the corrected item: .* \(not `note:Troop-Estimate`\)\.\n {2}Fix: npm run correction -- note:troop-estimate\n$/],
  ])('refuses %j with one line that says what to do', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
