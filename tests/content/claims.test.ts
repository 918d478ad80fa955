/**
 * Claims across the texts, as built: every claim page and every fact-check note carries valid
 * schema.org ClaimReview JSON-LD; the organisation's JSON-LD points at sections the About page has;
 * every statement of an inventory with a page is linked to it; and no page of the claims index grows
 * with the edition.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { builtArticleSlugs, builtPage, DIST, requireDist } from '../helpers/site.ts';
import { FINDING_LABELS } from '../../src/lib/findings.ts';
import { CLAIMS_PER_PAGE, FACET_SHOWN, RESERVED_CLAIM_IDS } from '../../src/lib/claims.ts';

type Json = Record<string, unknown>;

/** The JSON-LD blocks of a built page, parsed (a block that does not parse fails the test). */
function jsonLd(path: string): Json[] {
  const tree = fromHtml(builtPage(path));
  return selectAll('script[type="application/ld+json"]', tree).flatMap((script) => {
    const data = JSON.parse(toString(script)) as Json | Json[];
    return Array.isArray(data) ? data : [data];
  });
}

const isAbsolute = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/]+\//.test(value);
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The faults of a ClaimReview, as sentences: none when it is valid. */
function reviewFaults(review: Json): string[] {
  const faults: string[] = [];
  if (review['@context'] !== 'https://schema.org') faults.push('@context is not https://schema.org');
  if (review['@type'] !== 'ClaimReview') faults.push('@type is not ClaimReview');
  if (!isAbsolute(review['url'])) faults.push('url is not absolute');
  if (typeof review['claimReviewed'] !== 'string' || (review['claimReviewed'] as string).length < 3) faults.push('no claimReviewed');
  if (!isDate(review['datePublished'])) faults.push('datePublished is not a date');
  const author = review['author'] as Json | undefined;
  if (author?.['@type'] !== 'Organization' || !isAbsolute(author['url'])) faults.push('author is not the edition');
  const item = review['itemReviewed'] as Json | undefined;
  if (item?.['@type'] !== 'Claim') faults.push('itemReviewed is not a Claim');
  const appearances = (item?.['appearance'] ?? []) as Json[];
  if (!Array.isArray(appearances) || appearances.length === 0) faults.push('the Claim has no appearance');
  for (const appearance of [...appearances, ...(item?.['firstAppearance'] ? [item['firstAppearance'] as Json] : [])]) {
    if (appearance['@type'] !== 'CreativeWork' || !isAbsolute(appearance['url']) || !isDate(appearance['datePublished'])) faults.push(`an appearance lacks its type, absolute url or date: ${JSON.stringify(appearance)}`);
    if ((appearance['author'] as Json | undefined)?.['@type'] !== 'Organization') faults.push(`an appearance has no outlet as author: ${String(appearance['url'])}`);
  }
  const rating = review['reviewRating'] as Json | undefined;
  if (rating !== undefined) {
    if (rating['@type'] !== 'Rating' || !Object.values(FINDING_LABELS).includes(rating['alternateName'] as never)) faults.push(`the rating is not a finding: ${JSON.stringify(rating)}`);
    if ('ratingValue' in rating) faults.push('a numeric rating, which the method does not define');
  }
  return faults;
}

