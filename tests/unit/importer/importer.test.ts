import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignByteOrderMark, importText, mergeRuleSets, parseRules } from '../../../src/lib/importer/index.ts';
import { detectWrapped, joinWrapped } from '../../../src/lib/importer/reflow.ts';
import { bylineAuthors, parseDateline, parseHeaderLine } from '../../../src/lib/importer/structure.ts';
import { removalSummary } from '../../../src/lib/importer/removals.ts';
import { ROOT } from '../../helpers/site.ts';

const SOURCES = join(ROOT, 'content/sources');
const RULES = join(ROOT, 'content/import-rules');

function rulesFor(stem: string) {
  const shared = parseRules(readFileSync(join(RULES, 'shared.yaml'), 'utf8'), 'content/import-rules/shared.yaml', false);
  try {
    const own = parseRules(readFileSync(join(RULES, `${stem}.yaml`), 'utf8'), `content/import-rules/${stem}.yaml`, true);
    return mergeRuleSets(shared, own);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return shared;
    throw error;
  }
}

const twoParagraphs = 'A title\n\nA first paragraph.\n\nA second paragraph.\n';

describe('importText', () => {
  it('gives the same output for the same input', () => {
    for (const name of readdirSync(SOURCES)) {
      const stem = name.replace(/\.txt$/, '');
      const text = readFileSync(join(SOURCES, name), 'utf8');
      const first = importText(text, { sourceFile: name, rules: rulesFor(stem) });
      const second = importText(text, { sourceFile: name, rules: rulesFor(stem) });
      expect(second.mdx).toBe(first.mdx);
    }
  });

  it('imports each source of the edition with its rules', () => {
    const counts = Object.fromEntries(
      readdirSync(SOURCES)
        .sort()
        .map((name) => {
          const result = importText(readFileSync(join(SOURCES, name), 'utf8'), { sourceFile: name, rules: rulesFor(name.replace(/\.txt$/, '')) });
          return [name.slice(0, 3), { headings: result.frontmatter.sections.length, removals: result.frontmatter.removed.map((r) => r.rule) }];
        }),
    );
    expect(counts).toMatchInlineSnapshot(`
      {
        "000": {
          "headings": 3,
          "removals": [
            "uspc-contact-line",
            "fair-use-notice",
          ],
        },
        "001": {
          "headings": 10,
          "removals": [
            "forum-rank-label",
            "forum-link-captions",
            "video-length-line",
            "member-signature",
            "stray-byline",
            "forum-footer",
          ],
        },
        "002": {
          "headings": 0,
          "removals": [
            "tlb-credit-line",
            "tlb-donation-appeal",
            "tlb-comment-policy",
            "tlb-disclaimers",
            "comment-form",
          ],
        },
        "003": {
          "headings": 0,
          "removals": [],
        },
        "004": {
          "headings": 0,
          "removals": [],
        },
      }
    `);
  });

  it('normalises CRLF line endings and a byte-order mark', () => {
    const unix = importText(twoParagraphs, { sourceFile: 'a.txt' });
    const windows = importText(`\uFEFF${twoParagraphs.replace(/\n/g, '\r\n')}`, { sourceFile: 'a.txt' });
    expect(windows.mdx).toBe(unix.mdx);
  });

  it('names the encoding of a UTF-16 or UTF-32 file by its byte-order mark, and no other', () => {
    const text = 'Café';
    expect(foreignByteOrderMark(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ encoding: 'utf-16', mark: 'FF FE' });
    expect(foreignByteOrderMark(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toEqual({ encoding: 'utf-16', mark: 'FE FF' });
    expect(foreignByteOrderMark(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x43, 0x00, 0x00, 0x00]))).toEqual({ encoding: 'utf-32', mark: 'FF FE 00 00' });
    expect(foreignByteOrderMark(Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x43]))).toEqual({ encoding: 'utf-32', mark: '00 00 FE FF' });
    // UTF-8, with its own mark or without, and windows-1252 are left to the UTF-8 check.
    for (const bytes of [Buffer.from(`\uFEFF${text}`), Buffer.from(text), Buffer.from(text, 'latin1'), Buffer.alloc(0)]) expect(foreignByteOrderMark(bytes)).toBeUndefined();
  });

  it('mints readable ids that ignore datelines and stay unique', () => {
    const result = importText('Title\n\nSame words here.\n\nSame words here.\n\nMOSCOW, July 10, 2020 - Russia insists on a probe.\n', { sourceFile: 'a.txt' });
    expect(result.blocks.map((b) => b.id)).toEqual(['same-words-here', 'same-words-here-2', 'russia-insists-probe']);
  });

  it('records every removal with its rule, reason, lines and text', () => {
    const rules = parseRules('rules:\n  - id: footer\n    reason: The site footer, not article text.\n    lines: [Footer line]\n', 'rules.yaml', true);
    const result = importText('Title\n\nText.\n\nFooter line\n\nMore text.\n\nFooter line\n', { sourceFile: 'a.txt', rules });
    expect(result.frontmatter.removed).toEqual([
      { rule: 'footer', reason: 'The site footer, not article text.', occurrences: [{ lines: '5', text: 'Footer line' }, { lines: '9', text: 'Footer line' }] },
    ]);
    expect(result.mdx).not.toContain('Footer line ^');
  });

  it('strips control characters only when asked, and records each one', () => {
    const result = importText('Title\n\nA text\u202E with an override and a NUL\u0000.\n', { sourceFile: 'a.txt', controls: 'strip' });
    expect(result.mdx).toContain('A text with an override and a NUL. ^');
    expect(result.frontmatter.removed).toEqual([
      {
        rule: 'control-characters',
        reason: 'Control, bidirectional-formatting or other invisible characters that cannot be shown as text were stripped.',
        occurrences: [
          { lines: '3:7', text: 'U+202E bidirectional formatting character' },
          { lines: '3:35', text: 'U+0000 control character' },
        ],
      },
    ]);
  });

  it('strips zero-width spaces and other invisible characters, as the recorded reason says', () => {
    const result = importText('Title\n\nNA\u200BTO and the \u2060EU\u200E met.\n', { sourceFile: 'a.txt', controls: 'strip' });
    expect(result.mdx).toContain('NATO and the EU met. ^');
    expect(result.frontmatter.removed[0]!.occurrences).toEqual([
      { lines: '3:3', text: 'U+200B zero-width space' },
      { lines: '3:15', text: 'U+2060 word joiner' },
      { lines: '3:18', text: 'U+200E left-to-right mark' },
    ]);
    expect(result.report[1]).toBe('0 removal rules applied');
    expect(result.report[2]).toBe('3 characters stripped: U+200B zero-width space at line 3, column 3; U+2060 word joiner at line 3, column 15; U+200E left-to-right mark at line 3, column 18');
  });

  it('keeps the zero-width joiner, which shapes emoji and some scripts', () => {
    expect(importText('Title\n\nA family 👩\u200D👧 here.\n', { sourceFile: 'a.txt' }).mdx).toContain('👩\u200D👧');
  });

  it('proposes the outlet a wire dateline credits, from shared.yaml names and aliases', () => {
    const rules = parseRules('outlets:\n  - { name: Associated Press, kind: news-agency, aliases: [AP] }\n  - { name: Reuters, kind: news-agency }\n', 'shared.yaml', false);
    const ap = importText('Title\n\nWARSAW, Poland (AP) -- Poland sent troops.\n\nMore text.\n', { sourceFile: 'a.txt', rules });
    expect(ap.frontmatter.outlets).toEqual([{ name: 'Associated Press', kind: 'news-agency' }]);
    expect(ap.frontmatter.todo.find((t) => t.startsWith('outlets'))).toBe(
      'outlets: check the outlets the importer proposes (Associated Press from the dateline at line 3, “WARSAW, Poland (AP) --”); add any the copy does not name with `namedBy: editors`',
    );
    // The dateline says who and where, not what: the id is made from the words after it.
    expect(ap.blocks[0]!.id).toBe('poland-sent-troops');
    const reuters = importText('Title\n\nMOSCOW (Reuters) - Russia said.\n', { sourceFile: 'a.txt', rules });
    expect(reuters.frontmatter.outlets).toEqual([{ name: 'Reuters', kind: 'news-agency' }]);
  });

  it('asks about a dateline credit that shared.yaml does not know', () => {
    const { frontmatter } = importText('Title\n\nKYIV (Ukrinform) — Ukraine said.\n', { sourceFile: 'a.txt' });
    expect(frontmatter.outlets).toEqual([]);
    expect(frontmatter.todo.filter((t) => t.startsWith('outlets'))).toEqual([
      'outlets: name the outlet or outlets of the original text',
      'outlets: the dateline at line 3, “KYIV (Ukrinform) —” credits “Ukrinform”, which content/import-rules/shared.yaml does not list: name the outlet here (and add it to shared.yaml\'s outlets so that the next import knows it)',
    ]);
  });

  it('proposes the authors a byline names, and keeps the byline as a header line', () => {
    const plain = importText('Title\n\nBy A. Tester\n\nThe text.\n', { sourceFile: 'a.txt' });
    expect(plain.frontmatter.authors).toEqual(['A. Tester']);
    expect(plain.frontmatter.headerAsReceived).toEqual(['By A. Tester']);
    expect(plain.frontmatter.todo).toContain('authors: check the author the importer proposes from the byline “By A. Tester”');
    const rules = parseRules('outlets:\n  - { name: ZeroHedge, kind: blog }\n', 'shared.yaml', false);
    const dated = importText('Title\n\nSeptember 9th, 2020 - by Tyler Durden / ZeroHedge\n\nThe text.\n', { sourceFile: 'a.txt', rules });
    expect(dated.frontmatter.authors).toEqual(['Tyler Durden']);
    expect(dated.frontmatter.outlets).toEqual([{ name: 'ZeroHedge', kind: 'blog' }]);
  });

  it('reads names, not sentences, as bylines', () => {
    expect(bylineAuthors('By A. Tester and B. Other, Associated Press')).toEqual(['A. Tester', 'B. Other']);
    expect(bylineAuthors('By Nevin Brown - 11 hours ago')).toEqual(['Nevin Brown']);
    expect(bylineAuthors('By the time US troop movements to Europe were halted')).toEqual([]);
    expect(importText('Title\n\nBy the time the troops came, it was over.\n', { sourceFile: 'a.txt' }).frontmatter.authors).toEqual([]);
  });

  it('writes a draft with a to-do list for what needs judgement', () => {
    const { frontmatter } = importText(twoParagraphs, { sourceFile: 'a.txt' });
    expect(frontmatter.draft).toBe(true);
    expect(frontmatter.todo.map((item) => item.split(':')[0])).toEqual(['title', 'form', 'kind', 'outlets', 'authors', 'dates', 'copy.from', 'summary', 'defects']);
  });
  it('points at short lines that look like site furniture, with the rule to paste, before they are published', () => {
    const raw = readFileSync(join(ROOT, 'tests/fixtures/workflow/minsk-drills-test-fixture.txt'), 'utf8');
    const result = importText(raw, { sourceFile: 'minsk-drills-test-fixture.txt', controls: 'strip' });
    expect(result.frontmatter.todo.filter((item) => item.startsWith('furniture'))).toEqual([
      'furniture: lines 9 “Advertisement” and 17 “Share this:” look like site furniture: if they are, remove them by a rule in content/import-rules/minsk-drills-test-fixture.yaml and re-import with --force before you publish (a published paragraph\'s id must live on as an alias)',
    ]);
    expect(result.report.filter((line) => line.includes('look like site furniture'))).toEqual([
      [
        '2 lines look like site furniture: line 9 “Advertisement”, line 17 “Share this:”. If they are, add to content/import-rules/minsk-drills-test-fixture.yaml',
        '    rules:',
        '      - id: site-furniture',
        '        reason: "<a sentence for readers: why these lines are not article text>"',
        '        lines: ["Advertisement", "Share this:"]',
        '  and re-import with --force, before you publish.',
      ].join('\n'),
    ]);
  });

  it('suggests a rule that reads as YAML when pasted, and whose placeholder is refused until replaced', () => {
    const raw = readFileSync(join(ROOT, 'tests/fixtures/workflow/minsk-drills-test-fixture.txt'), 'utf8');
    const [report] = importText(raw, { sourceFile: 'minsk-drills-test-fixture.txt', controls: 'strip' }).report.filter((line) => line.includes('look like site furniture'));
    // The rule as an editor pastes it: its lines, less the report's indent.
    const pasted = report!.split('\n').filter((line) => line.startsWith('    ')).map((line) => line.slice(4)).join('\n');
    const refused = () => parseRules(pasted, 'content/import-rules/minsk-drills-test-fixture.yaml', true);
    // (Unquoted, the placeholder's colon made the file invalid YAML: “Nested mappings are not allowed”.)
    expect(refused).toThrow(/replace the placeholder in angle brackets with a sentence for readers/);
    expect(refused).not.toThrow(/YAML/);
    const written = pasted.replace(/reason: ".*"/, 'reason: Links and notices of the site, not words of the report.');
    expect(parseRules(written, 'content/import-rules/minsk-drills-test-fixture.yaml', true).rules.map((compiled) => compiled.rule.id)).toEqual(['site-furniture']);
  });

  it('does not call an ordinary short paragraph or a section heading furniture', () => {
    const result = importText('A title\n\nThe talks\n\nNo deal was reached on Friday.\n\nShare prices fell.\n', { sourceFile: 'a.txt' });
    expect(result.frontmatter.todo.some((item) => item.startsWith('furniture'))).toBe(false);
  });
});

