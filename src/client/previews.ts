/**
 * <link-previews>: previews of glossary terms, passages, notes and articles linked on the page,
 * shown on hover, on keyboard focus and on tap (WCAG 1.4.13: it can be hovered, stays while the
 * pointer or focus is on the link or the preview, and Escape dismisses it). The preview is put
 * right after its link, so the link inside it comes next in the tab order. Screen readers hear it
 * only when a reader focuses the link, as its description, never while reading a paragraph. On
 * touch screens a first tap shows the preview, and its link (or a second tap) goes on. Without
 * JavaScript the links are ordinary links. A term's preview in the text also offers to copy a link
 * to that mention (its paragraph, with the term's words as a text fragment).
 *
 * The previews' words are not in the page: they are fetched from the page's previews file
 * (`data-src`, src/components/Previews.astro) when a reader first points at, focuses or taps a
 * link of the site in the page's content, so that a reader who never opens one does not load them;
 * the code that makes a preview (./preview-view.ts) comes at the same time, in parallel.
 * Until they have come, such a link may have a preview, and a first tap on one waits for them (at
 * most {@link LOAD_TIMEOUT_MS}); a link that has none goes on as an ordinary link. The site's header
 * and footer, downloads and links to another window are never held. A file that is
 * missing (a 4xx answer) means no previews; a file or code that could not be fetched is asked for
 * again at the next hover or focus (a browser may keep a failed load of the code, and previews then
 * stay off for the visit), and meanwhile a tap is an ordinary tap.
 */
import type { PreviewData } from './preview-view.ts';

type View = typeof import('./preview-view.ts');

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 300;
/** How long a first tap waits for the previews file before the link goes on without it. */
const LOAD_TIMEOUT_MS = 4000;
/** Links that never have a preview, and that a tap must never hold: the site's header and footer, downloads, other windows. */
const NEVER = '.site-header, .site-footer, [download], [target], .preview';

type PreviewRow = [href: string, kind: string, title: string, label: string, text: string, action: string];

export class LinkPreviews extends HTMLElement {
  /** The page's previews by href, once its file has come. */
  #previews: Map<string, PreviewData> | undefined;
  #loading: Promise<Map<string, PreviewData>> | undefined;
  /** The code that makes and places a preview (./preview-view.ts), loaded with the file. */
  #view: View | undefined;
  /** The link whose preview was last asked for (by hover, focus or tap), until the reader leaves it. */
  #wanted: HTMLAnchorElement | undefined;
  /** Whether the last fetch of the previews file failed (the network, not a missing file). */
  #failed = false;
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
    if (!this.dataset['src']) return;
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

