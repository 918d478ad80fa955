/**
 * Broken content fails the build, with a message that names the file and what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

const ARTICLE = 'content/articles/russian-bombers-fly-over-belarus.mdx';

describe('content errors fail the build', () => {
  let site: FixtureSite;
  let original: string;
  beforeAll(() => {
    site = createFixtureSite();
    site.edit(ARTICLE, (text) => (original = text));
  });
  afterAll(() => site.remove());

  const restore = () => site.edit(ARTICLE, () => original);

  it('names the file and the field of a front-matter value the schema refuses', () => {
    site.edit(ARTICLE, (text) => text.replace('kind: news-agency\n', 'kind: newspaper\n'));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toContain('russian-bombers-fly-over-belarus');
    expect(output).toMatch(/kind/);
    expect(output).toMatch(/news-agency/);
  });

  it('names the file and the field when a required field is missing', () => {
    site.edit(ARTICLE, (text) => text.replace(/^copy:\n(?: {2}.*\n)+/m, ''));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toContain('russian-bombers-fly-over-belarus');
    expect(output).toMatch(/\bcopy\b/);
  });

  it('refuses to publish an article whose to-do list is not empty', () => {
    site.edit(ARTICLE, (text) => text.replace('sections: []\n', 'sections: []\ntodo:\n  - "summary: write it"\n'));
    const { code, output } = site.astro('sync');
    restore();
    expect(code).not.toBe(0);
    expect(output).toMatch(/todo/);
    expect(output).toMatch(/finish the items listed under todo/);
  });

  it('names the file and line of a paragraph without a passage id', () => {
    site.edit(ARTICLE, (text) => text.replace(/\n\nAs war fears mounted, (.*) \^[a-z0-9-]+\n/, '\n\nAs war fears mounted, $1\n'));
    const { code, output } = site.astro('build');
    restore();
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/articles\/russian-bombers-fly-over-belarus\.mdx:\d+:1: paragraph “As war fears mounted/);
    expect(output).toMatch(/Fix: end it with a space and a caret id, e\.g\. ` \^/);
  });
});
