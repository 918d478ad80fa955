/**
 * Notes beside the text. From 1024 px (the breakpoint of the CSS) each note sits in the margin as a
 * compact card (number, kind, the first lines) level with the line its passage starts on; where
 * passages crowd, the cards of the run share the shift (see {@link place}) and none runs past the
 * end of the text; only the margin moves, never the text. A card opens in place to the whole note
 * (its button, or a click on the card), and the notes around it make room; opening one folds any
 * other. Below 1024 px notes are folded under their paragraph and open, one at a time, from the
 * numbered control after the passage: Enter or Space
 * toggles, the note's close button or Escape closes and returns focus. A note and its passage light
 * up together on hover and on keyboard focus. A note's permalink (#note-<id>) opens it and scrolls
 * so that the passage and the note are both in view below the sticky header.
 * Without this script every note is printed in full after its paragraph.
 */
import { place, type Wanted } from './note-placement.ts';

const WIDE = '(min-width: 64em)';
const GAP = 8;
const HIGHLIGHT_MS = 2600;
/**
 * How firmly an opened or focused card keeps its place, against the cards around it: so firmly
 * that it stands level with its passage and the others make room above and below. At 50 the cards
 * after a note opened to its whole length (950 px in one text) pulled it up to 81 px above its
 * passage, beside the paragraph before.
 */
const HELD = 1e6;
/** On a phone, how many lines of an opened note's finding should show, below its label and quotation. */
const FINDING_LINES = 2;
/**
 * A passage's mark: the class alone is not enough, since the apparatus legend shows a sample
 * `mark.note-mark` (with no note) to explain the highlighting; only a real passage names its notes.
 */
const PASSAGE = 'mark.note-mark[data-notes]';

