/**
 * <article-text>: the article's text and its notes. The element works, and reads fully, before
 * this script runs; the script adds copying permalinks, laying out or folding the notes, and
 * highlighting the words a search result was found by (its code loaded only for such a visit).
 */
import { setupCopyLinks } from './copy-links.ts';
import { setupNotes } from './notes.ts';
import { setupLanding } from './landing.ts';
import { setupSelectionLink } from './selection-link.ts';
import { setupCite } from './cite.ts';

export class ArticleText extends HTMLElement {
  connectedCallback(): void {
    setupLanding(this);
    setupCopyLinks(this);
    setupNotes(this);
    setupSelectionLink(this);
    setupCite(this);
    // Only a reader who comes from a search result (`?hl=word#paragraph`) needs the highlighter.
    if (location.hash && new URLSearchParams(location.search).has('hl')) void import('./highlight.ts').then(({ highlightFromUrl }) => highlightFromUrl(this));
  }
}

if (!customElements.get('article-text')) customElements.define('article-text', ArticleText);
