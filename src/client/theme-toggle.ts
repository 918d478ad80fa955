/**
 * <theme-toggle>: Light, Dark or System, the current choice pressed (`aria-pressed`). A chosen
 * theme is kept in localStorage and applied before first paint by an inline script in the page head
 * (THEME_SCRIPT); System forgets the choice, and the page follows the system theme again.
 */
const STORAGE_KEY = 'theme';

/** What the reader can choose. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The choice in force, from the `data-theme` the head script sets: none means the system's. */
export function currentChoice(root: HTMLElement = document.documentElement): ThemeChoice {
  const chosen = root.dataset['theme'];
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

export class ThemeToggle extends HTMLElement {
  #render = (): void => {
    const current = currentChoice();
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-choice]')) {
      button.setAttribute('aria-pressed', String(button.dataset['choice'] === current));
    }
  };

  #choose(choice: ThemeChoice): void {
    const root = document.documentElement;
    if (choice === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = choice;
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage can be disabled (private modes, policies): the choice then lasts for this page only.
    }
    this.#render();
  }

  connectedCallback(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-choice]');
      const choice = button?.dataset['choice'];
      if (choice === 'light' || choice === 'dark' || choice === 'system') this.#choose(choice);
    });
    // Another tab's choice applies here too.
    addEventListener('storage', this.#onStorage);
    this.#render();
  }

  #onStorage = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY) return;
    const value = event.newValue;
    if (value === 'light' || value === 'dark') document.documentElement.dataset['theme'] = value;
    else delete document.documentElement.dataset['theme'];
    this.#render();
  };

  disconnectedCallback(): void {
    removeEventListener('storage', this.#onStorage);
  }
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggle);