export function setupNotes(root: HTMLElement): void {
  const notes = [...root.querySelectorAll<HTMLElement>('aside.note')].sort(
    (a, b) => Number(a.querySelector('.note__number')?.textContent) - Number(b.querySelector('.note__number')?.textContent),
  );
  if (notes.length === 0) return;
  const wide = matchMedia(WIDE);
  const noteOf = (id: string) => root.querySelector<HTMLElement>(`#note-${CSS.escape(id)}`);
  const markOf = (id: string) => [...root.querySelectorAll<HTMLElement>(PASSAGE)].find((mark) => mark.dataset['notes']?.split(' ').includes(id));
  const refOf = (id: string) => root.querySelector<HTMLAnchorElement>(`#ref-${CSS.escape(id)}`);
  const idOf = (note: HTMLElement) => note.dataset['note'] ?? '';
  let held: HTMLElement | undefined;
  let openedByFocus: HTMLElement | undefined;
  /** The number in the text whose activation opened a card in the margin: Escape in the card returns there. */
  let openedFrom: HTMLAnchorElement | undefined;

  // One button per note: in the margin it opens the card to the whole note, folded it closes it.
  const buttons = new Map<HTMLElement, HTMLButtonElement>();
  for (const note of notes) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note__toggle';
    button.innerHTML = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>';
    note.querySelector('.note__label')?.after(button);
    buttons.set(note, button);
  }

  const layout = (): void => {
    if (!wide.matches) {
      for (const note of notes) note.style.top = '';
      root.style.minHeight = '';
      return;
    }
    const origin = root.getBoundingClientRect().top;
    let end = 0;
    for (const child of root.children) if (!child.matches('aside.note')) end = Math.max(end, child.getBoundingClientRect().bottom - origin);
    const wanted: Wanted[] = [];
    for (const note of notes) {
      // A folded card fades out its last line only when its body runs on past it (the stylesheet).
      const body = note.querySelector<HTMLElement>('.note__body');
      note.classList.toggle('is-cut', !isExpanded(note) && !!body && body.scrollHeight > body.clientHeight + 1);
      const line = markOf(idOf(note))?.getClientRects()[0];
      if (!line) continue;
      wanted.push({ at: line.top - origin, height: note.offsetHeight, weight: note === held ? HELD : 1 });
    }
    const order = wanted.map((_, index) => index).sort((a, b) => wanted[a]!.at - wanted[b]!.at || a - b);
    // No bound below: the notes of the text's last lines stay level with their passages and the
    // margin runs on below the text, rather than lifting them beside the paragraphs before (a bound
    // at the end of the text once put the last two notes of a text 90 px above their passages, the
    // margin beneath them empty). Nothing else stands in the margin below the text.
    // No bound above but the article's top: the margin beside its header (title, provenance, Cite)
    // is empty, and a crowded run at the text's first lines (an opened note whose passage is one
    // line below another's) rises into it rather than pushing the opened note below its passage.
    const article = root.closest('article')?.getBoundingClientRect().top;
    const start = article === undefined ? 0 : Math.min(0, article - origin);
    const tops = place(order.map((index) => wanted[index]!), { gap: GAP, start, end: Number.POSITIVE_INFINITY });
    order.forEach((index, rank) => (notes[index]!.style.top = `${Math.round(tops[rank]!)}px`));
    // The text's block grows to hold notes that run on below it.
    const last = tops.length > 0 ? Math.max(...order.map((index, rank) => tops[rank]! + wanted[index]!.height)) : 0;
    root.style.minHeight = last > end + 1 ? `${Math.ceil(last)}px` : '';
  };

  const isExpanded = (note: HTMLElement) => note.classList.contains('is-expanded');

  /**
   * A compact card in the margin is one stop for the keyboard, its toggle, whatever its first lines
   * hold: a link among them took the reader into the card (opening it, some ten stops on) where the
   * card beside it, with no link, was passed by. Opened, the card's links take their turn again.
   */
  const FOLDED_OUT = 'data-folded-out';
  const syncTabStops = (note: HTMLElement): void => {
    const out = wide.matches && !isExpanded(note);
    // (Folded twice, a card kept its links' -1 as what they had before: opened, they stayed out.)
    for (const element of note.querySelectorAll<HTMLElement>(out ? `:is(a[href], button:not(.note__toggle), summary, [tabindex]:not([tabindex="-1"])):not([${FOLDED_OUT}])` : `[${FOLDED_OUT}]`)) {
      if (out) {
        element.setAttribute(FOLDED_OUT, element.getAttribute('tabindex') ?? '');
        element.tabIndex = -1;
      } else {
        const was = element.getAttribute(FOLDED_OUT);
        element.removeAttribute(FOLDED_OUT);
        if (was) element.setAttribute('tabindex', was);
        else element.removeAttribute('tabindex');
      }
    }
  };

  const setExpanded = (note: HTMLElement, on: boolean): void => {
    // One card open at a time: each open card pushes the cards after it down, and with three open
    // a note stood 2,000 px below its passage. Only the margin moves as the others close.
    if (on) for (const other of notes) if (other !== note && isExpanded(other)) fold(other);
    note.classList.toggle('is-expanded', on);
    // A link near the end of a folded card, reached with Tab, had the browser scroll the card's
    // clipped body to it; folded again, the card shows its first lines, not its last.
    if (!on) note.querySelector('.note__body')?.scrollTo(0, 0);
    buttons.get(note)?.setAttribute('aria-expanded', String(on));
    syncTabStops(note);
    held = on ? note : held === note ? undefined : held;
    // Closed, however it closes, the card no longer owes its focus back to the number that opened it.
    if (!on && openedFrom?.dataset['note'] === idOf(note)) openedFrom = undefined;
    layout();
  };

  /** Folds an opened card in the margin, without laying the cards out again (the caller does). */
  const fold = (note: HTMLElement): void => {
    note.classList.remove('is-expanded');
    note.querySelector('.note__body')?.scrollTo(0, 0);
    buttons.get(note)?.setAttribute('aria-expanded', 'false');
    syncTabStops(note);
    if (held === note) held = undefined;
    if (openedFrom?.dataset['note'] === idOf(note)) openedFrom = undefined;
  };

  const setOpen = (id: string, open: boolean): void => {
    // On a phone, one note open under the text at a time, as in the margin. Closing one above moves
    // the text up: the page follows, so that the number just tapped stays where it was (browsers
    // without scroll anchoring, Safari's among them, would otherwise move it).
    const ref = refOf(id);
    const before = ref?.getBoundingClientRect().top;
    if (open) {
      for (const other of notes) {
        if (idOf(other) === id || !other.classList.contains('is-open')) continue;
        other.classList.remove('is-open');
        refOf(idOf(other))?.setAttribute('aria-expanded', 'false');
      }
    }
    noteOf(id)?.classList.toggle('is-open', open);
    ref?.setAttribute('aria-expanded', String(open));
    const moved = before === undefined ? 0 : ref!.getBoundingClientRect().top - before;
    if (moved !== 0) window.scrollBy({ top: moved, behavior: 'instant' });
  };

  const applyMode = (): void => {
    for (const note of notes) {
      const id = idOf(note);
      const number = note.querySelector('.note__number')?.textContent ?? '';
      const button = buttons.get(note)!;
      const ref = refOf(id);
      if (wide.matches) {
        // A name that holds for both states, which aria-expanded tells ("Show the whole note 3, expanded" contradicted itself).
        button.setAttribute('aria-label', `Note ${number} in full`);
        button.setAttribute('aria-expanded', String(isExpanded(note)));
        button.setAttribute('aria-controls', note.id);
        ref?.removeAttribute('role');
        ref?.removeAttribute('aria-expanded');
        ref?.removeAttribute('aria-controls');
      } else {
        button.setAttribute('aria-label', `Close note ${number}`);
        button.removeAttribute('aria-expanded');
        button.removeAttribute('aria-controls');
        ref?.setAttribute('role', 'button');
        ref?.setAttribute('aria-controls', note.id);
        ref?.setAttribute('aria-expanded', String(note.classList.contains('is-open')));
      }
      syncTabStops(note);
    }
    layout();
  };

  const highlight = (id: string): void => {
    for (const element of [noteOf(id), markOf(id)]) {
      if (!element) continue;
      element.classList.remove('is-highlighted');
      // Restart the fade when the same note is highlighted twice.
      void element.offsetWidth;
      element.classList.add('is-highlighted');
      window.setTimeout(() => element.classList.remove('is-highlighted'), HIGHLIGHT_MS);
    }
  };

  /** Where, in the viewport, the first lines of a note's finding end: what must show of an opened note. */
  const findingShownAt = (note: HTMLElement): number => {
    const body = note.querySelector<HTMLElement>('.note__body');
    if (!body) return note.getBoundingClientRect().bottom;
    const line = parseFloat(getComputedStyle(body).lineHeight) || 20;
    return Math.min(note.getBoundingClientRect().bottom, body.getBoundingClientRect().top + FINDING_LINES * line + GAP);
  };

  /**
   * Scrolls so that the passage and its note are both in view below the sticky header: the two
   * together centred when they fit, else from the top of the first; on a phone the passage near
   * the top, and as much of the note below it as the screen holds.
   */
  const reveal = (id: string): void => {
    const note = noteOf(id);
    const mark = markOf(id);
    if (!note || !mark) return;
    const header = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const room = innerHeight - header;
    const line = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const box = note.getBoundingClientRect();
    const top = Math.min(line.top, box.top);
    const bottom = Math.max(mark.getBoundingClientRect().bottom, box.bottom);
    let y: number;
    if (wide.matches) {
      y = bottom - top <= room ? top - header - (room - (bottom - top)) / 2 : top - header;
      // A note that fits below the header itself, though not below the header and its margin: shown
      // whole, its end at the foot of the screen, rather than cut by a few pixels.
      const edge = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? header;
      // Rounded up: the page scrolls by whole pixels, and rounded down the note's last half-pixel
      // would fall below the screen.
      if (box.bottom - y > innerHeight && box.height <= innerHeight - edge) y = Math.min(Math.ceil(scrollY + box.bottom - innerHeight) - scrollY, box.top - edge);
    } else {
      // The passage's first line and the whole note, the passage a quarter down, when they fit
      // together; else the passage's first line right under the header, so that as much of the note
      // shows as the screen holds (a reader who follows a link to a note came to read it).
      const whole = box.bottom - line.top;
      // Rounded up, as above: the note's last half-pixel stays on the screen.
      y = Math.ceil(scrollY + line.top - header - (whole <= room ? Math.min(room / 4, room - whole) : GAP)) - scrollY;
    }
    window.scrollTo({ top: Math.max(0, scrollY + y), behavior: 'instant' });
  };

  /**
   * On a phone, a note opened from a marker on the screen's last lines would open below the fold,
   * out of sight: the page moves up until the note's head and first lines show, never so far that
   * the marker goes under the sticky header.
   */
  const uncover = (id: string): void => {
    const note = noteOf(id);
    const ref = refOf(id);
    if (!note || !ref) return;
    const needed = findingShownAt(note) - innerHeight;
    if (needed <= 0) return;
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const by = Math.min(needed, ref.getBoundingClientRect().top - header - GAP);
    if (by <= 0) return;
    window.scrollBy({ top: by, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  };

  const show = (id: string, { scroll }: { scroll: boolean }): void => {
    const note = noteOf(id);
    if (!note) return;
    if (!wide.matches) setOpen(id, true);
    else setExpanded(note, true);
    highlight(id);
    if (scroll) reveal(id);
    note.focus({ preventScroll: true });
  };

  root.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const toggle = target?.closest<HTMLButtonElement>('button.note__toggle');
    const card = target?.closest<HTMLElement>('aside.note');
    if (card === openedByFocus) openedByFocus = undefined;
    if (toggle && card) {
      if (wide.matches) setExpanded(card, !isExpanded(card));
      else {
        setOpen(idOf(card), false);
        refOf(idOf(card))?.focus();
      }
      return;
    }
    // A click on a compact card (not on one of its links) opens it.
    if (card && wide.matches && !isExpanded(card) && !target?.closest('a, button, summary')) {
      setExpanded(card, true);
      return;
    }
    // The highlighted words themselves, which the legend says have a note, open it as its number
    // does (not a link among them, and not words just selected to copy).
    const mark = target?.closest<HTMLElement>(PASSAGE);
    // (A term's preview opens inside the mark, after its link: a click in it is the preview's.)
    if (mark && !target?.closest('a, button, summary, input, .preview') && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && (getSelection()?.isCollapsed ?? true)) {
      const id = mark.dataset['notes']?.split(' ')[0] ?? '';
      const number = refOf(id);
      if (number) number.click();
      return;
    }
    const ref = target?.closest<HTMLAnchorElement>('a.note-ref');
    if (!ref || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const id = ref.dataset['note'] ?? '';
    if (wide.matches) {
      show(id, { scroll: false });
      openedFrom = ref;
      return;
    }
    const open = !noteOf(id)?.classList.contains('is-open');
    setOpen(id, open);
    if (open) {
      highlight(id);
      uncover(id);
    }
  });

  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === ' ' && target.matches('a.note-ref[role="button"]')) {
      event.preventDefault();
      target.click();
      return;
    }
    // (An Escape something else answered, a Cite box closing itself, is not the note's.)
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const note = target.closest<HTMLElement>('aside.note');
    // On a phone, the one note open under the text closes from the paragraph that holds its number,
    // wherever in it the focus has gone since (the paragraph's link), as it does from its number or itself;
    // not from a link of the site, whose preview Escape closes (src/client/previews.ts).
    const below = wide.matches ? undefined : notes.find((each) => each.classList.contains('is-open'));
    const inItsParagraph = below && !target.matches('a[href^="/"]') && refOf(idOf(below))?.closest('p, li, blockquote, h2, h3, h4')?.contains(target);
    const openBelow = inItsParagraph ? below : undefined;
    const id = note ? idOf(note) : target.matches('a.note-ref') ? target.dataset['note'] : openBelow ? idOf(openBelow) : undefined;
    const open = id ? noteOf(id) : null;
    if (!id || !open) return;
    if (wide.matches) {
      if (!isExpanded(open)) return;
      // Back where the reader was: the number in the text that opened the note, else the card's toggle.
      const from = openedFrom?.dataset['note'] === id ? openedFrom : undefined;
      setExpanded(open, false);
      if (note) (from ?? buttons.get(open))?.focus();
      return;
    }
    if (!open.classList.contains('is-open')) return;
    setOpen(id, false);
    refOf(id)?.focus();
  });

  // A mark and its note light up together when either is hovered or has the keyboard's focus.
  const pair = (event: Event, on: boolean) => {
    const element = (event.target as Element | null)?.closest<HTMLElement>(`${PASSAGE}, a.note-ref, aside.note`);
    if (!element) return;
    const ids = element.dataset['notes']?.split(' ') ?? [element.dataset['note'] ?? ''];
    for (const id of ids) {
      noteOf(id)?.classList.toggle('is-paired', on);
      markOf(id)?.classList.toggle('is-paired', on);
    }
  };
  root.addEventListener('mouseover', (event) => pair(event, true));
  root.addEventListener('mouseout', (event) => pair(event, false));
  root.addEventListener('focusin', (event) => {
    pair(event, true);
    // A link inside a compact card may be cut off: focused all the same (Tab passes it by, but a
    // screen reader's cursor may not), it opens the card.
    const target = event.target as Element;
    const card = target.closest<HTMLElement>('aside.note');
    if (card && wide.matches && !isExpanded(card) && target.matches('a, summary')) {
      setExpanded(card, true);
      openedByFocus = card;
      // The browser brought the link into view inside the folded card, not on the page: opened,
      // the card puts it lower, where it may be below the window. Reached by the keyboard only (a
      // click focuses the link too, and a page that moved under the pointer would lose the click).
      const box = target.getBoundingClientRect();
      if (target.matches(':focus-visible') && (box.top < 0 || box.bottom > innerHeight)) target.scrollIntoView({ block: 'center' });
    }
  });
  root.addEventListener('focusout', (event) => {
    pair(event, false);
    // …and it folds again when the keyboard leaves it, so that tabbing through the text does not
    // leave every card open.
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (openedByFocus && !(next && openedByFocus.contains(next))) {
      setExpanded(openedByFocus, false);
      openedByFocus = undefined;
    }
  });

  const fromHash = (): void => {
    let hash = '';
    try {
      hash = decodeURIComponent(location.hash);
    } catch {
      return;
    }
    const match = /^#note-(.+)$/.exec(hash);
    if (match && noteOf(match[1]!)) show(match[1]!, { scroll: true });
  };

  wide.addEventListener('change', applyMode);
  // Notes change height when they open or the fonts arrive; the text when the window resizes.
  const observer = new ResizeObserver(() => layout());
  observer.observe(root);
  for (const note of notes) observer.observe(note);
  window.addEventListener('hashchange', fromHash);
  applyMode();
  // The browser scrolls to the note's element on its own once the page has loaded; scroll to the
  // passage after that, and again once any font the page waits for has changed the line breaks.
  if (document.readyState === 'complete') fromHash();
  else window.addEventListener('load', fromHash, { once: true });
  document.fonts?.ready.then(layout);
}
