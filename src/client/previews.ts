/**
 * <link-previews>: previews of glossary terms, passages, notes and articles linked on the page,
 * shown on hover, on keyboard focus and on tap (WCAG 1.4.13: it can be hovered, stays while the
 * pointer or focus is on the link or the preview, and Escape dismisses it). The preview is put
 * right after its link, so the link inside it comes next in the tab order. Screen readers hear it
 * only when a reader focuses the link, as its description, never while reading a paragraph. On
 * touch screens a first tap shows the preview, and its link (or a second tap) goes on. Without
 * JavaScript the links are ordinary links. A term's preview in the text also offers to copy a link
 * to that mention (its paragraph, with the term's words as a text fragment).
 */
import { announce } from './copy-links.ts';

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 300;

export class LinkPreviews extends HTMLElement {
  #previews = new Map<string, HTMLElement>();
  #popup: HTMLElement | undefined;
  #owner: HTMLAnchorElement | undefined;
  #showTimer = 0;
  #hideTimer = 0;
  #touch = false;
  /** When the preview was last shown: a tap that focuses a link shows it just before the click. */
  #shownAt = 0;
  /** A link whose preview the reader dismissed with Escape; focus returning to it does not reopen it. */
  #dismissed: HTMLAnchorElement | undefined;

  connectedCallback(): void {
    const template = this.querySelector('template');
    if (!template) return;
    for (const item of template.content.querySelectorAll<HTMLElement>('[data-href]')) this.#previews.set(item.dataset['href']!, item);
    document.addEventListener('mouseover', this.#onOver);
    document.addEventListener('mouseout', this.#onOut);
    document.addEventListener('focusin', this.#onFocusIn);
    document.addEventListener('focusout', this.#onFocusOut);
    document.addEventListener('keydown', this.#onKey);
    document.addEventListener('pointerdown', this.#onPointerDown, true);
    document.addEventListener('click', this.#onClick, true);
  }

  disconnectedCallback(): void {
    document.removeEventListener('mouseover', this.#onOver);
    document.removeEventListener('mouseout', this.#onOut);
    document.removeEventListener('focusin', this.#onFocusIn);
    document.removeEventListener('focusout', this.#onFocusOut);
    document.removeEventListener('keydown', this.#onKey);
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
    document.removeEventListener('click', this.#onClick, true);
  }

  #linkOf(target: EventTarget | null): HTMLAnchorElement | undefined {
    const link = (target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
    return link && !link.closest('.preview') && this.#previews.has(link.getAttribute('href') ?? '') ? link : undefined;
  }

  #inPopup(target: EventTarget | null): boolean {
    return Boolean(this.#popup && target instanceof Node && this.#popup.contains(target));
  }

  #onOver = (event: MouseEvent): void => {
    if (this.#touch) return;
    this.#dismissed = undefined;
    if (this.#inPopup(event.target)) {
      window.clearTimeout(this.#hideTimer);
      return;
    }
    const link = this.#linkOf(event.target);
    if (!link) return;
    window.clearTimeout(this.#hideTimer);
    window.clearTimeout(this.#showTimer);
    this.#showTimer = window.setTimeout(() => this.show(link), link === this.#owner ? 0 : SHOW_DELAY_MS);
  };

  #onOut = (event: MouseEvent): void => {
    if (this.#touch) return;
    if (!this.#linkOf(event.target) && !this.#inPopup(event.target)) return;
    if (event.relatedTarget && (this.#inPopup(event.relatedTarget) || this.#linkOf(event.relatedTarget) === this.#owner)) return;
    window.clearTimeout(this.#showTimer);
    this.#hideLater();
  };

  #onFocusIn = (event: FocusEvent): void => {
    if (this.#inPopup(event.target)) {
      window.clearTimeout(this.#hideTimer);
      return;
    }
    const link = this.#linkOf(event.target);
    if (link && link === this.#dismissed) return;
    this.#dismissed = undefined;
    if (link) this.show(link);
    else this.hide();
  };

  #onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget && (this.#inPopup(event.relatedTarget) || event.relatedTarget === this.#owner)) return;
    if (this.#owner && (event.target === this.#owner || this.#inPopup(event.target))) this.#hideLater();
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#popup) return;
    const focusWasInside = this.#inPopup(document.activeElement);
    const owner = this.#owner;
    this.hide();
    this.#dismissed = owner;
    if (focusWasInside) owner?.focus({ preventScroll: true });
  };

  #onPointerDown = (event: PointerEvent): void => {
    this.#touch = event.pointerType === 'touch' || event.pointerType === 'pen';
    if (this.#touch && this.#popup && !this.#inPopup(event.target) && !this.#linkOf(event.target)) this.hide();
  };

  #onClick = (event: MouseEvent): void => {
    if (!this.#touch) return;
    const link = this.#linkOf(event.target);
    if (!link) return;
    // A first tap on a previewed link shows its preview; its own link, or a second tap, goes on.
    // (The tap may have focused the link, and so shown the preview, an instant before this click.)
    if (link === this.#owner && performance.now() - this.#shownAt > 500) return;
    event.preventDefault();
    event.stopPropagation();
    this.show(link);
  };

  #hideLater(): void {
    window.clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  show(link: HTMLAnchorElement): void {
    window.clearTimeout(this.#hideTimer);
    if (this.#owner === link && this.#popup) return;
    this.hide();
    const href = link.getAttribute('href') ?? '';
    const data = this.#previews.get(href);
    if (!data) return;
    const popup = document.createElement('span');
    popup.className = `preview preview--${data.dataset['kind']}`;
    popup.id = 'link-preview';
    popup.append(...[...data.children].map((child) => child.cloneNode(true)));
    const go = document.createElement('a');
    go.className = 'preview__go';
    go.href = href;
    go.textContent = data.dataset['action'] ?? 'Open';
    popup.append(go);
    const copy = this.#copyMention(link, data);
    if (copy) popup.append(copy);
    link.after(popup);
    link.setAttribute('aria-describedby', popup.id);
    this.#popup = popup;
    this.#owner = link;
    this.#shownAt = performance.now();
    this.#place(link, popup);
  }

  /** For a term mentioned in the text: a button that copies a link to this very mention. */
  #copyMention(link: HTMLAnchorElement, data: HTMLElement): HTMLButtonElement | undefined {
    const paragraph = link.closest<HTMLElement>('[data-passage][id]');
    if (data.dataset['kind'] !== 'term' || !paragraph || link.closest('aside')) return undefined;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preview__copy';
    button.textContent = 'Copy link to this mention';
    // Loaded as the preview opens, so that it is there when the button is pressed.
    const fragments = import('./text-fragment.ts');
    button.addEventListener('click', async () => {
      const words = document.createRange();
      words.selectNodeContents(link);
      try {
        const { passageLink } = await fragments;
        await navigator.clipboard.writeText(passageLink(paragraph, words));
        button.textContent = 'Link copied';
        announce('Link to this mention copied');
      } catch {
        announce('The link could not be copied');
      }
    });
    return button;
  }

  hide(): void {
    window.clearTimeout(this.#hideTimer);
    this.#owner?.removeAttribute('aria-describedby');
    this.#popup?.remove();
    this.#popup = undefined;
    this.#owner = undefined;
  }

  /** Below the link, within the viewport's width; above it when there is no room below. */
  #place(link: HTMLAnchorElement, popup: HTMLElement): void {
    const parent = (popup.offsetParent as HTMLElement | null) ?? document.body;
    const box = parent.getBoundingClientRect();
    const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
    const width = Math.min(352, document.documentElement.clientWidth - 16);
    popup.style.width = `${width}px`;
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    popup.style.left = `${left - box.left}px`;
    const below = rect.bottom + 6;
    const above = rect.top - popup.offsetHeight - 6;
    const top = below + popup.offsetHeight > window.innerHeight && above > 0 ? above : below;
    popup.style.top = `${top - box.top}px`;
  }
}

if (!customElements.get('link-previews')) customElements.define('link-previews', LinkPreviews);
