/**
 * <theme-toggle>: a "Dark theme" toggle button. The reader's choice is kept in localStorage and applied
 * before first paint by an inline script in the page head; with no choice, the system theme applies.
 */
const STORAGE_KEY = 'theme';

export class ThemeToggle extends HTMLElement {
  #media = matchMedia('(prefers-color-scheme: dark)');
  #render = (): void => {
    this.querySelector('button')?.setAttribute('aria-pressed', String(this.#current() === 'dark'));
  };

  #current(): 'light' | 'dark' {
    const chosen = document.documentElement.dataset['theme'];
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return this.#media.matches ? 'dark' : 'light';
  }

  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => {
      const next = this.#current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Storage can be disabled (private modes, policies): the choice then lasts for this page only.
      }
      this.#render();
    });
    this.#media.addEventListener('change', this.#render);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#media.removeEventListener('change', this.#render);
  }
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggle);
