/**
 * "Cite" for each note: a button in the note's line of links (after "Permalink"), added when the
 * page has a Cite box (components/CiteText.astro). Its code, and the passage's Cite of the
 * selection toolbar, are in cite-panel.ts, loaded on first use. Without JavaScript the text's Cite
 * box has every passage's and note's record in its files.
 */
export function setupCite(root: HTMLElement): void {
  if (!document.querySelector('details.cite[data-cite]')) return;
  for (const permalink of root.querySelectorAll<HTMLAnchorElement>('aside.note .note__permalink')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note__cite';
    button.textContent = 'Cite';
    button.setAttribute('aria-expanded', 'false');
    permalink.after(' · ', button);
  }
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.note__cite');
    if (!button) return;
    void import('./cite-panel.ts').then(({ toggleNoteCitation }) => toggleNoteCitation(button));
  });
}
