import { describe, expect, it } from 'vitest';
import { renderMdx, ARTICLE_PATH } from '../../helpers/pipeline.ts';
import { makeCorpus, termSource } from '../../helpers/corpus.ts';

const corpus = makeCorpus({
  terms: {
    nato: termSource('NATO', ['Nato']),
    'union-state': termSource('Union State'),
    iskander: termSource('Iskander'),
  },
});

async function render(mdx: string, use = corpus) {
  return renderMdx(mdx, {}, ARTICLE_PATH, use);
}

describe('remark-glossary', () => {
  it('links the first mention of a term in each section, and records every mention', async () => {
    const { html, file } = await render(
      'NATO met. Then NATO’s allies met. ^intro\n\n## NATO again ^section-one\n\nThe Union State and NATO. ^first-in-section\n',
    );
    expect(html.match(/<a href="\/glossary\/nato\/" class="term" data-term="nato">/g)).toHaveLength(2);
    expect(html).toContain('<a href="/glossary/nato/" class="term" data-term="nato">NATO</a> met.');
    expect(html).toContain('<h2 id="section-one" data-passage="heading">NATO again</h2>');
    expect(file.data.mentions!.map((m) => [m.term, m.passage, m.section, m.text, m.linked])).toEqual([
      ['nato', 'intro', '', 'NATO', true],
      ['nato', 'intro', '', 'NATO’s', false],
      ['nato', 'section-one', 'section-one', 'NATO', false],
      ['union-state', 'first-in-section', 'section-one', 'Union State', true],
      ['nato', 'first-in-section', 'section-one', 'NATO', true],
    ]);
    expect(file.data.mentions![1]!.sentence).toBe('Then NATO’s allies met.');
  });

  it('does not link inside existing links, and links inside a note’s passage', async () => {
    const { html } = await render(
      '[NATO](https://www.nato.int/) and <Passage note="n">the Iskander</Passage> here. ^p\n\n<Note id="n" kind="context" added="2026-11-22">\nA note on NATO.\n\n<Source title="S" url="https://example.com/" />\n</Note>\n',
    );
    expect(html).toContain('<a href="https://www.nato.int/">NATO</a> and');
    // The term is linked whole, then kept on one line with the note's marker (rehype-note-tails).
    expect(html).toContain('<mark class="note-mark note-mark--context" id="mark-n" data-notes="n">the <span class="note-tail"><a href="/glossary/iskander/" class="term" data-term="iskander">Iskander</a><a class="note-ref');
    expect(html).toContain('A note on NATO.');
  });

  it('lets an editor force a link with <Term> and suppress one with <NoTerm>', async () => {
    const { html, file } = await render('The <NoTerm>Iskander</NoTerm> restaurant and the <Term id="union-state">union</Term>; Iskander. ^p\n');
    expect(html).toContain('The Iskander restaurant and the <a href="/glossary/union-state/" class="term" data-term="union-state">union</a>; <a href="/glossary/iskander/" class="term" data-term="iskander">Iskander</a>.');
    expect(file.data.mentions!.map((m) => [m.term, m.text, m.forced ?? false])).toEqual([
      ['union-state', 'union', true],
      ['iskander', 'Iskander', false],
    ]);
  });

  it('fails on an attribute <Term> or <NoTerm> does not take, naming it', async () => {
    await expect(render('The <Term name="nato">union</Term> and the <NoTerm id="x">Iskander</NoTerm>. ^p\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 2 content errors in content/articles/test-article.mdx:
      content/articles/test-article.mdx:1:5: <Term> has the unknown attribute \`name\` [term-attribute]
          Fix: write <Term id="…">, the id of an entry in content/glossary/.
      content/articles/test-article.mdx:1:44: <NoTerm> has the unknown attribute \`id\` [term-attribute]
          Fix: <NoTerm> takes no attribute: write <NoTerm>words</NoTerm>.]
    `);
  });

  it('fails on a <Term> that names no entry, suggesting the nearest', async () => {
    await expect(render('The <Term id="union-stat">union</Term>. ^p\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx:1:5: <Term id="union-stat"> names no glossary entry [unknown-term]
          Fix: use the id of an entry in content/glossary/. Did you mean \`union-state\`?]
    `);
  });

  it('refuses a <Term> id written as an expression, and a <Term> with no id, each in its own words', async () => {
    await expect(render('The <Term id={"union-state"}>union</Term>. ^p\n')).rejects.toThrow('<Term> has an attribute written as an expression (id) [term-attribute-expression]\n    Fix: write it as a plain string: id="union-state", without the braces.');
    await expect(render('The <Term>union</Term>. ^p\n')).rejects.toThrow('a <Term> has no id [unknown-term]\n    Fix: write the id of the entry it links, e.g. <Term id="nato">union</Term>.');
  });

  it('links no name while two entries claim the same one, which the compiler names once, at the glossary entry', async () => {
    const clash = makeCorpus({ terms: { nato: termSource('NATO', ['Alliance']), other: termSource('Other', ['Alliance']) } });
    const html = await render('The Alliance met. ^p\n', clash);
    expect(String(html)).not.toContain('class="term"');
  });
});

describe('rehype-cited-by', () => {
  it('shows, under a cited passage, the citing sentence and a link to the note, its text quoted and attributed', async () => {
    const citing = makeCorpus({
      articles: {
        'test-article': '---\ntitle: Cited\n---\n\nThe cited words. ^cited\n',
        other: '---\ntitle: The citing text\noutlets:\n  - name: Test Wire\n---\n\nWords <Passage note="x">here</Passage>. ^w\n\n<Note id="x" kind="discrepancy" added="2026-11-22">\nIt differs. The other text gives [another figure](passage:test-article#cited) for this.\n\n<Source title="S" url="https://example.com/" />\n</Note>\n',
      },
    });
    const { html } = await render('The cited words. ^cited\n\nMore. ^more\n', citing);
    expect(html).toContain(
      '<details class="cited-by" data-apparatus="" data-pagefind-ignore=""><summary class="cited-by__marker">Cited in a note</summary><p>In a note to <a href="/articles/other/#note-x" data-link="note">“The citing text”</a><span class="cited-by__by"> —\u00a0Test Wire</span>: <q>The other text gives another figure for this.</q></p></details>',
    );
    expect(html.indexOf('cited-by')).toBeLessThan(html.indexOf('id="more"'));
  });
});
