/**
 * <passage-links>: around an article's text. A click on a passage's ¶ link copies the passage's
 * permalink instead of jumping to it, and says so in the page's status region (which screen readers
 * announce). Where the clipboard is unavailable, the link behaves as a plain link: the permalink is
 * then in the address bar.
 */
const COPIED_FOR_MS = 2500;

function announce(message: string): void {
  const status = document.querySelector('.copy-status');
  if (!status) return;
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, COPIED_FOR_MS);
}

export class PassageLinks extends HTMLElement {
  #onClick = async (event: MouseEvent): Promise<void> => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.passage-link');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!navigator.clipboard?.writeText) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', location.href);
    try {
      await navigator.clipboard.writeText(url.href);
    } catch {
      location.hash = url.hash;
      return;
    }
    history.replaceState(history.state, '', url.hash);
    link.dataset['copied'] = '';
    window.setTimeout(() => delete link.dataset['copied'], COPIED_FOR_MS);
    const what = link.closest('.heading-wrap') ? 'section' : 'paragraph';
    announce(`Link to this ${what} copied`);
  };

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }
}

if (!customElements.get('passage-links')) customElements.define('passage-links', PassageLinks);
