/**
 * A second build reuses Astro's cache (issue 14, point 3): with no change, no text's page or file is
 * made again; after an edit to a note that another text cites and links to, the other text's page
 * shows the new words, and the texts the note does not concern are restored, not rendered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

const NOTED = 'content/articles/russian-bombers-fly-over-belarus.mdx';
/** Its note `yanukovych-2014-two-accounts` cites a passage of this text, whose own note links to it. */
const CITING = 'nato-ratchets-up-anti-russian-offensive';
/** Neither cites nor is cited by the note. */
const UNRELATED = 'lavrov-speaks-out-against-nato-at-un';
const OLD = 'Two texts of this edition describe the 2014 change of government differently';
const NEW = 'Two texts of this edition give different accounts of the 2014 change of government';

/**
 * The routes a build log lists, each as rendered or reused from the last build: kept in place in
 * dist/ ("cached") or copied back from Astro's cache ("restored").
 */
function routes(output: string): Map<string, 'rendered' | 'restored'> {
  const found = new Map<string, 'rendered' | 'restored'>();
  for (const [, path, how] of output.matchAll(/[├└]─ (\/\S+) \((restored|cached|\+[\d.]+m?s)\)/g)) found.set(path!, how === 'restored' || how === 'cached' ? 'restored' : 'rendered');
  return found;
}

/** Files planted in dist/ before the third build, as a text or note since withdrawn would have left them. */
const WITHDRAWN = ['articles/withdrawn-text/index.html', 'cite/withdrawn-text.bib', 'notes/withdrawn-note/index.html'];

/** The routes of one text: its page and its annotations. */
const ofText = (slug: string) => [`/articles/${slug}/index.html`, `/annotations/${slug}.jsonld`];

/** The citation files of one text, written after the build (src/integrations/cite-files.ts). */
const citeFilesOf = (slug: string) => ['bib', 'ris', 'json'].map((extension) => `cite/${slug}.${extension}`);

