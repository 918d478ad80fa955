import { describe, expect, it } from 'vitest';
import { renderMdx, ARTICLE_PATH } from '../../helpers/pipeline.ts';
import { makeCorpus } from '../../helpers/corpus.ts';

const corpus = makeCorpus({
  articles: {
    other: '---\ntitle: Another text\n---\n\nThe other paragraph. ^other-paragraph\n\nWords <Passage note="elsewhere">here</Passage>. ^w\n\n<Note id="elsewhere" kind="context" added="2026-11-22">\nX.\n\n<Source title="S" url="https://example.com/" />\n</Note>\n',
  },
  terms: { 'union-state': '---\nterm: Union State\n---\n' },
});

const source = '<Source title="A source" url="https://example.com/page" date="2022-02-05" />';
const note = (attributes: string, body = 'A body.', sources = source) => `<Note ${attributes}>\n${body}\n\n${sources}\n</Note>\n`;
const render = (mdx: string) => renderMdx(mdx, {}, ARTICLE_PATH, corpus);

describe('remark-notes: rendering', () => {
  it('marks the passage, numbers the note and renders it after its paragraph', async () => {
    const { html, file } = await render(
      `Before <Passage note="a">the marked words</Passage> after. ^p\n\n${note('id="a" kind="fact-check" finding="accurate" added="2026-11-22"', 'It is *checked*.')}`,
    );
    expect(html).toMatchInlineSnapshot(`
      "<p id="p" data-passage="paragraph">Before <mark class="note-mark note-mark--fact-check" id="mark-a" data-notes="a">the marked <span class="note-tail">words<a class="note-ref note-ref--fact-check" href="#note-a" id="ref-a" aria-label="Note 1: Fact-check" data-note="a" data-number="1" data-apparatus="" data-pagefind-ignore=""><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M11 2h2v17h-2zM3 5h18v2H3zM6 19h12v2H6zM5.5 7 1.8 13.5h1.8l1.9-3.6 1.9 3.6h1.8zM18.5 7l-3.7 6.5h1.8l1.9-3.6 1.9 3.6h1.8zM1.5 13.5h8a4 3.5 0 0 1-8 0zM14.5 13.5h8a4 3.5 0 0 1-8 0z"></path></svg></a></span></mark> after.<a class="passage-link" href="#p" aria-label="Link to this paragraph" data-pagefind-ignore=""></a></p>
      <aside id="note-a" class="note note--fact-check" aria-labelledby="note-a-label" tabindex="-1" data-note="a" data-kind="fact-check" data-apparatus="" data-pagefind-title="Note 1: Fact-check"><p class="note__label" id="note-a-label" data-pagefind-ignore=""><span class="note__number">1</span><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M11 2h2v17h-2zM3 5h18v2H3zM6 19h12v2H6zM5.5 7 1.8 13.5h1.8l1.9-3.6 1.9 3.6h1.8zM18.5 7l-3.7 6.5h1.8l1.9-3.6 1.9 3.6h1.8zM1.5 13.5h8a4 3.5 0 0 1-8 0zM14.5 13.5h8a4 3.5 0 0 1-8 0z"></path></svg><span class="note__kind">Fact-check</span><a class="note__finding" href="/about/#finding-accurate">Matches the record</a><span class="note__on"> on “the marked words”</span></p><div class="note__body"><p>It is <em>checked</em>.</p></div><details class="note__sources" open><summary class="note__sources-label" data-pagefind-ignore="">Source</summary><ul><li><a href="https://example.com/page">A source</a>, <time datetime="2022-02-05" data-pagefind-ignore="">5 February 2022</time></li></ul></details><p class="note__meta" data-pagefind-ignore="">Added <time datetime="2026-11-22">22 November 2026</time> · <a class="note__permalink" href="#note-a" data-share="/notes/a/" aria-label="Permalink to this note">Permalink</a> · <a class="note__report" href="mailto:corrections@borderlines.example?subject=Error%20in%20a%20note%3A%20a&#x26;body=Note%3A%20http%3A%2F%2Flocalhost%3A4321%2Farticles%2Ftest-article%2F%23note-a%0D%0A%0D%0AWhat%20is%20wrong%2C%20and%20what%20should%20it%20say%3F%0D%0A%0D%0AA%20source%2C%20where%20you%20can%20(a%20URL)%3A%0D%0A">Report an error</a></p></aside>"
    `);
    expect(file.data.notes).toEqual([
      expect.objectContaining({ id: 'a', number: 1, kind: 'fact-check', finding: 'accurate', passage: 'p', exact: 'the marked words', prefix: 'Before ', suffix: ' after.', bodyText: 'It is checked.' }),
    ]);
  });

  it('numbers notes by the order of their passages, and lets two notes share a passage', async () => {
    const { file } = await render(
      `<Passage note="b c">Shared</Passage> and <Passage note="a">later</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}\n${note('id="b" kind="copy" added="2026-11-22"')}\n${note('id="c" kind="aftermath" added="2026-11-22"')}`,
    );
    expect(file.data.notes!.map((n) => [n.id, n.number])).toEqual([['b', 1], ['c', 2], ['a', 3]]);
  });

  it('puts the notes after a paragraph in number order, whatever order they were written in', async () => {
    const { html } = await render(
      `<Passage note="b c">Shared</Passage> and <Passage note="a">later</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}\n${note('id="c" kind="aftermath" added="2026-11-22"')}\n${note('id="b" kind="copy" added="2026-11-22"')}\nNext. ^q\n`,
    );
    expect([...html.matchAll(/<aside id="note-(\w+)"/g)].map((match) => match[1])).toEqual(['b', 'c', 'a']);
    expect(html.indexOf('id="note-a"')).toBeLessThan(html.indexOf('<p id="q"'));
  });

  it('rewrites and records links to passages, notes, articles and terms', async () => {
    const { html, file } = await render(
      `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="discrepancy" added="2026-11-22"', 'See [the other](passage:other#other-paragraph), [its note](note:elsewhere), [the text](article:other) and [the union](term:union-state).')}`,
    );
    expect(html).toContain('<a href="/articles/other/#other-paragraph" data-link="passage">the other</a>');
    expect(html).toContain('<a href="/articles/other/#note-elsewhere" data-link="note">its note</a>');
    expect(html).toContain('<a href="/articles/other/" data-link="article">the text</a>');
    expect(html).toContain('<a href="/glossary/union-state/" data-link="term">the union</a>');
    expect(file.data.notes![0]!.links.map((l) => `${l.kind}:${l.target}`)).toEqual(['passage:other#other-paragraph', 'note:elsewhere', 'article:other', 'term:union-state']);
  });

  it('records the glossary terms its body names, once each, and not those only its passage names', async () => {
    const { file } = await render(`The <Passage note="a">Union State</Passage> treaty. ^p\n\n${note('id="a" kind="context" added="2026-11-22"', 'Signed in 1999.')}\n${note('id="b" kind="context" added="2026-11-22"', 'The Union State, and the Union State again.')}`.replace('<Passage note="a">', '<Passage note="a b">'));
    expect(file.data.notes!.map((n) => [n.id, n.bodyTerms])).toEqual([['a', []], ['b', ['union-state']]]);
  });

  it('records a correction with its date, linked to its entry on the corrections page, and what changed', async () => {
    const { html } = await render(`A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="correction" added="2026-11-22" updated="2026-12-01" change="The date was corrected."')}`);
    expect(html).toContain('Corrected on <a class="note__corrected" href="/corrections/2026/note-a-2026-12-01/"><time datetime="2026-12-01">1 December 2026</time></a>: The date was corrected.');
  });
});

