/**
 * <search-launcher>: the header's search link. Without JavaScript it goes to the search page; with
 * it, it opens a search dialog, as do `/` and Ctrl+K (⌘K). The search code, Pagefind and its index
 * are loaded only then, never with the page. What a reader types while they load (a quick "/"
 * then "Iskander") is kept and put in the search field once it is there, not lost to the page.
 */
export class SearchLauncher extends HTMLElement {
  #dialog: HTMLDialogElement | undefined;

  connectedCallback(): void {
    this.querySelector('a')?.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void this.open();
    });
    document.addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey);
  }

  #onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    const shortcut = (event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey);
    if (!shortcut || this.#dialog?.open) return;
    event.preventDefault();
    void this.open();
  };

  async open(): Promise<void> {
    if (this.#typed !== undefined) return;
    if (!this.#dialog) {
      const dialog = document.createElement('dialog');
      dialog.className = 'search-dialog';
      dialog.setAttribute('aria-label', 'Search the edition');
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'search-dialog__close';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog.close());
      const ui = document.createElement('search-ui');
      ui.id = 'search-dialog';
      ui.dataset['base'] = this.dataset['base'] ?? '/';
      const page = document.createElement('a');
      page.className = 'search-dialog__page';
      page.href = `${this.dataset['base'] ?? '/'}search/`;
      page.textContent = 'Open the search page';
      dialog.append(close, ui, page);
      // A click on the backdrop (outside the dialog's box) closes it.
      dialog.addEventListener('click', (event) => {
        if (event.target === dialog) dialog.close();
      });
      document.body.append(dialog);
      this.#dialog = dialog;
      this.#typed = '';
      document.addEventListener('keydown', this.#onKeyWhileLoading, true);
      try {
        await import('./search-ui.ts');
      } finally {
        document.removeEventListener('keydown', this.#onKeyWhileLoading, true);
      }
    }
    const typed = this.#typed ?? '';
    this.#typed = undefined;
    this.#dialog.showModal();
    (this.#dialog.querySelector('search-ui') as (HTMLElement & { focusInput?: () => void }) | null)?.focusInput?.();
    const input = this.#dialog.querySelector<HTMLInputElement>('input[type="search"]');
    if (typed && input) {
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** What the reader typed since asking for the search, while its code loads; undefined when not loading. */
  #typed: string | undefined;

  #onKeyWhileLoading = (event: KeyboardEvent): void => {
    if (this.#typed === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) this.#typed += event.key;
    else if (event.key === 'Backspace') this.#typed = this.#typed.slice(0, -1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
}

if (!customElements.get('search-launcher')) customElements.define('search-launcher', SearchLauncher);
