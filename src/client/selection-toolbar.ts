/**
 * The toolbar shown over a selection in the text (loaded on the first selection, see
 * selection-link.ts): "Copy link to this passage", and "Share" where the device has the Web Share
 * API. The link is the paragraph's id with a text fragment of the selection grown to whole words.
 */
import { announce } from './copy-links.ts';
import { passageLink, wholeWords } from './text-fragment.ts';

export interface Toolbar {
  hide: () => void;
}

export function showToolbar(root: HTMLElement, paragraph: HTMLElement, range: Range): Toolbar {
  const link = passageLink(paragraph, wholeWords(range));
  const title = document.title;
  const toolbar = document.createElement('div');
  toolbar.className = 'selection-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Selected passage');
  const hide = () => toolbar.remove();

  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = 'Copy link to this passage';
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
      announce('Link to this passage copied');
    } catch {
      announce('The link could not be copied');
    }
    hide();
  });
  toolbar.append(copy);
  // Cite (issue 19): the passage's Chicago and APA forms, in a panel after it (cite-panel.ts).
  if (document.querySelector('details.cite[data-cite]')) {
    const cite = document.createElement('button');
    cite.type = 'button';
    cite.textContent = 'Cite';
    cite.addEventListener('click', () => {
      hide();
      void import('./cite-panel.ts').then(({ showPassageCitation }) => showPassageCitation(paragraph));
    });
    toolbar.append(cite);
  }
  if (typeof navigator.share === 'function') {
    const share = document.createElement('button');
    share.type = 'button';
    share.textContent = 'Share';
    share.addEventListener('click', () => {
      navigator.share({ title, url: link }).catch(() => undefined);
      hide();
    });
    toolbar.append(share);
  }

  const box = range.getBoundingClientRect();
  const origin = root.getBoundingClientRect();
  root.append(toolbar);
  const left = Math.max(0, Math.min(box.left - origin.left, origin.width - toolbar.offsetWidth));
  toolbar.style.left = `${left}px`;
  // Below the selection, and on a touch screen below the selection's handles too.
  const handles = matchMedia('(pointer: coarse)').matches ? 28 : 0;
  toolbar.style.top = `${box.bottom - origin.top + 8 + handles}px`;
  return { hide };
}