  /**
   * The previews file and the code that shows them, fetched once. A missing file (4xx) means the
   * page has no previews; a fetch that failed or took longer than {@link LOAD_TIMEOUT_MS} is tried
   * again at the next hover or focus.
   */
  #load(): Promise<Map<string, PreviewData>> {
    this.#loading ??= Promise.all([
      fetch(this.dataset['src']!, { signal: AbortSignal.timeout(LOAD_TIMEOUT_MS) }).then(async (response) => {
        if (response.status >= 400 && response.status < 500) return [];
        if (!response.ok) throw new Error(`${response.status}`);
        return (await response.json()) as PreviewRow[];
      }),
      // Its code has the same time limit: a first tap is held for both.
      Promise.race([import('./preview-view.ts'), new Promise<never>((_, reject) => window.setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS))]),
    ])
      .then(([rows, view]) => {
        this.#failed = false;
        this.#view = view;
        return (this.#previews = new Map(rows.map(([href, kind, title, label, text, action]) => [href, { kind, title, label, text, action }])));
      })
      .catch(() => {
        this.#failed = true;
        this.#loading = undefined;
        return new Map<string, PreviewData>();
      });
    return this.#loading;
  }

  /**
   * The link at `target` if it has a preview; before the previews have come, a link of the site
   * (an address that starts with `/`) in the page's content, which may have one.
   */
  #linkOf(target: EventTarget | null): HTMLAnchorElement | undefined {
    const link = (target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
    if (!link || link.closest(NEVER)) return undefined;
    const href = link.getAttribute('href') ?? '';
    return (this.#previews ? this.#previews.has(href) : href.startsWith('/')) ? link : undefined;
  }

  /** Shows the preview of `link` once the previews have come, if the reader is still on it. */
  #request(link: HTMLAnchorElement): void {
    this.#wanted = link;
    void this.#load().then(() => {
      if (this.#wanted === link) this.show(link);
    });
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
    void this.#load();
    window.clearTimeout(this.#hideTimer);
    window.clearTimeout(this.#showTimer);
    this.#showTimer = window.setTimeout(() => this.#request(link), link === this.#owner ? 0 : SHOW_DELAY_MS);
  };

  #onOut = (event: MouseEvent): void => {
    if (this.#touch) return;
    if (!this.#linkOf(event.target) && !this.#inPopup(event.target)) return;
    if (event.relatedTarget && (this.#inPopup(event.relatedTarget) || (this.#owner && this.#linkOf(event.relatedTarget) === this.#owner))) return;
    window.clearTimeout(this.#showTimer);
    this.#wanted = undefined;
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
    if (link) this.#request(link);
    else this.hide();
  };

  #onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget && (this.#inPopup(event.relatedTarget) || event.relatedTarget === this.#owner)) return;
    if (event.target === this.#wanted) this.#wanted = undefined;
    if (this.#owner && (event.target === this.#owner || this.#inPopup(event.target))) this.#hideLater();
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (!this.#popup) {
      // Dismissed before the previews came: it does not show when they do.
      window.clearTimeout(this.#showTimer);
      if (this.#wanted) this.#dismissed = this.#wanted;
      this.#wanted = undefined;
      return;
    }
    const focusWasInside = this.#inPopup(document.activeElement);
    const owner = this.#owner;
    this.hide();
    this.#dismissed = owner;
    if (focusWasInside) owner?.focus({ preventScroll: true });
  };

  #onPointerDown = (event: PointerEvent): void => {
    this.#touch = event.pointerType === 'touch' || event.pointerType === 'pen';
    if (this.#linkOf(event.target)) void this.#load();
    if (this.#touch && this.#popup && !this.#inPopup(event.target) && !this.#linkOf(event.target)) this.hide();
  };

  #onClick = (event: MouseEvent): void => {
    if (!this.#touch) return;
    const link = this.#linkOf(event.target);
    if (!link) return;
    // A first tap on a previewed link shows its preview; its own link, or a second tap, goes on.
    // (The tap may have focused the link, and so shown the preview, an instant before this click.)
    if (link === this.#owner && performance.now() - this.#shownAt > 500) return;
    if (this.#previews) {
      event.preventDefault();
      event.stopPropagation();
      this.show(link);
      return;
    }
    // The previews have not come yet: show this link's once they have, or go on if it has none.
    // After a failed fetch a tap is an ordinary tap, not held for another.
    if (this.#failed) return;
    event.preventDefault();
    this.#wanted = link;
    void this.#load().then((previews) => {
      if (this.#wanted !== link) return;
      if (previews.has(link.getAttribute('href') ?? '')) this.show(link);
      else window.location.assign(link.href);
    });
  };

  #hideLater(): void {
    window.clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  show(link: HTMLAnchorElement): void {
    window.clearTimeout(this.#hideTimer);
    if (this.#owner === link && this.#popup) return;
    const href = link.getAttribute('href') ?? '';
    const data = this.#previews?.get(href);
    if (!data || !this.#view) return;
    this.hide();
    const popup = this.#view.preview(link, href, data);
    link.setAttribute('aria-describedby', popup.id);
    this.#popup = popup;
    this.#owner = link;
    this.#shownAt = performance.now();
  }

  hide(): void {
    window.clearTimeout(this.#hideTimer);
    this.#wanted = undefined;
    this.#owner?.removeAttribute('aria-describedby');
    this.#popup?.remove();
    this.#popup = undefined;
    this.#owner = undefined;
  }
}

if (!customElements.get('link-previews')) customElements.define('link-previews', LinkPreviews);
