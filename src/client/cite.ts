/**
 * "Cite" for each note: a button at the end of the note's line of links, added when the
 * page has a Cite box (components/CiteText.astro), and, in that box once opened, a list of the
 * passages to cite. Their code, and the passage's Cite of the selection toolbar, are in
 * cite-panel.ts, loaded on first use. Without JavaScript the text's Cite
 * box has every passage's and note's record in its files.
 */
export function setupCite(root: HTMLElement): void {
  const citeBox = document.querySelector<HTMLDetailsElement>('details.cite[data-cite]');
  if (!citeBox) return;
  // Opening the text's Cite box adds a list of the passages to cite, the keyboard's way to them.
  citeBox.addEventListener('toggle', () => {
    if (citeBox.open) void import('./cite-panel.ts').then(({ addPassagePicker }) => addPassagePicker(citeBox, root));
  });
  // Last in the note's line of links, so that the panel it opens, right after the line, is next in
  // the tab order.
  for (const meta of root.querySelectorAll<HTMLElement>('aside.note .note__meta')) {
    // The label and the dot before it are drawn by the CSS (.note__cite::before), not written as
    // text: the text content of <article-text> stays as served, which the Web Annotation export's
    // TextPositionSelectors count in (src/data/annotations.ts).
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note__cite';
    button.setAttribute('aria-label', 'Cite');
    button.setAttribute('aria-expanded', 'false');
    // Kept on one line with the link before it, so that a wrapped line never begins with the dot
    // ("· Cite"); the wrapper adds no text.
    const last = meta.lastElementChild;
    if (last?.tagName === 'A') {
      const end = document.createElement('span');
      end.className = 'note__meta-end';
      last.replaceWith(end);
      end.append(last, button);
    } else {
      meta.append(button);
    }
  }
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.note__cite');
    if (!button) return;
    void import('./cite-panel.ts').then(({ toggleNoteCitation }) => toggleNoteCitation(button));
  });
}
