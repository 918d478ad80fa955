/**
 * <article-text>: the article's text and its notes. The element works, and reads fully, before
 * this script runs; the script adds copying permalinks and laying out or folding the notes.
 */
import { setupCopyLinks } from './copy-links.ts';
import { setupNotes } from './notes.ts';

export class ArticleText extends HTMLElement {
  connectedCallback(): void {
    setupCopyLinks(this);
    setupNotes(this);
  }
}

if (!customElements.get('article-text')) customElements.define('article-text', ArticleText);