describe('remark-notes: errors', () => {
  const cases: [string, string][] = [
    ['an unknown kind', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="fact check" added="2026-11-22"')}`],
    ['a duplicate id', `A <Passage note="a">word</Passage> and <Passage note="a">again</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}\n${note('id="a" kind="context" added="2026-11-22"')}`],
    ['an id used in another article', `A <Passage note="elsewhere">word</Passage>. ^p\n\n${note('id="elsewhere" kind="context" added="2026-11-22"')}`],
    ['an empty passage', `A <Passage note="a"> </Passage> word. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}`],
    ['a passage across paragraphs', `<Passage note="a">\nOne paragraph. ^one\n\nAnother. ^two\n</Passage>\n\n${note('id="a" kind="context" added="2026-11-22"')}`],
    ['a missing source', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"', 'A body.', '')}`],
    ['a source without a proper address', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"', 'A body.', '<Source title="T" url="example.com/x" />')}`],
    ['a link to a passage that does not exist', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"', 'See [it](passage:other#no-such-paragraph).')}`],
    ['a link to an article that does not exist', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"', 'See [it](article:otter).')}`],
    ['a note without a passage', `A word. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}`],
    ['a note far from its passage', `A <Passage note="a">word</Passage>. ^p\n\nAnother paragraph. ^q\n\n${note('id="a" kind="context" added="2026-11-22"')}`],
    ['a passage naming an unwritten note', `A <Passage note="b">word</Passage>. ^p\n`],
    ['a missing date', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context"')}`],
    ['a fact-check without a finding', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="fact-check" added="2026-11-22"')}`],
    ['a fact-check with a misspelt finding', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="fact-check" finding="acurate" added="2026-11-22"')}`],
    ['a finding on a note that is not a fact-check', `A <Passage note="a">word</Passage>. ^p\n\n${note('id="a" kind="context" finding="accurate" added="2026-11-22"')}`],
  ];
  for (const [what, mdx] of cases) {
    it(`fails on ${what}, with file, line, note id and fix`, async () => {
      let message = '';
      try {
        await render(mdx);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/content\/articles\/test-article\.mdx:\d+:\d+: /);
      expect(message).toContain('Fix: ');
      expect(message).toMatchSnapshot();
    });
  }
});

describe('remark-notes: dates and attributes that cannot be right', () => {
  /** The error lines of a render that must fail. */
  const problemsOf = async (mdx: string): Promise<string> => {
    try {
      await render(mdx);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the render did not fail');
  };
  const today = new Date().toISOString().slice(0, 10);
  const passage = 'A <Passage note="a">word</Passage>. ^p\n\n';

  it('names the id a note copied from the note before most likely should have: the one its passage names, in one problem', async () => {
    const message = await problemsOf(`A <Passage note="a">word</Passage> and <Passage note="b">another</Passage>. ^p\n\n${note('id="a" kind="context" added="2026-11-22"')}\n${note('id="a" kind="context" added="2026-11-22"')}`);
    expect(message).toContain('note id `a` is already used at line 3, and the passage before this note (line 1) names note `b`, which no <Note> has [duplicate-note-id]\n    Fix: this is most likely that note: give it id="b".');
    expect(message).not.toContain('passage-unknown-note');
    expect(message).toMatch(/^1 content error/);
  });

  it('names a note id cut in two by a line break in the passage’s attribute, in one problem', async () => {
    const message = await problemsOf(`A <Passage note="troop-\nestimate">word</Passage>. ^p\n\n${note('id="troop-estimate" kind="context" added="2026-11-22"')}`);
    expect(message).toMatch(/^1 content error/);
    expect(message).toContain('the passage names `troop-` and `estimate`, no note\'s ids: its note="…" is cut by a space or a line break, and the note `troop-estimate` written after it has no passage [passage-id-cut]\n    Fix: write the id whole, on one line: <Passage note="troop-estimate">.');
    // A note that has its passage elsewhere is not taken for a cut id: these are two ids no note has.
    const elsewhere = await problemsOf(`A <Passage note="troop-estimate">word</Passage> and <Passage note="troop- estimate">more</Passage>. ^p\n\n${note('id="troop-estimate" kind="context" added="2026-11-22"')}`);
    expect(elsewhere).not.toContain('passage-id-cut');
    expect(elsewhere.match(/\[passage-unknown-note\]/g)).toHaveLength(2);
  });

  it('refuses a source dated in the future or after the day it was verified, on the source’s line', async () => {
    const message = await problemsOf(
      `${passage}${note('id="a" kind="context" added="2026-11-22"', 'A body.', '<Source title="Ahead" url="https://example.com/a" date="2099-01" verified="2026-12-03" />\n<Source title="Read before it was written" url="https://example.com/b" date="2026-12-05" verified="2026-12-03" />')}`,
    );
    expect(message).toContain(
      `content/articles/test-article.mdx:6:1: a source of note \`a\`: \`date\`: 2099-01 is later than today (${today}) [source-date]\n` +
        '    Fix: write the day the page was published as YYYY-MM-DD, YYYY-MM or YYYY, or leave it out.',
    );
    expect(message).toContain(
      'content/articles/test-article.mdx:7:1: a source of note `a`: `date` (2026-12-05) is later than `verified` (2026-12-03) [source-date]\n' +
        '    Fix: a page is published before it is read: correct date="…" (the day the page was published) or verified="…" (the day you last opened it).',
    );
    // Its only sources at fault: the note is not also told it cites none.
    expect(message).not.toContain('missing-source');
  });

  it('takes a month or a year as its first day when comparing it with the day of verification', async () => {
    const { file } = await render(`${passage}${note('id="a" kind="context" added="2026-11-22"', 'A body.', '<Source title="This month" url="https://example.com/a" date="2026-12" verified="2026-12-03" />')}`);
    expect(file.data.notes![0]!.sources).toEqual([{ title: 'This month', url: 'https://example.com/a', date: '2026-12', verified: '2026-12-03' }]);
  });

  it('refuses a note corrected before it was written', async () => {
    const message = await problemsOf(`${passage}${note('id="a" kind="correction" added="2026-11-22" updated="2026-11-02" change="The date was corrected."')}`);
    expect(message).toContain(
      'content/articles/test-article.mdx:3:1: note `a`: `added` (2026-11-22) is later than `updated` (2026-11-02) [note-date]\n' +
        '    Fix: a note is corrected after it is written: correct updated="…" (the day of the correction) or added="…" (the day the note was written).',
    );
  });

  it('names a misspelt attribute of a <Source> and the one it means, as for a <Note>', async () => {
    const message = await problemsOf(`${passage}${note('id="a" kind="context" added="2026-11-22"', 'A body.', '<Source title="T" url="https://example.com/a" verifed="2026-12-03" />')}`);
    expect(message).toBe(
      '1 content error in content/articles/test-article.mdx:\n' +
        'content/articles/test-article.mdx:6:1: a source of note `a` has the unknown attribute `verifed` [source-attribute]\n' +
        '    Fix: use title, url, date and verified. Did you mean `verified`?',
    );
    const added = await problemsOf(`${passage}${note('id="a" kind="context" addded="2026-11-22"')}`);
    expect(added).toContain('note `a` has the unknown attribute `addded` [note-attribute]\n    Fix: use id, kind, added, updated, change and finding. Did you mean `added`?');
  });

  it('refuses a note id written as an expression once, reading its string for the rest (no “note `` has no passage”)', async () => {
    const message = await problemsOf(`${passage}${note('id={"a"} kind="context" added="2026-11-22"')}`);
    expect(message).toBe(
      '1 content error in content/articles/test-article.mdx:\n' +
        'content/articles/test-article.mdx:3:1: note `a` has an attribute written as an expression (id) [note-attribute-expression]\n' +
        '    Fix: write it as a plain string: id="a", without the braces.',
    );
  });

  it('names a note with no id once, without a second problem about its passage', async () => {
    const message = await problemsOf(`Words here. ^p1\n\n${note('kind="context" added="2026-11-22"')}`);
    expect(message).toContain('a <Note> has no id [invalid-note-id]');
    // Too long: the fix says how long an id may be.
    expect(await problemsOf(`A <Passage note="${'a'.repeat(70)}">word</Passage>. ^p\n\n${note(`id="${'a'.repeat(70)}" kind="context" added="2026-11-22"`)}`)).toContain('at most 64 characters');
    expect(message).not.toContain('has no passage');
  });

  it('refuses a <Passage> note written as an expression with the plain string to write', async () => {
    const message = await problemsOf(`Words <Passage note={"a"}>here</Passage>. ^p1\n\n${note('id="a" kind="context" added="2026-11-22"')}`);
    expect(message).toContain('the passage of note `a` has an attribute written as an expression (note) [passage-attribute-expression]\n    Fix: write it as a plain string: note="a", without the braces.');
  });

  it('refuses a <Source> attribute written as an expression, which would be dropped', async () => {
    const message = await problemsOf(`${passage}${note('id="a" kind="context" added="2026-11-22"', 'A body.', '<Source title="T" url="https://example.com/a" verified={"2026-12-03"} />')}`);
    expect(message).toContain('content/articles/test-article.mdx:6:1: a source of note `a` has an attribute written as an expression (verified) [source-attribute-expression]\n    Fix: write it as a plain string: verified="2026-12-03", without the braces.');
  });
});
