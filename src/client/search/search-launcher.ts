/**
 * <search-launcher>: the header's search link. Without JavaScript it goes to the search page; with
 * it, it opens a search dialog, as do `/` and Ctrl+K (⌘K). The search code, Pagefind and its index
 * are loaded only then, never with the page. What a reader types while they load (a quick "/"
 * then "Iskander") is kept and put in the search field once it is there, not lost to the page.
 */
/** Fields of the page, whose keys are never taken for the search. */
const EDITABLE = 'input, textarea, select, [contenteditable="true"]';
/** How long, at most, keys typed while the search's code loads are kept for it. */
const TYPE_AHEAD_MS = 10_000;

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
    const typing = target?.closest(EDITABLE);
    const shortcut = (event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey);
    if (!shortcut || this.#dialog?.open) return;
    event.preventDefault();
    // The search page has its own field: the shortcut goes there rather than to a dialog over it.
    const field = document.querySelector<HTMLInputElement>('search-ui[mode="page"] input[type="search"]');
    if (field) {
      field.focus();
      field.select();
      return;
    }
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
      // Escape closes the dialog at once. Without this, a search field's own Escape (it empties
      // the field) takes the first press, and the reader has to press it twice.
      dialog.addEventListener(
        'keydown',
        (event) => {
          // Safari ends a composition with a keydown whose isComposing is false but keyCode 229.
          if (event.key !== 'Escape' || event.isComposing || event.keyCode === 229) return;
          event.preventDefault();
          dialog.close();
          // close() has given focus back already: to <body>, the shortcut having found nothing focused.
          keepPlace();
        },
        true,
      );
      // Focus goes back where it was; opened by a shortcut with nothing focused, to the header's
      // search link, so that the keyboard's place on the page is not lost to <body>.
      const keepPlace = () => {
        if (!document.activeElement || document.activeElement === document.body) this.querySelector('a')?.focus();
      };
      // Closed otherwise (its button, the backdrop), after the browser's own return of focus, which
      // comes after the event: hence the timeout.
      dialog.addEventListener('close', () => {
        window.setTimeout(keepPlace);
      });
      document.body.append(dialog);
      this.#dialog = dialog;
      this.#typed = '';
      this.#cancelled = false;
      document.addEventListener('keydown', this.#onKeyWhileLoading, true);
      // On a connection that stalls, the page gets its keys back after a while.
      const giveBack = window.setTimeout(() => document.removeEventListener('keydown', this.#onKeyWhileLoading, true), TYPE_AHEAD_MS);
      try {
        await import('./search-ui.ts');
      } catch {
        // The search's code could not be loaded: the search page, which loads it again, is the way.
        this.#typed = undefined;
        dialog.remove();
        this.#dialog = undefined;
        window.location.assign(page.href);
        return;
      } finally {
        window.clearTimeout(giveBack);
        document.removeEventListener('keydown', this.#onKeyWhileLoading, true);
      }
    }
    const typed = this.#typed ?? '';
    this.#typed = undefined;
    // Escape pressed before the search came: the reader no longer wants it (this time).
    const cancelled = this.#cancelled;
    this.#cancelled = false;
    if (cancelled) return;
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
  /** Whether Escape was pressed while the search's code loaded. */
  #cancelled = false;

  /**
   * A key pressed while the search's code loads: a character (AltGr ones included) or Backspace
   * edits what will be put in the search field, Enter is held (the search will show results to
   * choose from), Escape gives the search up. Keys typed into a field of the page, or while an input
   * method composes, are the page's.
   */
  #onKeyWhileLoading = (event: KeyboardEvent): void => {
    if (this.#typed === undefined || event.isComposing || (event.target as Element | null)?.closest?.(EDITABLE)) return;
    if (event.key === 'Escape') {
      this.#cancelled = true;
      return;
    }
    if (!event.getModifierState('AltGraph') && (event.ctrlKey || event.metaKey || event.altKey)) return;
    if ([...event.key].length === 1) this.#typed += event.key;
    else if (event.key === 'Backspace') this.#typed = this.#typed.slice(0, -1);
    else if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
  };
}

if (!customElements.get('search-launcher')) customElements.define('search-launcher', SearchLauncher);
