/**
 * The Chicago and APA forms of a note or a passage, built on the page from what it shows (the Cite
 * box's `data-cite`, the canonical URL, the note's card, the passage's heading) by the same
 * functions as the build's (src/lib/citation.ts), in a small panel with "Copy" buttons and the
 * text's citation files.
 */
import { apa, chicago, EDITION, noteFromPage, passageFromPage, type Citable, type Original, type PageAddress, type PageCiteData } from '../lib/citation.ts';
import { announce } from './copy-links.ts';

function pageData(): { data: PageCiteData; page: PageAddress; files: HTMLAnchorElement[] } | undefined {
  const box = document.querySelector<HTMLElement>('details.cite[data-cite]');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]!;
  if (!box) return undefined;
  const slug = new URL(canonical).pathname.split('/').filter(Boolean).pop() ?? '';
  return { data: JSON.parse(box.dataset['cite']!) as PageCiteData, page: { slug, url: canonical }, files: [...box.querySelectorAll<HTMLAnchorElement>('a[download]')] };
}

/** The panel: both forms, a Copy button for each, and the text's files. */
function panel(item: Citable, label: string, files: HTMLAnchorElement[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'cite-panel';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.tabIndex = -1;
  box.dataset['citeKey'] = item.key;
  const list = document.createElement('dl');
  for (const [style, form] of [['Chicago', chicago(item, EDITION)], ['APA', apa(item, EDITION)]] as const) {
    const dt = document.createElement('dt');
    dt.textContent = style;
    const dd = document.createElement('dd');
    const words = document.createElement('span');
    words.className = 'cite-panel__form';
    words.innerHTML = form.html;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'cite-panel__copy';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', `Copy the ${style} form`);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(form.text);
        announce(`${style} form copied`);
      } catch {
        announce('The citation could not be copied; select it to copy it');
      }
    });
    dd.append(words, ' ', copy);
    list.append(dt, dd);
  }
  const more = document.createElement('p');
  more.append('This text’s files, with this record: ');
  files.forEach((file, index) => more.append(index === 0 ? '' : ', ', file.cloneNode(true)));
  box.append(list, more);
  return box;
}

/** Opens or closes the Cite panel of the note whose button is `button`. */
export function toggleNoteCitation(button: HTMLButtonElement): void {
  const note = button.closest<HTMLElement>('aside.note');
  const found = pageData();
  if (!note || !found) return;
  const open = note.querySelector<HTMLElement>(':scope > .cite-panel');
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const id = note.dataset['note'] ?? '';
  const marks = [...document.querySelectorAll<HTMLElement>('mark.note-mark[data-notes]')].filter((mark) => mark.dataset['notes']!.split(' ').includes(id));
  const times = [...note.querySelectorAll<HTMLTimeElement>('.note__meta time[datetime]')].map((time) => time.dateTime);
  const item = noteFromPage(found.data, found.page, {
    id,
    label: note.querySelector('.note__kind')?.textContent ?? 'Note',
    exact: marks.map((mark) => mark.textContent).join(''),
    added: times[0] ?? '',
    updated: times.length > 1 ? times[times.length - 1] : undefined,
  });
  const box = panel(item, 'Cite this note', found.files);
  button.id ||= `cite-${id}`;
  button.setAttribute('aria-controls', (box.id = `cite-panel-${id}`));
  button.setAttribute('aria-expanded', 'true');
  note.querySelector('.note__meta')!.after(box);
}

/**
 * The original of the piece of a compilation that `heading` starts, read from the line under it
 * (rehype-section-meta: "Outlet · kind · by Author · <time>"), or undefined for another heading.
 */
function pieceOf(heading: HTMLElement): Original | undefined {
  const meta = (heading.closest('.heading-wrap') ?? heading).nextElementSibling;
  if (!meta?.classList.contains('section-meta')) return undefined;
  const outlet = meta.querySelector('.section-meta__outlet')?.textContent;
  const author = (meta.textContent ?? '').split(' · ').find((part) => part.startsWith('by '))?.slice(3);
  const date = meta.querySelector('time')?.dateTime;
  return { authors: author ? [author] : [], outlets: outlet ? [outlet] : [], title: heading.textContent ?? '', dates: date ? [date] : [] };
}

/** The Chicago and APA panel of the passage `passage` (a paragraph or heading of the text). */
function passagePanel(passage: HTMLElement): HTMLElement | undefined {
  const found = pageData();
  const root = passage.closest('article-text');
  if (!found || !root) return undefined;
  let piece: Original | undefined;
  for (const heading of root.querySelectorAll<HTMLElement>('[data-passage="heading"]')) {
    if (heading !== passage && !(heading.compareDocumentPosition(passage) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    piece = pieceOf(heading) ?? piece;
  }
  // A paragraph pasted above its piece's heading (`lead` in the front matter) opens that piece.
  const leadOf = passage.dataset['leadOf'];
  const heading = leadOf ? document.getElementById(leadOf) : null;
  if (heading) piece = pieceOf(heading) ?? piece;
  const item = passageFromPage(found.data, found.page, passage.id, piece);
  const box = panel(item, passage.dataset['passage'] === 'heading' ? 'Cite this section' : 'Cite this paragraph', found.files);
  box.classList.add('cite-panel--passage');
  return box;
}

/** Shows the Cite panel of the passage `passage` after it, with a Close button, and focuses it. */
export function showPassageCitation(passage: HTMLElement): void {
  const box = passagePanel(passage);
  if (!box) return;
  passage.closest('article-text')?.querySelector(':scope .cite-panel--passage')?.remove();
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'cite-panel__close';
  close.textContent = 'Close';
  close.addEventListener('click', () => {
    box.remove();
    passage.focus({ preventScroll: true });
  });
  box.append(close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Answered here: the note open below the paragraph stays open (src/client/notes.ts).
      event.preventDefault();
      close.click();
    }
  });
  (passage.closest('.heading-wrap') ?? passage).after(box);
  box.focus();
}

/**
 * The keyboard's way to a passage's Cite: in the text's Cite box, a list of the text's paragraphs
 * and headings (by their first words); choosing one shows its forms in the box.
 */
export function addPassagePicker(citeBox: HTMLDetailsElement, root: HTMLElement): void {
  if (citeBox.querySelector('.cite__pick')) return;
  const passages = [...root.querySelectorAll<HTMLElement>('[data-passage]')];
  const pick = document.createElement('p');
  pick.className = 'cite__pick';
  const label = document.createElement('label');
  label.htmlFor = 'cite-passage';
  label.textContent = 'Or cite a passage: ';
  const select = document.createElement('select');
  select.id = 'cite-passage';
  select.append(new Option('Choose a paragraph…', ''));
  let paragraphs = 0;
  for (const passage of passages) {
    const words = (passage.textContent ?? '').trim().split(/\s+/);
    const start = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
    select.append(new Option(passage.dataset['passage'] === 'heading' ? `Section: ${start}` : `¶ ${++paragraphs}: ${start}`, passage.id));
  }
  select.addEventListener('change', () => {
    citeBox.querySelector('.cite-panel')?.remove();
    const passage = passages.find((candidate) => candidate.id === select.value);
    const box = passage && passagePanel(passage);
    if (box) pick.after(box);
  });
  pick.append(label, select);
  citeBox.append(pick);
}
