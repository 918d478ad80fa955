import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { readShell, renderSharePage, type SharePage } from '../../../src/lib/share-page.ts';

const hostile = `"><script>alert(1)</script> & <b>`;
const page: SharePage = {
  id: 'a-note',
  url: 'https://example.org/notes/a-note/',
  canonical: 'https://example.org/articles/a/#note-a-note',
  target: '/articles/a/#note-a-note',
  title: `Note on “${hostile}” · Borderlines`,
  description: hostile,
  share: { title: `“${hostile}”`, description: hostile, image: 'https://example.org/og.png', imageAlt: hostile, type: 'article' },
  kicker: 'Note 1 · Context',
  quote: `“${hostile}”`,
  body: hostile,
  articleTitle: hostile,
  articleMeta: 'Outlet, 1 January 2022',
};
const shell = readShell(`<html lang="en-GB"><head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;"><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/a.css"></head></html>`);

describe('share pages', () => {
  it('take the policy, stylesheet and icon of the site’s pages', () => {
    expect(shell).toEqual({ lang: 'en-GB', csp: "default-src 'self'", stylesheets: ['/_astro/a.css'], icon: '/favicon.svg' });
  });

  it('carry any text as text, in the body and in every attribute', () => {
    const tree = fromHtml(renderSharePage(page, shell));
    expect(selectAll('script, b', tree)).toHaveLength(0);
    expect(toString(selectAll('h1', tree)[0]!)).toBe(`On “${hostile}”`);
    const og = selectAll('meta[property="og:description"]', tree)[0]!;
    expect(og.properties['content']).toBe(hostile);
    expect(selectAll('meta[http-equiv="refresh"]', tree)[0]!.properties['content']).toBe('0; url=/articles/a/#note-a-note');
    expect(selectAll('link[rel="canonical"]', tree)[0]!.properties['href']).toBe(page.canonical);
    expect(selectAll('.share-page > p', tree).map((node) => toString(node))).toContain(hostile);
    // Not indexed for search: the note is found in its text's page.
    expect(selectAll('[data-pagefind-body], [data-pagefind-meta], [data-pagefind-filter]', tree)).toHaveLength(0);
  });
});

describe('the share page of a fact-check or a correction', () => {
  it('leads with the finding, the claim quoted and attributed under it', () => {
    const tree = fromHtml(renderSharePage({ ...page, finding: 'The distance matches the US statement.', quote: '“within 100 feet” — ZeroHedge' }, shell));
    expect(toString(selectAll('h1', tree)[0]!)).toBe('The distance matches the US statement.');
    expect(toString(selectAll('.share-page__claim', tree)[0]!)).toBe('On “within 100 feet” — ZeroHedge');
  });
});