describe('a second build', () => {
  let site: FixtureSite;
  let cold: { code: number; output: string };
  let unchanged: { code: number; output: string };
  let edited: { code: number; output: string };
  const page = (path: string) => readFileSync(join(site.dir, 'dist', path), 'utf8');
  /** When the unrelated text's page was last written, after the first and the third build. */
  const written: number[] = [];
  const unrelatedPage = () => statSync(join(site.dir, 'dist', `articles/${UNRELATED}/index.html`)).mtimeMs;
  /** When each citation file of the unrelated text and of the edited one was last written, after the second and the third build. */
  const citeWritten: number[][] = [];
  const citeTimes = () => [...citeFilesOf(UNRELATED), ...citeFilesOf('russian-bombers-fly-over-belarus')].map((path) => statSync(join(site.dir, 'dist', path)).mtimeMs);

  beforeAll(() => {
    // The search index in shards of 100 pages (three), so that an edit re-indexes one of them; lists
    // of texts two to a page, so that the notes index has further pages (/annotations/2/, …); the
    // year's corrections fifty to a page, so that it has further pages too.
    site = createFixtureSite({ SEARCH_SHARD_PAGES: '100', TEXTS_PER_PAGE: '2', CORRECTIONS_PER_PAGE: '50' });
    cold = site.astro('build');
    written.push(unrelatedPage());
    unchanged = site.astro('build');
    citeWritten.push(citeTimes());
    const earlier = new Date(Date.now() - 3_600_000);
    for (const path of WITHDRAWN) {
      mkdirSync(dirname(join(site.dir, 'dist', path)), { recursive: true });
      writeFileSync(join(site.dir, 'dist', path), 'withdrawn');
      utimesSync(join(site.dir, 'dist', path), earlier, earlier);
    }
    site.edit(NOTED, (text) => {
      if (!text.includes(OLD)) throw new Error(`${NOTED} no longer holds the words this test edits: “${OLD}”.`);
      return text.replace(OLD, NEW);
    });
    // Words mended, recorded in the anchor ledger as the note's new wording, as an editor publishes a
    // typo mended (a note corrected before cannot be reworded silently: the check refuses it).
    const recorded = site.node('scripts/ledger.ts');
    if (recorded.code !== 0) throw new Error(`npm run ledger failed in the fixture:\n${recorded.output}`);
    edited = site.astro('build');
    written.push(unrelatedPage());
    citeWritten.push(citeTimes());
  }, 600_000);
  afterAll(() => site?.remove());

  it('with no change renders no text’s page, citations or annotations, no term’s page and no list of a text’s or a term’s events', () => {
    expect(cold.code, cold.output.slice(-3000)).toBe(0);
    expect(unchanged.code, unchanged.output.slice(-3000)).toBe(0);
    const listed = routes(unchanged.output);
    const texts = [...listed.keys()].filter((path) => /^\/(articles\/[^/]+\/index\.html|cite-data\/|annotations\/[a-z][^/]*\.jsonld$|glossary\/[^/]+\/|timeline\/(text|term)\/)/.test(path));
    expect(texts.length).toBeGreaterThanOrEqual(5 * 2 + 1 + 40 + 5 + 40);
    expect(texts.filter((path) => listed.get(path) !== 'restored')).toEqual([]);
    expect(unchanged.output).toMatch(/Citation files of 5 texts \(BibTeX, RIS, CSL-JSON\), those of 0 written in/);
    expect(listed.get('/share-pages/1.jsonl')).toBe('restored');
    expect(unchanged.output).toMatch(/\d+ share pages, 0 written \(1 of 1 data files unchanged, their pages not made again\) in/);
  });

  it('after a note is edited, shows its new words on the page of the text that cites it', () => {
    expect(edited.code, edited.output.slice(-3000)).toBe(0);
    const listed = routes(edited.output);
    for (const path of [...ofText('russian-bombers-fly-over-belarus'), `/articles/${CITING}/index.html`]) expect(listed.get(path), path).toBe('rendered');
    // The citation files of the edited text and of the one that cites it, no other's.
    expect(edited.output).toMatch(/Citation files of 5 texts \(BibTeX, RIS, CSL-JSON\), those of 2 written, 1 file of withdrawn texts removed in/);
    expect(citeWritten[1]!.slice(3).every((time, index) => time > citeWritten[0]![3 + index]!)).toBe(true);
    expect(page(`articles/${CITING}/index.html`)).toContain(NEW);
    expect(page(`articles/${CITING}/index.html`)).not.toContain(OLD);
    expect(page('annotations/russian-bombers-fly-over-belarus.jsonld')).toContain(NEW);
    expect(page('notes/yanukovych-2014-two-accounts/index.html')).toContain(NEW);
  });

  it('renders again the page of the notes index that lists the edited text, and only that one', () => {
    const further = (output: string) => [...routes(output)].filter(([path]) => /^\/annotations\/\d+\/index\.html$/.test(path));
    expect(further(unchanged.output).length).toBe(2);
    expect(further(unchanged.output).filter(([, how]) => how !== 'restored')).toEqual([]);
    const holds = (path: string) => page(path.slice(1)).includes('id="notes-russian-bombers-fly-over-belarus"');
    const [listing, others] = [further(edited.output).filter(([path]) => holds(path)), further(edited.output).filter(([path]) => !holds(path))];
    expect(listing.map(([, how]) => how), 'the edited text is on a further page of the notes index').toEqual(['rendered']);
    expect(others.map(([, how]) => how)).toEqual(['restored']);
    expect(page(listing[0]![0].slice(1))).toContain(NEW);
  });

  it('lists a year’s corrections fifty to a page in the order they were made, each correction’s page linking to the page that lists it', () => {
    const records = (readFileSync(join(site.dir, 'content/corrections.yaml'), 'utf8').match(/^- item: /gm) ?? []).length;
    const pages = Math.ceil(records / 50);
    expect(pages, 'the edition has corrections for more than one page of fifty').toBeGreaterThan(1);
    const ids = (path: string) => [...page(path).matchAll(/<article class="correction" id="([^"]+)"/g)].map((match) => match[1]!);
    const paths = Array.from({ length: pages }, (_, index) => (index === 0 ? 'corrections/2026/index.html' : `corrections/2026/page/${index + 1}/index.html`));
    const listed = paths.map(ids);
    expect(listed.map((list) => list.length)).toEqual(paths.map((_, index) => (index < pages - 1 ? 50 : records - 50 * (pages - 1))));
    expect(new Set(listed.flat()).size).toBe(records);
    expect(existsSync(join(site.dir, 'dist', `corrections/2026/page/${pages + 1}/index.html`))).toBe(false);
    // The first page holds the year's oldest: its last entry is dated no later than any of the second page's.
    const date = (id: string) => id.slice(-10);
    expect(date(listed[0]!.at(-1)!) <= date(listed[1]!.at(-1)!)).toBe(true);
    for (const [index, list] of listed.entries()) {
      for (const id of [list[0]!, list.at(-1)!]) {
        const href = page(`corrections/2026/${id}/index.html`).match(/listed with the others of its year on <a href="([^"]+)"/)?.[1];
        expect(href, id).toBe(`/${paths[index]!.replace('index.html', '')}#${id}`);
      }
    }
    expect(page(paths[1]!)).toMatch(/<h1>Corrections of 2026, page 2<\/h1>/);
    expect(page('sitemap.xml')).toContain('/corrections/2026/page/2/</loc>');
  });

  it('renders again the pages of the terms whose lists hold the note, and only those', () => {
    const listed = routes(edited.output);
    // The note concerns the annexation of Crimea (its page lists it); B-52 is not in the text at all.
    expect(listed.get('/glossary/crimea-annexation/index.html')).toBe('rendered');
    expect(listed.get('/glossary/b-52/index.html')).toBe('restored');
  });

  it('reuses the pages and files of a text the edit does not concern, left in place in dist/', () => {
    const listed = routes(edited.output);
    for (const path of ofText(UNRELATED)) expect(listed.get(path), path).toBe('restored');
    expect(written[1]).toBe(written[0]);
    expect(citeWritten[1]!.slice(0, 3)).toEqual(citeWritten[0]!.slice(0, 3));
  });

  it('indexes for search again only the shards that hold a changed page', () => {
    expect(cold.output).toMatch(/Search index: \d+ pages in 3 shards in/);
    expect(unchanged.output).toContain('Search index: no indexed page changed, the last index reused');
    // The edited note's text, the text that cites it and the term page that lists it are in the
    // first shard, the claim and timeline pages that quote the note in another: one is reused.
    expect(edited.output.match(/Search index: .*/)?.[0]).toMatch(/^Search index: \d+ pages in 2 of 3 shards \(the others reused\)/);
  });

  it('removes from dist/ what the last build left there and this one did not make or keep', () => {
    for (const path of WITHDRAWN) expect(existsSync(join(site.dir, 'dist', path)), path).toBe(false);
    // And the folders they leave empty, but not a folder that still holds a page.
    for (const path of ['articles/withdrawn-text', 'notes/withdrawn-note']) expect(existsSync(join(site.dir, 'dist', path)), path).toBe(false);
    expect(existsSync(join(site.dir, 'dist/articles', UNRELATED, 'index.html'))).toBe(true);
    expect(existsSync(join(site.dir, 'dist/notes/yanukovych-2014-two-accounts/index.html'))).toBe(true);
  });
});