describe('importer errors', () => {
  it('refuses a bidi override, naming the line and column', () => {
    expect(() => importText('Title\n\nText \u202Ereversed.\n', { sourceFile: 'x.txt' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt:3:6: the text holds a character that cannot be shown as text:
        U+202E bidirectional formatting character at line 3, column 6
        Fix: remove it from the source text, or run the importer with --strip-controls to drop every such character (each one is then listed in the front matter under \`removed\`).]
    `);
  });

  it('lists every character it refuses by code point and place, never "and 2 more"', () => {
    expect(() => importText('Title\n\nA\u0000B and more.\n\nAnd \u0007 here, NA\u200BTO.\n', { sourceFile: 'x.txt' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt:3:2: the text holds 3 characters that cannot be shown as text:
        U+0000 control character at line 3, column 2
        U+0007 control character at line 5, column 5
        U+200B zero-width space at line 5, column 15
        Fix: remove them from the source text, or run the importer with --strip-controls to drop every such character (each one is then listed in the front matter under \`removed\`).]
    `);
  });

  it('refuses a slug that is not one, and suggests one', () => {
    expect(() => importText(twoParagraphs, { sourceFile: 'x.txt', slug: 'Not A Slug' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt: the slug \`Not A Slug\` is not a valid article slug
        Fix: use lowercase letters, digits and hyphens, at most 80 characters, e.g. --slug not-a-slug]
    `);
  });

  it('refuses an empty file, and a text its rules leave empty, saying which', () => {
    expect(() => importText(' \n\n \n', { sourceFile: 'x.txt' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt: the file is empty
        Fix: check that the file is the right one, and that it was saved with its text.]
    `);
    const rules = parseRules('rules:\n  - id: all\n    reason: Everything, for this test.\n    lines: [Only line]\n', 'x.yaml', true);
    expect(() => importText('Only line\n', { sourceFile: 'x.txt', rules })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt: the text is empty once furniture is removed
        Fix: check that no furniture rule removes the whole text (the rules that applied are in content/import-rules/).]
    `);
  });

  it('refuses a text with a title and nothing else', () => {
    expect(() => importText('Only a title\n', { sourceFile: 'x.txt' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: x.txt:1: the text has a title but no body
        Fix: the first paragraph is read as the title; a text needs at least one more paragraph.]
    `);
  });

  it('reports a source rule that matches nothing as stale', () => {
    const rules = parseRules('rules:\n  - id: gone\n    reason: A footer this text no longer has.\n    lines: [Not in the text]\n', 'content/import-rules/x.yaml', true);
    expect(() => importText(twoParagraphs, { sourceFile: 'x.txt', rules })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:2: rule \`gone\` matched 0 lines of x.txt, expected at least 1
        Fix: the rule is stale or mistyped: fix its lines or pattern, or delete it (or set \`expect: 0\`).]
    `);
  });

  it('reports a line of a source rule that is no line of the text, though the rule’s other lines are, with the line it was meant to be', () => {
    const raw = readFileSync(join(ROOT, 'tests/fixtures/workflow/minsk-drills-test-fixture.txt'), 'utf8');
    const rules = parseRules('rules:\n  - id: site-furniture\n    reason: Links and notices of the site, not words of the report.\n    lines: ["Advertisment", "Share this:"]\n', 'content/import-rules/minsk-drills-test-fixture.yaml', true);
    expect(() => importText(raw, { sourceFile: 'minsk-drills-test-fixture.txt', rules, controls: 'strip' })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/minsk-drills-test-fixture.yaml:2: rule \`site-furniture\`: its line “Advertisment” is no line of minsk-drills-test-fixture.txt
        Fix: did you mean “Advertisement” (line 9)? Write the line as the copy has it, or take it out of \`lines\`.]
    `);
  });

  it('takes a line of a source rule that a rule applied before it took out already', () => {
    const raw = readFileSync(join(ROOT, 'tests/fixtures/workflow/minsk-drills-test-fixture.txt'), 'utf8');
    const shared = parseRules('rules:\n  - id: share-links\n    reason: The site’s sharing links, not words of the report.\n    lines: ["Share this:"]\n', 'content/import-rules/shared.yaml', false);
    const own = parseRules('rules:\n  - id: site-furniture\n    reason: Links and notices of the site, not words of the report.\n    lines: ["Advertisement", "Share this:"]\n', 'content/import-rules/minsk-drills-test-fixture.yaml', true);
    expect(() => importText(raw, { sourceFile: 'minsk-drills-test-fixture.txt', rules: mergeRuleSets(shared, own), controls: 'strip' })).not.toThrow();
  });

  it('reports a block rule whose end never comes', () => {
    const rules = parseRules('rules:\n  - id: block\n    reason: A block of furniture lines.\n    from: "^A first"\n    to: "^Never$"\n', 'content/import-rules/x.yaml', true);
    expect(() => importText(twoParagraphs, { sourceFile: 'x.txt', rules })).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:2: rule \`block\` starts a block at line 3 of x.txt, but its \`to\` pattern matches no line after it
        Fix: fix the \`to\` pattern, or write \`to: end\` to remove everything to the end of the text.]
    `);
  });
});

describe('rules files', () => {
  it('reports YAML errors with their line', () => {
    expect(() => parseRules('rules:\n  - id: a\n    reason: "unclosed\n', 'content/import-rules/x.yaml', true)).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:4:1: not valid YAML: Missing closing "quote
        Fix: check the indentation and quoting at that line; quote patterns that contain \`:\` or \`#\`.]
    `);
  });

  it('reports a rule without a way to match, with its line', () => {
    expect(() => parseRules('rules:\n  - id: ok\n    reason: A good reason for this rule.\n    lines: [x]\n  - id: no-match\n    reason: A rule that says nothing of which lines.\n', 'content/import-rules/x.yaml', true)).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:5: rules.1: give exactly one of \`lines\`, \`pattern\` or \`from\`.
        Fix: see the rule format at the top of content/import-rules/shared.yaml.]
    `);
  });

  it('reports an invalid regular expression', () => {
    expect(() => parseRules('rules:\n  - id: bad\n    reason: A pattern with an open bracket.\n    pattern: "^(unclosed"\n', 'content/import-rules/x.yaml', true)).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:2: \`pattern\` is not a valid regular expression: Invalid regular expression: /^(unclosed/u: Unterminated group
        Fix: write a JavaScript regular expression; escape ( ) [ ] . * + ? with a backslash to match them literally.]
    `);
  });

  it('reports an id used twice', () => {
    expect(() => parseRules('rules:\n  - id: same\n    reason: The first rule of the two.\n    lines: [a]\n  - id: same\n    reason: The second rule of the two.\n    lines: [b]\n', 'content/import-rules/x.yaml', true)).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:5: rule id \`same\` is used twice (first at line 2)
        Fix: give each rule its own id; removals are recorded under it.]
    `);
  });

  it('reports an unknown key, so a typo does not silently do nothing', () => {
    expect(() => parseRules('rules:\n  - id: typo\n    reason: A rule with a misspelt key.\n    line: [a]\n', 'content/import-rules/x.yaml', true)).toThrowErrorMatchingInlineSnapshot(`
      [ImportError: content/import-rules/x.yaml:4: rules.0: Unrecognized key: "line". Did you mean \`lines\`?
        Fix: see the rule format at the top of content/import-rules/shared.yaml.]
    `);
  });
});

describe('reflow and structure', () => {
  it('tells hard-wrapped text from one paragraph per line', () => {
    expect(detectWrapped(['A sentence that runs', 'on to the next line and', 'stops here.', 'Another starts', 'and goes on.'])).toBe(true);
    expect(detectWrapped(['A headline', 'A paragraph on one line.', 'Another paragraph on one line.'])).toBe(false);
  });

  it('rejoins a word split after a hyphen without losing the hyphen', () => {
    expect(joinWrapped('the anti-', 'Russia offensive')).toBe('the anti-Russia offensive');
    expect(joinWrapped('nuclear-', 'capable')).toBe('nuclear-capable');
    expect(joinWrapped('our commitment to', 'Ukraine’s')).toBe('our commitment to Ukraine’s');
    expect(joinWrapped('a dash -', 'then')).toBe('a dash - then');
  });

  it('reads the datelines of the edition', () => {
    expect(['May 22, 2020 - Senior', 'MOSCOW, July 10, 2020 - Russia', 'Paris July 1, 2020 - France', '(September 8, 2020) — The', 'Jun 10, 2020 -The'].map((t) => parseDateline(t)?.date)).toEqual([
      '2020-05-22', '2020-07-10', '2020-07-01', '2020-09-08', '2020-06-10',
    ]);
    expect(parseDateline('MOSCOW  Russia on Saturday')).toBeUndefined();
    expect(parseDateline('Launching his #NATO2030 reflection')).toBeUndefined();
  });

  it('reads header lines: a date stamp, a URL, a dated byline', () => {
    expect(parseHeaderLine('20220205')).toEqual({ text: '20220205', date: '2022-02-05' });
    expect(parseHeaderLine('https://example.com/a')).toEqual({ text: 'https://example.com/a', url: 'https://example.com/a' });
    expect(parseHeaderLine('September 9th, 2020 - by Tyler Durden / ZeroHedge')?.date).toBe('2020-09-09');
    expect(parseHeaderLine('20221399')).toBeUndefined();
    expect(parseHeaderLine('An ordinary sentence.')).toBeUndefined();
  });
});

describe('removalSummary', () => {
  it('does not call stripped characters site furniture', () => {
    const occurrence = { lines: '1', text: 'x' };
    expect(removalSummary([{ rule: 'footer', occurrences: [occurrence, occurrence] }])).toBe(
      '2 pieces of site furniture, by 1 recorded rule; no sentence of the text was removed or changed.',
    );
    expect(removalSummary([{ rule: 'control-characters', occurrences: [occurrence] }])).toBe(
      '1 invisible or control character that cannot be shown as text; no sentence of the text was removed or changed.',
    );
    expect(removalSummary([{ rule: 'a', occurrences: [occurrence] }, { rule: 'b', occurrences: [occurrence] }, { rule: 'control-characters', occurrences: [occurrence, occurrence] }])).toBe(
      '2 pieces of site furniture, by 2 recorded rules, and 2 invisible or control characters that cannot be shown as text; no sentence of the text was removed or changed.',
    );
  });
});
