/**
 * The site's one script, on every page: each part is a custom element that upgrades markup which
 * already works without it, so a part whose element is not on the page costs nothing but its bytes.
 * One file rather than one per component: a page then makes one request for its script, and a
 * reader going from page to page has it cached after the first (about 5 KB compressed). What only
 * some readers use (search, the selection toolbar) is loaded when first used, and the search page
 * loads its search at once.
 */
import './theme-toggle.ts';
import './contents.ts';
import './search/search-launcher.ts';
import './article-text.ts';
import './previews.ts';
import './notes-filter.ts';

if (document.querySelector('search-ui')) void import('./search/search-ui.ts');
