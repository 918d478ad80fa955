/**
 * The search's filters: the boxes inside the folded "Filters", and a removable chip for each one
 * chosen. Loaded only when they are needed (the search page, or the dialog's box opened), so that
 * a first search does not download them.
 */
const TYPE_LABELS: Record<string, string> = { Text: 'Passages in the texts', Note: 'Notes', Term: 'Glossary terms', Claim: 'Claims across the texts' };
const FILTER_ORDER = ['type', 'outlet', 'year', 'kind'];
const FILTER_LABELS: Record<string, string> = { type: 'Type', outlet: 'Outlet', year: 'Year', kind: 'Kind of note' };

/**
 * Fills the <details> with a fieldset of boxes for each filter, in FILTER_ORDER, the values in
 * `params` checked. Returns whether any is.
 */
export function fillFilters(details: HTMLDetailsElement, available: Record<string, Record<string, number>>, params: URLSearchParams): boolean {
  let anyChecked = false;
  for (const name of FILTER_ORDER) {
    const values = available[name];
    if (!values) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = FILTER_LABELS[name] ?? name;
    fieldset.append(legend);
    const chosen = new Set(params.getAll(name));
    for (const value of Object.keys(values).sort()) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = chosen.has(value);
      anyChecked ||= box.checked;
      const text = document.createElement('span');
      // Counts are pages: a note is found on its text's page, so notes are counted by texts.
      const count = values[value] ?? 0;
      const byText = name === 'kind' || (name === 'type' && value === 'Note');
      box.dataset['label'] = `${FILTER_LABELS[name] ?? name}: ${name === 'type' ? TYPE_LABELS[value] ?? value : value}`;
      text.textContent = `${name === 'type' ? TYPE_LABELS[value] ?? value : value} (${byText ? `in ${count} ${count === 1 ? 'text' : 'texts'}` : count})`;
      label.append(box, text);
      fieldset.append(label);
    }
    details.append(fieldset);
  }
  return anyChecked;
}

/** A chip for each checked box, which unchecks it and calls `removed`. */
export function chipsFor(boxes: readonly HTMLInputElement[], removed: () => void): HTMLButtonElement[] {
  return boxes.map((box) => {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'search-chip';
    const what = box.dataset['label'] ?? box.value;
    chip.setAttribute('aria-label', `Remove the filter ${what}`);
    chip.textContent = what;
    const cross = document.createElement('span');
    cross.setAttribute('aria-hidden', 'true');
    cross.textContent = ' ×';
    chip.append(cross);
    chip.addEventListener('click', () => {
      box.checked = false;
      removed();
    });
    return chip;
  });
}

/** The button an empty filtered search offers. */
export function clearButton(clear: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-clear';
  button.textContent = 'Clear the filters';
  button.addEventListener('click', clear);
  return button;
}

/** The search page's address for a query and filters, put in place of the current one. */
export function syncUrl(query: string, filters: Record<string, { any: string[] }>): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, { any }] of Object.entries(filters)) for (const value of any) params.append(name, value);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
}
