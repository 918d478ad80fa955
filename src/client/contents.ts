/**
 * <contents-spy>: marks the section the reader is in, in the contents it wraps, with
 * `aria-current="true"` (and a style). An IntersectionObserver on the section headings notices
 * when one crosses the window; `scrollend` catches a jump that carries every heading past at once,
 * which the observer, seeing no change of intersection, does not report.
 */
import { currentSection } from '../lib/current-section.ts';

/** The reading line, as a share of the window's height from its top. */
const LINE = 0.3;

export class ContentsSpy extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #frame = 0;
  #schedule = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#update());
  };

  #links(): HTMLAnchorElement[] {
    return [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  }

  #headings(): HTMLElement[] {
    const ids = [...new Set(this.#links().map((link) => decodeURIComponent(link.hash.slice(1))))];
    return ids.flatMap((id) => document.getElementById(id) ?? []);
  }

  #update(): void {
    const headings = this.#headings();
    const index = currentSection(headings.map((heading) => heading.getBoundingClientRect().top), innerHeight * LINE);
    const current = index >= 0 ? `#${headings[index]!.id}` : undefined;
    for (const link of this.#links()) {
      if (current !== undefined && decodeURIComponent(link.hash) === current) {
        if (link.getAttribute('aria-current') !== 'true') this.#reveal(link);
        link.setAttribute('aria-current', 'true');
      } else link.removeAttribute('aria-current');
    }
  }

  /**
   * Scrolls the contents' own box (a sticky list taller than the window scrolls inside itself) so
   * that the current section's entry is in it; the page itself is not moved.
   */
  #reveal(link: HTMLElement): void {
    let box = link.parentElement;
    while (box && box !== this.parentElement && !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
    if (!box || box === this.parentElement) return;
    const item = link.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    const margin = frame.height / 4;
    if (item.top < frame.top + 8) box.scrollTop -= frame.top + margin - item.top;
    else if (item.bottom > frame.bottom - 8) box.scrollTop += item.bottom - (frame.bottom - margin);
  }

  connectedCallback(): void {
    this.#observer = new IntersectionObserver(this.#schedule, { rootMargin: `0px 0px -${100 - LINE * 100}% 0px` });
    for (const heading of this.#headings()) this.#observer.observe(heading);
    addEventListener('scrollend', this.#schedule);
    addEventListener('hashchange', this.#schedule);
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    removeEventListener('scrollend', this.#schedule);
    removeEventListener('hashchange', this.#schedule);
  }
}

if (!customElements.get('contents-spy')) customElements.define('contents-spy', ContentsSpy);
