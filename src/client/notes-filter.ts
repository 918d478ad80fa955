/**
 * <notes-filter>: on the notes index, shows only the notes of the kinds ticked, and says how many
 * are shown. Without this script the filter is hidden and every note is listed.
 */
export class NotesFilter extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener('change', () => this.apply());
    this.apply();
  }

  apply(): void {
    const kinds = new Set([...this.querySelectorAll<HTMLInputElement>('input[name="kind"]:checked')].map((input) => input.value));
    let shown = 0;
    let total = 0;
    for (const group of document.querySelectorAll<HTMLElement>('.notes-group')) {
      let inGroup = 0;
      for (const item of group.querySelectorAll<HTMLElement>('[data-kind]')) {
        const visible = kinds.has(item.dataset['kind'] ?? '');
        item.hidden = !visible;
        if (visible) inGroup++;
        total++;
      }
      shown += inGroup;
      group.hidden = inGroup === 0;
      const count = group.querySelector<HTMLElement>('.notes-group__count');
      if (count) count.textContent = `${inGroup} of ${count.dataset['total']} notes`;
    }
    const status = this.querySelector('.notes-filter__status');
    if (status) status.textContent = shown === total ? `Showing all ${total} notes.` : `Showing ${shown} of ${total} notes.`;
  }
}

if (!customElements.get('notes-filter')) customElements.define('notes-filter', NotesFilter);