function claimPages(): string[] {
  requireDist();
  return readdirSync(join(DIST, 'claims'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !RESERVED_CLAIM_IDS.includes(entry.name))
    .map((entry) => `claims/${entry.name}/`);
}

describe('ClaimReview JSON-LD', () => {
  it('is on every claim page, parses and has every required property, of the right type, with absolute URLs', () => {
    const pages = claimPages();
    expect(pages.length).toBeGreaterThan(50);
    const faults = pages.flatMap((path) => {
      const reviews = jsonLd(path).filter((data) => data['@type'] === 'ClaimReview');
      return reviews.length === 0 ? [`${path}: no ClaimReview`] : reviews.flatMap((review) => reviewFaults(review).map((fault) => `${path}: ${fault}`));
    });
    expect(faults).toEqual([]);
  });

  it("reviews every fact-check note on its text's page, at the note's permalink, with its finding", () => {
    const faults: string[] = [];
    let notes = 0;
    for (const slug of builtArticleSlugs()) {
      const path = `articles/${slug}/`;
      const tree = fromHtml(builtPage(path));
      const factChecks = selectAll('aside.note[data-kind="fact-check"]', tree).map((aside) => String(aside.properties['id']));
      const reviews = jsonLd(path).filter((data) => data['@type'] === 'ClaimReview');
      notes += factChecks.length;
      for (const id of factChecks) {
        const review = reviews.find((data) => String(data['url']).endsWith(`/${path}#${id}`));
        if (!review) faults.push(`${path}#${id}: no ClaimReview`);
        else if (!review['reviewRating']) faults.push(`${path}#${id}: no finding`);
        else faults.push(...reviewFaults(review).map((fault) => `${path}#${id}: ${fault}`));
      }
    }
    expect(notes).toBeGreaterThan(10);
    expect(faults).toEqual([]);
  });

  it("is on every fact-check note's share page, the same review as on its text's page", () => {
    const faults: string[] = [];
    let notes = 0;
    for (const slug of builtArticleSlugs()) {
      const onText = jsonLd(`articles/${slug}/`).filter((data) => data['@type'] === 'ClaimReview');
      for (const aside of selectAll('aside.note[data-kind="fact-check"]', fromHtml(builtPage(`articles/${slug}/`)))) {
        const id = String(aside.properties['dataNote']);
        notes++;
        const reviews = jsonLd(`notes/${id}/`).filter((data) => data['@type'] === 'ClaimReview');
        if (reviews.length !== 1) faults.push(`notes/${id}/: ${reviews.length} ClaimReviews`);
        else if (JSON.stringify(reviews[0]) !== JSON.stringify(onText.find((data) => String(data['url']).endsWith(`#note-${id}`)))) faults.push(`notes/${id}/: not the review of the text's page`);
        else faults.push(...reviewFaults(reviews[0]!).map((fault) => `notes/${id}/: ${fault}`));
      }
    }
    expect(notes).toBeGreaterThan(10);
    expect(faults).toEqual([]);
    // A known note: its claim, its finding, and where the text made it.
    const [review] = jsonLd('notes/donbas-death-toll-2022/');
    expect(review).toMatchObject({ '@type': 'ClaimReview', claimReviewed: '“where over 14,000 have been killed in fighting”', reviewRating: { '@type': 'Rating', alternateName: FINDING_LABELS.imprecise } });
    const appearances = (review!['itemReviewed'] as Json)['appearance'] as Json[];
    expect(appearances.map((a) => [String(a['url']).replace(/^https?:\/\/[^/]+/, ''), a['datePublished'], (a['author'] as Json)['name']])).toEqual([['/articles/russian-bombers-fly-over-belarus/#2014-russia-annexed-ukraines-crimean', '2022-02-05', 'Associated Press']]);
    // Other notes' share pages carry none.
    expect(jsonLd('notes/troop-estimate/').filter((data) => data['@type'] === 'ClaimReview')).toEqual([]);
  });

  it('joins the passages of two texts under one claim, each dated and attributed to its own outlet', () => {
    const [review] = jsonLd('claims/union-state-founding-year/');
    const appearances = (review!['itemReviewed'] as Json)['appearance'] as Json[];
    expect(appearances.map((a) => [a['datePublished'], (a['author'] as Json)['name']])).toEqual([
      ['2020-09-01', 'US Peace Council'],
      ['2022-12-21', 'Moon of Alabama'],
    ]);
  });
});

describe('claim pages in a tab and a shared card', () => {
  it('quote a claim in a text’s words and attribute it, as the heading does, and close every mark a cut leaves open', () => {
    const quotedPages = claimPages().filter((path) => selectAll('h1 q', fromHtml(builtPage(path))).length > 0);
    expect(quotedPages.length).toBeGreaterThan(5);
    for (const path of quotedPages) {
      const tree = fromHtml(builtPage(path));
      const title = toString(selectAll('title', tree)[0]!);
      const og = selectAll('meta[property="og:title"]', tree)[0]?.properties['content'];
      for (const text of [title, String(og)]) {
        expect(text, path).toMatch(/^Claim: “.+” —\u00a0\S.* · Borderlines$/);
        const words = /“(.+)”/.exec(text)![1]!;
        // Only a cut can leave a mark open: a text's own marks, uncut, are its own (‘Caesar Act‘).
        if (!words.includes('…')) continue;
        expect((words.match(/‘/g) ?? []).length, `${path}: ${words}`).toBeLessThanOrEqual((words.match(/’(?!\p{L})|(?<!\p{L})’/gu) ?? []).length);
      }
      // On the page, under the quoted heading, whose words they are: the text quoted and its outlet.
      const lede = toString(selectAll('.claim-page__lede', tree)[0]!);
      expect(lede, path).toMatch(/^In the words of “[^”]+” —\u00a0\S[^.]*\. Made in /u);
    }
  });
});

describe('the organisation in data', () => {
  it('is a NewsMediaOrganization on the home and About pages whose four policies are sections the About page has', () => {
    const about = fromHtml(builtPage('about/'));
    for (const path of ['', 'about/']) {
      const [organization, ...others] = jsonLd(path).filter((data) => data['@type'] === 'NewsMediaOrganization');
      expect(others).toEqual([]);
      expect(organization?.['@context']).toBe('https://schema.org');
      for (const property of ['publishingPrinciples', 'correctionsPolicy', 'verificationFactCheckingPolicy', 'actionableFeedbackPolicy']) {
        const url = new URL(String(organization?.[property]));
        expect(url.pathname, property).toMatch(/\/about\/$/);
        expect(selectAll(`#${url.hash.slice(1)}`, about), `${property}: ${url.hash}`).toHaveLength(1);
      }
    }
  });
});

describe('a claim page', () => {
  it("shows each note's body as its text's page does, paragraphs and links, not as plain text", () => {
    requireDist();
    const ids = readdirSync(join(DIST, 'claims')).filter((id) => !['page', 'text', 'term', 'finding'].includes(id) && !id.includes('.'));
    let linked = 0;
    for (const id of ids) {
      const tree = fromHtml(builtPage(`claims/${id}/`));
      for (const body of selectAll('.claim-record__body', tree)) {
        expect(selectAll(':scope > p', body).length, id).toBeGreaterThan(0);
        if (selectAll('a[href]', body).length > 0) linked++;
      }
    }
    expect(linked).toBeGreaterThan(3);
  });

  it("tells its history with the edition as the subject, the note's name the only link, a correction's account in plain words", () => {
    requireDist();
    const ids = readdirSync(join(DIST, 'claims')).filter((id) => !['page', 'text', 'term', 'finding'].includes(id) && !id.includes('.'));
    let corrected = 0;
    for (const id of ids) {
      for (const item of selectAll('.claim-history > li', fromHtml(builtPage(`claims/${id}/`)))) {
        const line = toString(item);
        const links = selectAll('a', item).map((a) => toString(a));
        // “— Cassiopaea forum published: a fact-check” read as if the outlet had published the note.
        expect(line, `${id}: ${line}`).not.toMatch(/ — [^“]+ (published|corrected|written)\b/);
        for (const link of links) expect(link.length, `${id}: a link of ${link.length} characters`).toBeLessThan(160);
        if (/The edition corrected note \d+/.test(line)) corrected++;
      }
    }
    expect(corrected).toBeGreaterThan(3);
  });
});

describe('the claims index', () => {
  it('never lists more than a page of claims, nor more than a fixed number of texts or terms to filter by', () => {
    requireDist();
    const indexPages = ['claims/', ...readdirSync(join(DIST, 'claims/page')).map((n) => `claims/page/${n}/`)];
    for (const facet of ['text', 'term', 'finding']) {
      for (const value of readdirSync(join(DIST, 'claims', facet))) indexPages.push(`claims/${facet}/${value}/`);
    }
    expect(indexPages.length).toBeGreaterThan(10);
    for (const path of indexPages) {
      const tree = fromHtml(builtPage(path));
      expect(selectAll('.claim-list > li', tree).length, path).toBeLessThanOrEqual(CLAIMS_PER_PAGE);
      for (const facet of ['text', 'term']) expect(selectAll(`[aria-labelledby="filter-${facet}"] li`, tree).length, `${path} ${facet}`).toBeLessThanOrEqual(FACET_SHOWN);
    }
  });

  it('is reached from Claims examined: a statement with a claim page links to it', () => {
    const tree = fromHtml(builtPage('articles/russian-bombers-fly-over-belarus/'));
    const links = selectAll('.claims__list a[href*="/claims/"]', tree).map((a) => String(a.properties['href']));
    expect(links).toContain('/claims/russian-troops-near-ukraine-2021-2022/');
    expect(links).toContain('/claims/over-14000-killed/');
  });
});
