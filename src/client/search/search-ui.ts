/**
 * <search-ui>: search over the edition with Pagefind. Loaded only when a reader starts to search.
 *
 * Results are passages, not pages (see ./hits.ts): a match in an article's text links to the
 * paragraph that holds it, with the query's words to highlight there; a match in a note, to the
 * note beside its passage; a term to its page, first when the query is one of its names. The list
 * is a listbox driven from the search field (arrow keys move, Enter opens) and its size is
 * announced. On the search page the query and filters live
 * in the URL, so a search can be shared and Back restores it.
 *
 * Nothing from the index or the URL is ever put into the page as HTML: excerpts are parsed into
 * text nodes and <mark> elements.
 */
import { hitsOf, pagesToRead, shownBy, type Hit, type PagefindData, type Shown } from './hits.ts';

interface PagefindResult {
  id: string;
  score: number;
  /** The positions of the page's matching words, known before its fragment is read. */
  words: number[];
  data: () => Promise<PagefindData>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, unknown> }) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (query: string) => Promise<void>;
}

/**
 * Lines shown at first and added by each "Show more": about what the dialog holds. Each page read
 * costs a request for its fragment, the whole page's text (30 KB for a long text with its notes),
 * so a search reads only the pages that can fill them (see pagesToRead).
 */
const LINES = 6;
/**
 * Index chunks are preloaded while the reader types once the last word has this many letters: the
 * words that start with one or two letters span several chunks, which the finished word does not
 * need (at 1,000 texts, "I" and "Is" cost two chunks, 72 KB, that "Iskander" never read).
 */
const PRELOAD_FROM = 3;
const TYPE_LABELS: Record<string, string> = { Text: 'Passages in the texts', Note: 'Notes', Term: 'Glossary terms' };
const HIT_LABELS: Record<Hit['type'], string> = { Text: 'Passage', Note: 'Note', Term: 'Term' };
const FILTER_ORDER = ['type', 'outlet', 'year', 'kind'];
const FILTER_LABELS: Record<string, string> = { type: 'Type', outlet: 'Outlet', year: 'Year', kind: 'Kind of note' };
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_all, name: string) => ENTITIES[name] ?? '');
}

/** An excerpt with <mark>…</mark> as DOM nodes: everything else is text. */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(decode(excerpt.slice(last, match.index).replace(/<[^>]*>/g, ''))));
    const mark = document.createElement('mark');
    mark.textContent = decode(match[1]!.replace(/<[^>]*>/g, ''));
    nodes.push(mark);
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) nodes.push(document.createTextNode(decode(excerpt.slice(last).replace(/<[^>]*>/g, ''))));
  return nodes;
}

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

