/**
 * A note's share page, as a string of HTML: the address to paste in a chat or a post. Link
 * unfurlers read its metadata (the quoted passage, the note, its image); a person is sent on at
 * once to the note in its text, which is also the page's canonical address.
 *
 * There is one for every note, so an edition of thousands of texts has tens of thousands: they are
 * written by the build from this template (src/integrations/share-pages.ts), which is a hundred
 * times faster than rendering each as an Astro page, in the site's design (its stylesheet) and
 * under its policy (the same Content-Security-Policy; the page runs no script).
 */
import { shareMetaTags, type Share } from './share-meta.ts';
import { jsonLdScript } from './json-ld.ts';

/**
 * Share pages to a data file (`share-pages/<n>.jsonl`, one JSON line each, about 2 KB): enough
 * that an edition of five texts has one file, few enough that a file stays near 10 MB.
 */
export const SHARE_PAGES_PER_PART = 5000;

/** What a share page says. Addresses are absolute, but `target`, which is a path. */
export interface SharePage {
  /** The note's id: the page is `notes/<id>/`. */
  id: string;
  /** The page's own absolute address (og:url). */
  url: string;
  /** The note in its text, absolute: the canonical address. */
  canonical: string;
  /** The same, as a path with the base: where the page sends readers. */
  target: string;
  /** The <title>. */
  title: string;
  description: string;
  share: Share;
  /** "Note 3 · Context". */
  kicker: string;
  /** “The quoted passage” — its outlet (src/lib/attribution.ts). */
  quote: string;
  /** The note's finding, which the page leads with (fact-checks and corrections). */
  finding?: string;
  /** The note's text. */
  body: string;
  /** “The text's headline” — its outlet. */
  articleTitle: string;
  /** "5 February 2022". */
  articleMeta: string;
  /** schema.org JSON-LD for the page's head: a fact-check note's ClaimReview (src/data/claims.ts). */
  jsonLd?: unknown;
}

/** What every page of the site has in its head, read from a page the build made. */
export interface Shell {
  lang: string;
  /** The Content-Security-Policy of the site's pages. */
  csp: string;
  stylesheets: string[];
  icon: string;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * The page's HTML. It is not indexed for search: the note is found in its text's page.
 *
 * @example renderSharePage(page, shell).startsWith('<!DOCTYPE html>') // true
 */
export function renderSharePage(page: SharePage, shell: Shell): string {
  const meta = shareMetaTags(page.share, page.url)
    .map((tag) => `<meta ${tag.attribute}="${tag.key}" content="${escapeAttribute(tag.content)}">`)
    .join('');
  const target = escapeAttribute(page.target);
  return (
    `<!DOCTYPE html><html lang="${escapeAttribute(shell.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="content-security-policy" content="${escapeAttribute(shell.csp)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeText(page.title)}</title>` +
    `<meta name="description" content="${escapeAttribute(page.description)}">` +
    `<link rel="canonical" href="${escapeAttribute(page.canonical)}">` +
    meta +
    `<link rel="icon" href="${escapeAttribute(shell.icon)}" type="image/svg+xml">` +
    `<meta name="color-scheme" content="light dark">` +
    shell.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('') +
    `<meta http-equiv="refresh" content="0; url=${target}">` +
    `<meta name="robots" content="noindex">` +
    // A data block, not a script: the page still runs none, and the policy leaves it alone.
    (page.jsonLd === undefined ? '' : `<script type="application/ld+json">${jsonLdScript(page.jsonLd)}</script>`) +
    `</head><body><main id="main"><div class="page"><div class="prose share-page">` +
    `<p class="kicker">${escapeText(page.kicker)}</p>` +
    (page.finding
      ? `<h1>${escapeText(page.finding)}</h1><p class="share-page__claim">On ${escapeText(page.quote)}</p>`
      : `<h1>On ${escapeText(page.quote)}</h1>`) +
    `<p>${escapeText(page.body)}</p>` +
    `<p>In <a href="${target}">${escapeText(page.articleTitle)}</a> (${escapeText(page.articleMeta)}). ` +
    `If you are not taken there at once, <a href="${target}">read the note beside its passage</a>.</p>` +
    `</div></div></main></body></html>`
  );
}

/** The shell of the site's pages, from the HTML of one of them. */
export function readShell(html: string): Shell {
  const attribute = (pattern: RegExp) => pattern.exec(html)?.[1];
  const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const csp = attribute(/<meta http-equiv="content-security-policy" content="([^"]*)"/i);
  if (!csp) throw new Error('The page the share pages copy their head from has no Content-Security-Policy.');
  return {
    lang: attribute(/<html lang="([^"]+)"/) ?? 'en',
    csp: decode(csp),
    stylesheets: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => decode(match[1]!)),
    icon: decode(attribute(/<link rel="icon" href="([^"]+)"/) ?? '/favicon.svg'),
  };
}
