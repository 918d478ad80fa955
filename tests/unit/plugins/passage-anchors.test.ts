import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { renderMdx } from '../../helpers/pipeline.ts';
import { remarkPassageAnchors } from '../../../src/plugins/remark-passage-anchors.ts';
import { parseMdx } from '../../../src/compiler/parse.ts';
import { fingerprint } from '../../../src/lib/ledger.ts';
import { ROOT } from '../../helpers/site.ts';

describe('remark-passage-anchors and rehype-passage-links', () => {
  it('gives a paragraph the id written after its caret, and a link to itself', async () => {
    const { html } = await renderMdx('Belarus seems small. ^belarus-seems-small\n');
    expect(html).toMatchInlineSnapshot(`"<p id="belarus-seems-small" data-passage="paragraph">Belarus seems small.<a class="passage-link" href="#belarus-seems-small" aria-label="Link to this paragraph" data-pagefind-ignore=""></a></p>"`);
  });

  it('wraps a heading with its link beside it, not inside it', async () => {
    const { html } = await renderMdx('## US: Stop Meddling ^us-stop-meddling\n');
    expect(html).toMatchInlineSnapshot(`"<div class="heading-wrap heading-wrap--h2"><h2 id="us-stop-meddling" data-passage="heading">US: Stop Meddling</h2><a class="passage-link" href="#us-stop-meddling" aria-label="Link to this section" data-pagefind-ignore=""></a></div>"`);
  });

  it('reads ids inside quotations and after inline markup', async () => {
    const { html } = await renderMdx('> Quoted *words*. ^quoted-words\n\nA [link](https://example.com/) ends it ^ends-with-link\n');
    expect(html).toContain('<p id="quoted-words" data-passage="paragraph">Quoted <em>words</em>.');
    expect(html).toContain('<p id="ends-with-link" data-passage="paragraph">A <a href="https://example.com/">link</a> ends it<a class="passage-link"');
  });

  it('keeps an escaped caret as text', async () => {
    const { html } = await renderMdx('A caret \\^not-an-id stays. ^real-id\n');
    expect(html).toContain('A caret ^not-an-id stays.');
    expect(html).toContain('id="real-id"');
  });

  it('hands the passages on in vfile.data', async () => {
    const { file } = await renderMdx('## A heading ^a-heading\n\nA paragraph. ^a-paragraph\n');
    expect(file.data.passages).toEqual([
      { id: 'a-heading', kind: 'heading', depth: 2, text: 'A heading', line: 1 },
      { id: 'a-paragraph', kind: 'paragraph', text: 'A paragraph.', line: 3 },
    ]);
  });

  it('leaves files outside content/articles alone', async () => {
    const { html } = await renderMdx('No id here.\n', {}, join(ROOT, 'src/pages/about.mdx'));
    expect(html).toBe('<p>No id here.</p>');
  });

  it('fails on a paragraph without an id, suggesting one', async () => {
    await expect(renderMdx('First. ^first\n\nThe Kremlin has lashed out at NATO forces.\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx:3:1: paragraph “The Kremlin has lashed out at NATO forces.” has no passage id [missing-passage-id]
          Fix: end it with a space and a caret id, e.g. \` ^kremlin-lashed-out-nato-forces\` (ids never change once published).]
    `);
  });

  it('fails on words written after a paragraph’s id, naming the id and the words', async () => {
    await expect(renderMdx('First. ^first\n\nThe Kremlin has lashed out. ^kremlin-lashed-out And an editor’s words.\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx:3:1: paragraph ^kremlin-lashed-out has words after its id: “And an editor’s words.” [passage-id-not-last]
          Fix: an id ends its paragraph: put words of the source before \` ^kremlin-lashed-out\`, and delete words that are not the source's (a note says what the editors add).]
    `);
  });

  it('names two paragraphs run together, and leaves an escaped caret in the text alone', async () => {
    await expect(renderMdx('First. ^first\n\nThe Kremlin has lashed out. ^kremlin-lashed-out NATO replied. ^nato-replied\n')).rejects.toThrow('content/articles/test-article.mdx:3:1: paragraph ^nato-replied holds another id, ^kremlin-lashed-out, with words after it (“NATO replied.”): two paragraphs run together [passage-id-not-last]\n    Fix: put a blank line after ` ^kremlin-lashed-out`, so that each paragraph ends with its own id.');
    const { html } = await renderMdx('Growth of \\^5 percent was reported. ^growth-reported\n');
    expect(html).toContain('<p id="growth-reported" data-passage="paragraph">Growth of ^5 percent was reported.');
  });

  it('fails on a paragraph that is one whole <Passage> without an id, which MDX reads as a block', async () => {
    await expect(renderMdx('First. ^first\n\n<Passage note="x">The Kremlin has lashed out at NATO forces.</Passage>\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx:3:1: paragraph “The Kremlin has lashed out at NATO forces.” has no passage id: it is one whole <Passage>, which without an id after it MDX reads as a block, not as a paragraph of the text [missing-passage-id]
          Fix: end the line, after </Passage>, with a space and its id, e.g. \` ^kremlin-lashed-out-nato-forces\` (ids never change once published; \`git diff\` shows the one it had).]
    `);
  });

  it('fails on an id used twice, naming both lines', async () => {
    await expect(renderMdx('One. ^same\n\nTwo. ^same\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx:3:1: passage id \`same\` is already used at line 1 [duplicate-passage-id]
          Fix: give this paragraph its own id, e.g. \`two\`.]
    `);
  });

  it('of two paragraphs given one id, names the one whose words the id was not published with', async () => {
    // “Two.” was published as ^same; the id was then copied onto “One.”.
    const run = (recorded: string | undefined) => {
      const file = new VFile({ path: join(ROOT, 'content/articles/test-article.mdx'), value: 'One. ^same\n\nTwo. ^same\n' });
      return () => unified().use(remarkPassageAnchors, { recorded: (path, id) => (path.endsWith('test-article.mdx') && id === 'same' ? recorded : undefined) }).runSync(parseMdx('One. ^same\n\nTwo. ^same\n').tree as never, file);
    };
    expect(run(fingerprint('Two.'))).toThrow('content/articles/test-article.mdx:1:1: passage id `same` is also on line 3, whose words it was published with [duplicate-passage-id]\n    Fix: give this paragraph its own id, e.g. `one`, and leave `same` on line 3.');
    // Published with the first one's words, or not yet published: the second is the one to change.
    expect(run(fingerprint('One.'))).toThrow('content/articles/test-article.mdx:3:1: passage id `same` is already used at line 1 [duplicate-passage-id]');
    expect(run(undefined)).toThrow('content/articles/test-article.mdx:3:1: passage id `same` is already used at line 1 [duplicate-passage-id]');
  });

  it('names the character that is not allowed, an invisible one by its name and code', async () => {
    await expect(renderMdx('Words. ^kharkiv\u200bcity\n')).rejects.toThrow('passage id `kharkiv\u200bcity` is not valid (it holds a zero-width space (U+200B) at character 8)');
    await expect(renderMdx('Words. ^p1\n\n<Note id="kharkiv\u00a0distance" kind="context">A note.</Note>\n')).rejects.toThrow('note `kharkiv\u00a0distance`: the id is not valid (it holds a no-break space (U+00A0) at character 8)');
  });

  it('fails on a malformed id and on a reserved prefix', async () => {
    await expect(renderMdx('Bad. ^Bad_Id\n\nReserved. ^note-x\n')).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 2 content errors in content/articles/test-article.mdx:
      content/articles/test-article.mdx:1:1: passage id \`Bad_Id\` is not valid (it holds the capital \`B\` at character 1) [invalid-passage-id]
          Fix: use lowercase letters, digits and single hyphens, at most 64 characters, e.g. \`bad\`.
      content/articles/test-article.mdx:3:1: passage id \`note-x\` starts with \`note-\`, which is kept for notes and terms [invalid-passage-id]
          Fix: use lowercase letters, digits and single hyphens, at most 64 characters, e.g. \`reserved\`.]
    `);
  });
});

describe('rehype-section-meta', () => {
  const frontmatter = {
    outlets: [{ name: 'US Peace Council', kind: 'advocacy-group' }, { name: 'Reuters', kind: 'news-agency', namedBy: 'editors' }],
    sections: [
      { heading: 'us-stop-meddling', outlet: 'US Peace Council', date: new Date('2020-09-01T00:00:00Z') },
      { heading: 'open-skies', outlet: 'Reuters', author: 'A Reporter', date: '2020-05-22' },
    ],
  };

  it('puts each piece’s outlet, kind, author and date under its heading', async () => {
    const { html } = await renderMdx('## US: Stop Meddling ^us-stop-meddling\n\nText. ^text\n\n## Open Skies ^open-skies\n\nMore. ^more\n', frontmatter);
    expect(html).toContain('<p class="section-meta" data-apparatus="" data-pagefind-ignore=""><span class="section-meta__outlet">US Peace Council</span> · advocacy group · <time datetime="2020-09-01">1 September 2020</time></p>');
    expect(html).toContain('<span class="section-meta__outlet">Reuters</span> · news agency (identified by the editors) · by A Reporter · <time datetime="2020-05-22">22 May 2020</time>');
  });

  it('fails when a section’s lead is not a paragraph just above its heading, with the fix', async () => {
    const text = 'Lead. ^lead\n\n## First ^first\n\nText. ^text\n\n## Second ^second\n';
    await expect(renderMdx(text, { sections: [{ heading: 'first', lead: 'lead', date: '2020-01-01' }] })).resolves.toBeTruthy();
    await expect(renderMdx(text, { sections: [{ heading: 'second', lead: 'lead', date: '2020-01-01' }] })).rejects.toThrow(/the lead `lead` of `second` does not stand just above that heading \[section-lead\]/);
    await expect(renderMdx(text, { sections: [{ heading: 'first', lead: 'leed', date: '2020-01-01' }] })).rejects.toThrow(/gives `leed` as the lead of `first`, but no paragraph has that passage id \[section-lead\][^]*Did you mean `lead`\?/);
  });

  it('fails when a section names a heading that does not exist', async () => {
    await expect(renderMdx('## Only ^only\n', { sections: [{ heading: 'missing-heading', date: '2020-01-01' }] })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ContentError: 1 content error in content/articles/test-article.mdx:
      content/articles/test-article.mdx: front matter \`sections\` names heading \`missing-heading\`, but no heading has that passage id [unknown-section-heading]
          Fix: use the id of a heading (\`only\`), or remove the entry.]
    `);
  });
});