export class SearchUI extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #filtersBox!: HTMLElement;
  #more!: HTMLButtonElement;
  #results: PagefindResult[] = [];
  #hits: Hit[] = [];
  /** What the filters of the search on screen let through. */
  #shownNow: Shown = shownBy({});
  #shown = 0;
  #active = -1;
  #searchId = 0;
  #timer = 0;

  get #inPage(): boolean {
    return this.getAttribute('mode') === 'page';
  }

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }

  connectedCallback(): void {
    if (this.#input) return;
    const id = this.id || 'search';
    this.innerHTML = '';
    const form = document.createElement('form');
    form.className = 'search-form';
    form.setAttribute('role', 'search');
    form.action = `${this.#base}search/`;
    const label = document.createElement('label');
    label.htmlFor = `${id}-input`;
    label.className = 'search-label';
    label.textContent = 'Search the edition';
    this.#input = document.createElement('input');
    Object.assign(this.#input, { id: `${id}-input`, type: 'search', name: 'q', autocomplete: 'off', spellcheck: false });
    this.#input.setAttribute('role', 'combobox');
    this.#input.setAttribute('aria-autocomplete', 'list');
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.setAttribute('aria-controls', `${id}-results`);
    this.#input.setAttribute('aria-describedby', `${id}-help`);
    this.#input.placeholder = 'Iskander, Open Skies, Tikhanovskaya…';
    const help = document.createElement('p');
    help.id = `${id}-help`;
    help.className = 'search-help';
    help.textContent = 'Results are passages, notes and glossary terms. Up and down arrows move through them; Enter opens one.';
    form.append(label, this.#input, help);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#open(this.#active >= 0 ? this.#active : 0);
    });

    this.#filtersBox = document.createElement('div');
    this.#filtersBox.className = 'search-filters';
    this.#status = document.createElement('p');
    this.#status.className = 'search-status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    this.#list = document.createElement('ul');
    this.#list.id = `${id}-results`;
    this.#list.className = 'search-results';
    this.#list.setAttribute('role', 'listbox');
    this.#list.setAttribute('aria-label', 'Search results');
    this.#more = document.createElement('button');
    this.#more.type = 'button';
    this.#more.className = 'search-more';
    this.#more.textContent = 'Show more results';
    this.#more.hidden = true;
    this.#more.addEventListener('click', () => void this.#showMore());
    this.append(form, this.#filtersBox, this.#status, this.#list, this.#more);

    this.#input.addEventListener('input', () => {
      // The index chunks for the words typed so far start loading now, while the search waits for
      // typing to pause (as Pagefind's own UI does).
      const query = this.#input.value.trim();
      if ((query.split(/\s+/).pop() ?? '').length >= PRELOAD_FROM) void this.#load().then((pagefind) => pagefind.preload(query)).catch(() => undefined);
      this.#schedule();
    });
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#filtersBox.addEventListener('change', () => this.#schedule(0));

    if (this.#inPage) {
      const params = new URLSearchParams(location.search);
      this.#input.value = params.get('q') ?? '';
      void this.#renderFilters(params);
      window.addEventListener('popstate', () => {
        const state = new URLSearchParams(location.search);
        this.#input.value = state.get('q') ?? '';
        void this.#renderFilters(state);
      });
    } else {
      // In the dialog the filters wait until the reader opens them (their counts are requests of
      // their own), but Pagefind starts loading now, while the reader types.
      void this.#load().catch(() => undefined);
      void this.#renderFilters(new URLSearchParams(), { lazy: true });
    }
  }

  /** Focuses the field (the launcher calls it when the dialog opens). */
  focusInput(): void {
    this.#input?.focus();
    this.#input?.select();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${this.#base}pagefind/pagefind.js`)) as Pagefind;
      // Long texts are not penalised for their length: a reader looks for passages, and a passage of a
      // long forum thread is worth as much as one of a short report.
      await module.options({ baseUrl: this.#base, excerptLength: 26, ranking: { pageLength: 0.1 } });
      await module.init();
      return module;
    })();
    return this.#pagefind;
  }

  /**
   * Renders the filters in a closed or open <details>. With `lazy`, their values and counts are
   * fetched only when the reader first opens it.
   */
  async #renderFilters(params: URLSearchParams, { lazy = false } = {}): Promise<void> {
    this.#filtersBox.replaceChildren();
    const details = document.createElement('details');
    details.className = 'search-filters__box';
    const summary = document.createElement('summary');
    summary.textContent = 'Filters';
    details.append(summary);
    this.#filtersBox.append(details);
    if (lazy) {
      details.addEventListener('toggle', () => void this.#fillFilters(details, params), { once: true });
      return;
    }
    await this.#fillFilters(details, params);
  }

  async #fillFilters(details: HTMLDetailsElement, params: URLSearchParams): Promise<void> {
    let available: Record<string, Record<string, number>>;
    try {
      available = await (await this.#load()).filters();
    } catch {
      this.#status.textContent = 'The search index could not be loaded.';
      return;
    }
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
        text.textContent = `${name === 'type' ? TYPE_LABELS[value] ?? value : value} (${byText ? `in ${count} ${count === 1 ? 'text' : 'texts'}` : count})`;
        label.append(box, text);
        fieldset.append(label);
      }
      details.append(fieldset);
    }
    if (anyChecked || this.#inPage) details.open = true;
    if (this.#inPage && (this.#input.value.trim() || anyChecked)) this.#schedule(0);
  }

  #selectedFilters(): Record<string, { any: string[] }> {
    const filters: Record<string, { any: string[] }> = {};
    for (const box of this.#filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      (filters[box.name] ??= { any: [] }).any.push(box.value);
    }
    return filters;
  }

  #schedule(delay = 160): void {
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#search(), delay);
  }

  #syncUrl(query: string, filters: Record<string, { any: string[] }>): void {
    if (!this.#inPage) return;
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [name, { any }] of Object.entries(filters)) for (const value of any) params.append(name, value);
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    const filters = this.#selectedFilters();
    this.#syncUrl(query, filters);
    this.#shownNow = shownBy(filters);
    const searchId = ++this.#searchId;
    if (!query && Object.keys(filters).length === 0) {
      this.#results = [];
      this.#hits = [];
      this.#render();
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = 'Searching…';
    let response;
    try {
      response = await (await this.#load()).search(query || null, { filters });
    } catch {
      this.#status.textContent = 'The search index could not be loaded.';
      return;
    }
    if (searchId !== this.#searchId || !response) return;
    this.#results = response.results;
    this.#hits = [];
    this.#shown = 0;
    await this.#showMore(true);
    if (searchId !== this.#searchId) return;
    const count = this.#results.length;
    this.#status.textContent = count === 0 ? `No results for “${query}”.` : `${count} ${count === 1 ? 'result' : 'results'}${query ? ` for “${query}”` : ''}.`;
  }

  /**
   * Reads the next pages of results until they give LINES lines or run out, listing each round as
   * it comes. A page the filters leave no line of (a text whose match is in its text, when only
   * notes are wanted) gives none, and the next round reads on.
   */
  async #showMore(reset = false): Promise<void> {
    const searchId = this.#searchId;
    const query = this.#input.value.trim();
    const words = query.split(/\s+/).filter((word) => word.length > 1).slice(0, 6);
    const shown = this.#shownNow;
    const before = reset ? [] : this.#hits;
    const hits: Hit[] = [];
    let rounds = 0;
    while (hits.length < LINES && this.#shown < this.#results.length) {
      rounds++;
      const rest = this.#results.slice(this.#shown);
      const batch = rest.slice(0, pagesToRead(rest.map((result) => result.words.length), LINES - hits.length));
      const data = await Promise.all(batch.map((result) => result.data()));
      if (searchId !== this.#searchId) return;
      this.#shown += batch.length;
      hits.push(...data.flatMap((item) => hitsOf(item, words, shown)));
      this.#hits = reset ? this.#pinTerms(hits, query) : [...before, ...hits];
      this.#render();
    }
    if (rounds === 0) this.#render();
    this.#more.hidden = this.#shown >= this.#results.length;
  }

  /** A term whose name or alias is the query goes first. */
  #pinTerms(hits: Hit[], query: string): Hit[] {
    const wanted = normalise(query);
    if (!wanted) return hits;
    const named = (hit: Hit) => hit.type === 'Term' && hit.subtitle.split(' | ').some((name) => normalise(name) === wanted);
    return [...hits.filter(named), ...hits.filter((hit) => !named(hit))];
  }

  #render(): void {
    this.#list.replaceChildren();
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    this.#input.setAttribute('aria-expanded', String(this.#hits.length > 0));
    this.#hits.forEach((hit, index) => {
      const item = document.createElement('li');
      item.id = `${this.#list.id}-${index}`;
      item.className = `search-hit search-hit--${hit.type.toLowerCase()}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      const link = document.createElement('a');
      link.href = hit.url;
      link.tabIndex = -1;
      const type = document.createElement('span');
      type.className = 'search-hit__type';
      type.textContent = HIT_LABELS[hit.type];
      const title = document.createElement('span');
      title.className = 'search-hit__title';
      title.textContent = hit.title;
      link.append(type, title);
      if (hit.subtitle && hit.type !== 'Term') {
        const subtitle = document.createElement('span');
        subtitle.className = 'search-hit__subtitle';
        subtitle.textContent = hit.subtitle;
        link.append(subtitle);
      }
      if (hit.meta) {
        const meta = document.createElement('span');
        meta.className = 'search-hit__meta';
        meta.textContent = hit.meta;
        link.append(meta);
      }
      const excerpt = document.createElement('span');
      excerpt.className = 'search-hit__excerpt';
      excerpt.append(...excerptNodes(hit.excerpt));
      link.append(excerpt);
      item.append(link);
      item.addEventListener('mousemove', () => this.#activate(index, false));
      this.#list.append(item);
    });
  }

  #activate(index: number, scroll = true): void {
    const items = [...this.#list.children] as HTMLElement[];
    if (items.length === 0) return;
    const next = (index + items.length) % items.length;
    items[this.#active]?.setAttribute('aria-selected', 'false');
    items[next]!.setAttribute('aria-selected', 'true');
    this.#active = next;
    this.#input.setAttribute('aria-activedescendant', items[next]!.id);
    if (scroll) items[next]!.scrollIntoView({ block: 'nearest' });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.#activate(this.#active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.#activate(this.#active - 1);
    } else if (event.key === 'Home' && this.#active >= 0) {
      event.preventDefault();
      this.#activate(0);
    } else if (event.key === 'End' && this.#active >= 0) {
      event.preventDefault();
      this.#activate(this.#hits.length - 1);
    }
  }

  #open(index: number): void {
    const link = this.#list.children[index]?.querySelector('a');
    if (link) location.href = link.href;
  }
}

if (!customElements.get('search-ui')) customElements.define('search-ui', SearchUI);
