/**
 * <article-text>: the article's text and its notes. The element works, and reads fully, before
 * this script runs; the script adds copying permalinks, laying out or folding the notes, and
 * highlighting the words a search result was found by.
 */
import { setupCopyLinks } from './copy-links.ts';
import { setupNotes } from './notes.ts';
import { highlightFromUrl } from './highlight.ts';
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
    highlightFromUrl(this);
  }
}

if (!customElements.get('article-text')) customElements.define('article-text', ArticleText);
