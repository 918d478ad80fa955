/**
 * No count of the edition is written by hand: a sixth text changes the home page, About, the pages'
 * descriptions, the share image's alternative text and the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

describe('the edition describes itself from its texts', () => {
  let site: FixtureSite;
  let build: { code: number; output: string };
  beforeAll(() => {
    site = createFixtureSite();
    // A sixth text: a copy of the AP report without its notes, under a slug of its own.
    const source = readFileSync(join(site.dir, 'content/articles/russian-bombers-fly-over-belarus.mdx'), 'utf8');
    const copy = source
      .replace(/\n<Note[\s\S]*?<\/Note>\n/g, '\n')
      .replace(/<Passage note="[^"]*">|<\/Passage>/g, '')
      .replace(/^title: .*$/m, 'title: A sixth text');
    writeFileSync(join(site.dir, 'content/articles/a-sixth-text.mdx'), copy);
    build = site.astro('build');
  }, 300_000);
  afterAll(() => site?.remove());

  const page = (path: string) => readFileSync(join(site.dir, 'dist', path), 'utf8');

  it('counts six texts wherever it counts them', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(page('index.html')).toContain('Six texts about NATO, Russia and Belarus, written between May 2020 and December 2022 by news agencies,');
    expect(page('about/index.html')).toContain('publishes six texts about NATO, Russia and Belarus from 2020 to 2022');
    expect(page('index.html')).toMatch(/<meta name="description" content="An annotated reading edition of six texts about NATO, Russia and Belarus from [^"]*, several of them partisan:/);
    expect(page('glossary/index.html')).toMatch(/<meta property="og:image:alt" content="Borderlines: six texts on NATO, Russia and Belarus, 2020–2022/);
    expect(page('feed.xml')).toContain('<description>An annotated reading edition of six texts about NATO, Russia and Belarus from 2020–2022, several of them partisan:');
    for (const path of ['index.html', 'about/index.html', 'glossary/index.html', 'feed.xml']) expect(page(path)).not.toMatch(/\bfive texts\b/i);
  });
});
