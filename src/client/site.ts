/**
 * The site's one script, on every page: each part is a custom element that upgrades markup which
 * already works without it, so a part whose element is not on the page costs nothing but its bytes.
 * One file rather than one per component: a page then makes one request for its script, and a
 * reader going from page to page has it cached after the first (about 5 KB compressed). What only
 * some readers use (search, the selection toolbar, a preview, the highlight of a search's words)
 * is loaded when first used, and what one page has (the search page's search, the notes index's
 * filter) with that page.
 */
import './theme-toggle.ts';
import './contents.ts';
import './search/search-launcher.ts';
import './article-text.ts';
import './previews.ts';

if (document.querySelector('search-ui')) void import('./search/search-ui.ts');
// A search line on a timeline's event lands there with the searched words marked, as in a text (whose <article-text> does it).
const main = document.querySelector<HTMLElement>('main');
if (main && !document.querySelector('article-text') && location.hash && new URLSearchParams(location.search).has('hl')) void import('./highlight.ts').then(({ highlightFromUrl }) => highlightFromUrl(main));
// The notes index's filter is on that page only: no other page carries its code.
if (document.querySelector('notes-filter')) void import('./notes-filter.ts');
