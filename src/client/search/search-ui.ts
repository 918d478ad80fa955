/**
 * <search-ui>: search over the edition with Pagefind. Loaded only when a reader starts to search.
 *
 * Results are passages, not pages (see ./hits.ts): a match in an article's text links to the
 * paragraph that holds it, with the query's words to highlight there; a match in a note, to the
 * note beside its passage; a term to its page, first when the query is one of its names. Lines are
 * grouped under their text and ranked by src/lib/search-rank.ts: the whole phrase before some of
 * its words. The list is a listbox of groups driven from the search field (arrow keys move, Enter
 * opens); each option is itself the link, so nothing interactive is nested in an option. A text
 * lists its best three passages and three notes; when it holds more, the last line of its group
 * says how many and lists them when chosen. The
 * status counts the lines listed, from the lines themselves. When a search finds little, the
 * edition's vocabulary is loaded (./typos.ts) and the nearest spelling searched instead. On the
 * search page the query and filters live in the URL, so a search can be shared and Back restores
 * it. Filters are folded; the chosen ones show as chips that remove them.
 *
 * Nothing from the index or the URL is ever put into the page as HTML: excerpts are parsed into
 * text nodes and <mark> elements.
 */
// The search's styles come with its code, as text, so that a page a reader only reads does not
// carry them (the search page has them as its own stylesheet too). A constructed stylesheet, not a
// <style> element: the site's policy allows no inline style.
import styles from '../../styles/search.css?inline';
import { hitsOf, linesCounted, pagesToRead, phraseLocations, shownBy, type Hit, type PagefindData, type Shown } from './hits.ts';
import { ALL_WORDS, countLabel, groupLines, heldLabel, inQuotes, normaliseWord as normalise, phraseFirst, queryWords } from '../../lib/search-rank.ts';
import { quoted } from '../../lib/attribution.ts';
import { TERM_CATEGORY_LABELS } from '../../lib/term-categories.ts';

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
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  /** The edition's further index shards, when it is indexed in several (src/integrations/search-index.ts). */
  borderlinesShards?: string[];
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
const HIT_LABELS: Record<Hit['type'], string> = { Text: 'Passage', Note: 'Note', Term: 'Term', Claim: 'Claim', Event: 'Event' };

/**
 * The results of a quoted search, each read with every place its phrase stands (the same page of
 * the search for its words, its positions narrowed to the phrase's); a page whose phrase the words
 * do not show (Pagefind's stemming reads it otherwise) keeps the quoted search's own.
 */
function everyPlace(quoted: readonly PagefindResult[], words: readonly PagefindResult[], stems: readonly string[]): PagefindResult[] {
  const byId = new Map(words.map((result) => [result.id, result]));
  return quoted.map((result) => {
    const all = byId.get(result.id);
    if (!all) return result;
    return {
      ...result,
      data: async () => {
        const item = await all.data();
        const locations = phraseLocations(item, stems);
        return locations.length > 0 ? { ...item, locations } : result.data();
      },
    };
  });
}

/**
 * The words of a query its correction changed (“Lukashneko” of “Lukashneko Putin”), for the notice:
 * “Putin” is spelled so in the edition. The whole query when the correction is a name of several words.
 */
function misspelt(typed: string, corrected: string): string {
  const words = typed.trim().split(/\s+/);
  const fixed = corrected.trim().split(/\s+/);
  if (words.length !== fixed.length) return typed;
  const changed = words.filter((word, index) => normalise(word) !== normalise(fixed[index]!));
  return changed.length > 0 ? changed.join(' ') : typed;
}

/**
 * An excerpt (escaped by ./hits.ts, the matches in <mark>) as DOM nodes: text and <mark> elements,
 * never parsed as HTML.
 */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/<\/?mark>/).map((part, index) => {
    const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (index % 2 === 0) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}

type Filters = Record<string, { any: string[] }>;

class SearchUI extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #notice!: HTMLElement;
  #filtersBox!: HTMLElement;
  #chips!: HTMLElement;
  #more!: HTMLButtonElement;
  #results: PagefindResult[] = [];
  /** Every line of the pages read, those a group lists only when asked (`extra`) included. */
  #hits: Hit[] = [];
  /** The pages whose every line the reader asked for. */
  #expanded = new Set<string>();
  /** Each page's place in Pagefind's order (the phrase first): groups keep it on a tie. */
  #rank = new Map<string, number>();
  /** The options in the order they are listed, for the keyboard. */
  #options: HTMLAnchorElement[] = [];
  /** The line each listed option shows (its `data-line`). */
  #lines: Hit[] = [];
  /** What the filters of the search on screen let through. */
  #shownNow: Shown = shownBy({});
  /** The query whose results are on screen: the typed one, or its correction. */
  #query = '';
  #typed = '';
  #filtersNow: Filters = {};
  /** Loaded when needed: the filters' code, and typo correction's. */
  #filters: typeof import('./filters.ts') | undefined;
  #typos: typeof import('./typos.ts') | undefined;
  #shown = 0;
  /** The reading of pages under way, counted; 0 when none is ({@link SearchUI.#showMore}). */
  #busy = 0;
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
    // Only the element's own id and the site's base path go into this markup, never the index or
    // the URL.
    this.innerHTML = `<form class="search-form" role="search" action="${this.#base}search/"><label for="${id}-input" class="search-label">Search the edition</label><input id="${id}-input" type="search" name="q" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-results" aria-describedby="${id}-help" placeholder="Iskander, Open Skies, Tikhanovskaya…"><p id="${id}-help" class="search-help">Results are passages, notes, glossary terms, claims and timeline events. ${matchMedia('(hover: none) and (pointer: coarse)').matches ? 'Tap one to open it.' : 'Up and down arrows move through them; Enter opens one.'}</p></form><div class="search-filters"><details class="search-filters__box"><summary>Filters</summary></details></div><div class="search-chips"></div><div class="search-notice"></div><p class="search-status" role="status" aria-live="polite"></p><div id="${id}-results" class="search-results" role="listbox" aria-label="Search results"></div><button type="button" class="search-more" hidden>Show more results</button>`;
    const find = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    this.#input = find('input');
    this.#filtersBox = find('.search-filters');
    this.#chips = find('.search-chips');
    this.#status = find('.search-status');
    this.#notice = find('.search-notice');
    this.#list = find('.search-results');
    this.#more = find('.search-more');
    find('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#open(this.#active >= 0 ? this.#active : 0);
    });
    this.#more.addEventListener('click', () => void this.#showMore());

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
      const options = { baseUrl: this.#base, excerptLength: 26, ranking: { pageLength: 0.1 } };
      await module.options({ ...options, noWorker: true });
      await module.init();
      // A large edition is indexed in shards (src/integrations/search-index.ts): each is searched with the same options.
      for (const shard of module.borderlinesShards ?? []) await module.mergeIndex(`${this.#base}${shard}`, options);
      return module;
    })();
    return this.#pagefind;
  }

  /**
   * Renders the filters in a folded <details>: the chosen ones show as chips beside it. With
   * `lazy`, their values and counts are fetched only when the reader first opens it.
   */
  async #renderFilters(params: URLSearchParams, { lazy = false } = {}): Promise<void> {
    const details = this.#filtersBox.querySelector('details')!;
    for (const fieldset of details.querySelectorAll('fieldset')) fieldset.remove();
    if (lazy) {
      details.addEventListener('toggle', () => void this.#fillFilters(details, params), { once: true });
      return;
    }
    await this.#fillFilters(details, params);
  }

  async #fillFilters(details: HTMLDetailsElement, params: URLSearchParams): Promise<void> {
    let anyChecked: boolean;
    try {
      const [pagefind, filters] = await Promise.all([this.#load(), import('./filters.ts')]);
      anyChecked = filters.fillFilters(details, await pagefind.filters(), params);
      this.#filters = filters;
    } catch {
      return this.#failed();
    }
    this.#renderChips();
    if (this.#inPage && (this.#input.value.trim() || anyChecked)) this.#schedule(0);
  }

  #boxes(): HTMLInputElement[] {
    return [...this.#filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')];
  }

  #selectedFilters(): Filters {
    const filters: Filters = {};
    for (const box of this.#boxes()) (filters[box.name] ??= { any: [] }).any.push(box.value);
    return filters;
  }

  /** A removable chip for each chosen filter, so that a folded box still shows what it holds. */
  #renderChips(): void {
    const removed = () => this.#retype(this.#input.value);
    this.#chips.replaceChildren(...(this.#filters?.chipsFor(this.#boxes(), removed) ?? []));
  }

  #schedule(delay = 160): void {
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#search(), delay);
  }

  /**
   * Searches for the typed query, or for `corrected`, its nearest spelling in the edition. Words
   * of more than one are also searched as a phrase, and the pages that hold it go first.
   */
  async #search(corrected?: string): Promise<void> {
    const typed = this.#input.value.trim();
    const query = corrected ?? typed;
    const filters = this.#selectedFilters();
    this.#renderChips();
    // On the search page the query and filters live in the URL (the filters' module is loaded there).
    if (this.#inPage) this.#filters?.syncUrl(typed, filters);
    this.#shownNow = shownBy(filters);
    this.#filtersNow = filters;
    this.#typed = typed;
    const searchId = ++this.#searchId;
    this.#notice.replaceChildren();
    if (!query && Object.keys(filters).length === 0) {
      this.#results = [];
      this.#hits = [];
      this.#more.hidden = true;
      this.#render();
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = 'Searching…';
    let results: PagefindResult[];
    try {
      const pagefind = await this.#load();
      const phrase = query.split(/\s+/).length > 1 && !query.includes('"');
      // A query in quotes: the pages that hold the phrase, each read with every place of its words,
      // of which the phrase's are kept (Pagefind gives a quoted search the phrase's first place alone).
      const quotedWords = /^"([^"]+)"$/.exec(query)?.[1]?.trim();
      const [response, exact, loose] = await Promise.all([
        pagefind.search(query || null, { filters }),
        phrase ? pagefind.search(`"${query}"`, { filters }) : null,
        quotedWords && quotedWords.includes(' ') ? pagefind.search(quotedWords, { filters }) : null,
      ]);
      if (searchId !== this.#searchId || !response) return;
      // An index in shards can give a page of a shard twice (Pagefind's mergeIndex): once is enough.
      const seen = new Set<string>();
      const unique = response.results.filter((result) => !seen.has(result.id) && Boolean(seen.add(result.id)));
      results = exact ? phraseFirst(unique, new Set(exact.results.map((result) => result.id))) : loose ? everyPlace(unique, loose.results, queryWords(quotedWords!)) : unique;
    } catch {
      return this.#failed();
    }
    this.#query = query;
    this.#results = results;
    this.#rank = new Map();
    this.#hits = [];
    this.#expanded = new Set();
    this.#shown = 0;
    await this.#showMore(true);
    if (searchId !== this.#searchId) return;
    this.#announce(corrected !== undefined);
    // Found little: nothing, or only what Pagefind's stemming and fuzzing stretched to, with none
    // of the words typed in any line; or, of several words, no line with them all (“Lukashneko
    // Putin” found Putin alone). The vocabulary may know what was meant.
    const little = this.#hits.every((hit) => hit.tier === 0) || (queryWords(query).length > 1 && this.#hits.every((hit) => hit.tier < ALL_WORDS));
    if (!corrected && query && little) {
      this.#typos ??= await import('./typos.ts');
      const suggestion = await this.#typos.correct(query, this.#base);
      if (searchId !== this.#searchId) return;
      if (suggestion) await this.#search(suggestion);
    }
  }

  /**
   * The words the lines listed have where none has a word typed: what Pagefind stretched the query
   * to (“fly” for “flibber”, “stop” for “stopped”), from the excerpts' marks; undefined when a line
   * has a word typed.
   */
  #nearWords(): string[] | undefined {
    if (this.#hits.length === 0 || this.#hits.some((hit) => hit.tier > 0)) return undefined;
    const words = new Set<string>();
    for (const hit of this.#hits) {
      // Words only: a mark on an address or a code (“from:https://…”) names nothing a reader typed.
      for (const [, marked] of `${hit.title} ${hit.excerpt}`.matchAll(/<mark>([^<]+)<\/mark>/g)) if (/^[\p{L}’'-]{1,30}$/u.test(marked!)) words.add(marked!.toLowerCase());
    }
    return [...words].slice(0, 3);
  }

  /**
   * The glossary lists “Lukashenka” under Alexander Lukashenko; the entry’s page lists every mention
   * in the texts, under any of the entry’s names. (The names are not listed: some are the
   * glossary's only, never looked for in the texts.) The entry's name stands alone, as a heading
   * does, so no article is needed before “Open Skies Treaty”, and no pronoun stands for a person.
   */
  #everyMention(term: Hit): HTMLElement {
    const line = document.createElement('p');
    line.className = 'search-mentions';
    const link = document.createElement('a');
    link.href = term.url;
    link.textContent = 'the entry’s page';
    const other = normalise(this.#query) !== normalise(term.pageTitle);
    line.append(`${other ? `The glossary lists ${inQuotes(this.#query)} under ${term.pageTitle}` : `${term.pageTitle} is in the glossary`}; `, link, ' lists every mention in the texts, under any of the entry’s names.');
    return line;
  }

  /** Whether the line is a person of the glossary whose name ends in the query: a surname as spelled (“Lukashenka”). */
  #surnamed = (hit: Hit): boolean => {
    const wanted = normalise(this.#query);
    return hit.type === 'Term' && hit.meta === TERM_CATEGORY_LABELS.person && !!wanted && (hit.names ?? []).some((name) => normalise(name.split(/\s+/).at(-1) ?? '') === wanted);
  };

  /** Says what is listed, counted from the lines listed; or why nothing is. */
  #announce(corrected: boolean): void {
    const filtered = Object.keys(this.#filtersNow).length > 0;
    const query = this.#query;
    const count = countLabel(this.#listed());
    const what = this.#typed ? ` for ${inQuotes(this.#typed)}` : '';
    this.#notice.replaceChildren();
    // Both come from modules loaded by then: a correction from ./typos.ts, filters from ./filters.ts.
    if (corrected) this.#notice.append(this.#typos!.didYouMean(query, () => this.#retype(query)));
    // A name of a glossary term: the texts spell names in several ways (Lukashenka, Lukashenko), and
    // a search finds the spelling typed; the term's page lists every mention under any of them.
    const term = this.#hits.find(this.#named) ?? this.#hits.find(this.#surnamed);
    if (term) this.#notice.append(this.#everyMention(term));
    // The lines come from the pages read so far; while more pages match, the count says so.
    const left = this.#results.length - this.#shown;
    // “Show more results” reads the next pages until they give a screenful: one click may read one page, not all that are left.
    const more = left > 0 ? `, from the first ${this.#shown === 1 ? '' : `${this.#shown} `}of the ${this.#results.length} pages that match; “Show more results” reads ${left === 1 ? 'the last one' : `on (${left} left)`}` : '';
    // No line listed has a word typed (Pagefind found words near it), or has them all: said first.
    const near = this.#nearWords();
    const some = !near && queryWords(query).length > 1 && this.#hits.length > 0 && this.#hits.every((hit) => hit.tier < ALL_WORDS);
    const first = near
      ? `No line found has ${inQuotes(query)}: these have words that begin like it${near.length > 0 ? ` (${near.map((word) => `“${word}”`).join(', ')})` : ''}. `
      : some ? `No line found holds every word of ${inQuotes(query)}: these hold some of them. ` : '';
    this.#status.textContent = count
      ? `${corrected ? `Nothing in the edition is spelled ${inQuotes(misspelt(this.#typed, query))}. ` : ''}${first}${count}${query ? ` for ${inQuotes(query)}` : ''}${filtered ? ', with the filters chosen' : ''}${more}.`
      : filtered ? `Nothing to show${what} with the filters chosen.` : `No results${what}.`;
    // An empty filtered search offers, beside the chips, to clear them.
    if (!count && filtered) this.#chips.append(this.#filters!.clearButton(() => this.#clear()));
  }

  #failed(): void {
    this.#status.textContent = 'The search index could not be loaded.';
  }

  /** Puts `query` in the field and searches it. */
  #retype(query: string): void {
    this.#input.value = query;
    this.#schedule(0);
    this.#input.focus();
  }

  #clear(): void {
    for (const box of this.#boxes()) box.checked = false;
    this.#schedule(0);
    this.#input.focus();
  }

  /**
   * "Show more", and the first lines of a search: one reading at a time. A second click while pages
   * are read would read them again; the button says it is busy (`aria-disabled`) but keeps the
   * focus, which a disabled button would drop to the page.
   */
  async #showMore(reset = false): Promise<void> {
    if (this.#busy !== 0 && !reset) return;
    const reading = ++this.#busy;
    this.#more.setAttribute('aria-disabled', 'true');
    try {
      await this.#readMore(reset);
    } finally {
      // A search started meanwhile reads on; when it ends, it frees the button.
      if (reading === this.#busy) {
        this.#busy = 0;
        this.#more.removeAttribute('aria-disabled');
      }
    }
  }

  /**
   * Reads the next pages of results until they give LINES lines or run out, listing each pass as
   * it comes. A page the filters leave no line of (a text whose match is in its text, when only
   * notes are wanted) gives none, and the next pass reads on.
   */
  async #readMore(reset: boolean): Promise<void> {
    const searchId = this.#searchId;
    // The results this reading is of: a search started meanwhile replaces them before its id is the one on screen.
    const results = this.#results;
    const query = this.#query;
    const words = query.replace(/"/g, '').split(/\s+/).filter((word) => word.length > 1).slice(0, 6);
    const shown = this.#shownNow;
    const before = reset ? [] : this.#hits;
    const hits: Hit[] = [];
    let rounds = 0;
    const counted = () => linesCounted(hits);
    const listed = () => hits.filter((hit) => !hit.extra).length;
    while (counted() < LINES && listed() < 3 * LINES && this.#shown < this.#results.length) {
      rounds++;
      const rest = this.#results.slice(this.#shown);
      const batch = rest.slice(0, pagesToRead(rest.map((result) => result.words.length), LINES - counted()));
      const data = await Promise.all(batch.map((result) => result.data()));
      if (searchId !== this.#searchId || results !== this.#results) return;
      data.forEach((item, index) => this.#rank.set(item.url.split('#')[0]!, this.#shown + index));
      this.#shown += batch.length;
      // Every line of each page: those past its first few wait in their group until asked for.
      hits.push(...data.flatMap((item) => hitsOf(item, words, shown, Infinity)));
      this.#hits = [...before, ...hits];
      this.#render();
    }
    if (rounds === 0) this.#render();
    this.#more.hidden = this.#shown >= this.#results.length;
    if (!reset) this.#announce(this.#query !== this.#typed);
  }

  /** The lines listed: all but those a group holds back until the reader asks for them. */
  #listed(): Hit[] {
    return this.#hits.filter((hit) => !hit.extra || this.#expanded.has(hit.page));
  }

  /**
   * Lists every line of `page` and announces the new count. From the field (Enter), the field keeps
   * the focus on the first line added; from a click or a tap, that line takes the focus itself (the
   * option chosen is gone, and the field would open a phone's keyboard over the lines).
   */
  #expand(page: string, fromField: boolean): void {
    const before = new Set(this.#listed());
    this.#expanded.add(page);
    this.#render();
    this.#announce(this.#query !== this.#typed);
    const added = this.#options.findIndex((option) => option.dataset['line'] !== undefined && !before.has(this.#lines[Number(option.dataset['line'])]!));
    if (fromField) {
      this.#input.focus();
      if (added >= 0) this.#activate(added);
    } else {
      this.#options[added]?.focus();
    }
  }

  /** Whether the line is a term that the query names (its name or an alias). */
  #named = (hit: Hit): boolean => {
    const wanted = normalise(this.#query);
    return hit.type === 'Term' && !!wanted && (hit.names ?? []).some((name) => normalise(name) === wanted);
  };

  #render(): void {
    this.#list.replaceChildren();
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    this.#input.setAttribute('aria-expanded', String(this.#hits.length > 0));
    const groups = groupLines(this.#hits, (hit) => this.#rank.get(hit.page) ?? Infinity, this.#named);
    this.#options = [];
    this.#lines = [];
    groups.forEach((group, number) => {
      const box = document.createElement('div');
      box.setAttribute('role', 'group');
      box.className = 'search-group';
      const heading = document.createElement('div');
      heading.setAttribute('role', 'presentation');
      heading.id = `${this.#list.id}-g${number}`;
      heading.className = 'search-group__title';
      box.setAttribute('aria-labelledby', heading.id);
      const first = group.lines[0]!;
      if (group.key === 'glossary') {
        heading.textContent = 'Glossary';
      } else if (group.key === 'claims') {
        heading.textContent = 'Claims across the texts';
      } else if (first.type === 'Event') {
        heading.textContent = first.pageTitle;
      } else {
        const title = document.createElement('cite');
        title.textContent = quoted(first.pageTitle);
        heading.append(title, ` —\u00a0${first.meta}`);
      }
      box.append(heading);
      let section = '';
      const open = this.#expanded.has(group.key);
      const held = open ? [] : group.lines.filter((hit) => hit.extra);
      for (const hit of open ? group.lines : group.lines.filter((hit) => !hit.extra)) {
        // A heading's own line stands for its section's label.
        if (hit.type !== 'Term' && hit.type !== 'Claim' && hit.section && hit.section !== section && !hit.heading) {
          const label = document.createElement('div');
          label.setAttribute('role', 'presentation');
          label.className = 'search-group__section';
          // A heading of the text (a piece's headline in a compilation): the source's words, quoted.
          label.textContent = quoted(hit.section);
          box.append(label);
        }
        section = hit.type === 'Term' ? '' : hit.section;
        box.append(this.#option(hit));
      }
      if (held.length > 0) box.append(this.#moreOption(group.key, held));
      this.#list.append(box);
    });
  }

  /**
   * The last line of a group that holds lines back: how many, and what. Chosen, it lists them; it
   * is also a link to the text, with the query's words to highlight there.
   */
  #moreOption(page: string, held: readonly Hit[]): HTMLAnchorElement {
    const option = this.#anchor(held.find((hit) => hit.type === 'Text')?.url.split('#')[0] ?? page);
    option.className = 'search-hit search-hit--more';
    option.dataset['expand'] = page;
    option.textContent = heldLabel(held);
    option.addEventListener('click', (event) => {
      // A click with a modifier opens the text, as on any link.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.#expand(page, false);
    });
    return option;
  }

  /** An option of the list, a link to `href`, numbered for the keyboard. */
  #anchor(href: string): HTMLAnchorElement {
    const index = this.#options.length;
    const option = document.createElement('a');
    option.id = `${this.#list.id}-${index}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.href = href;
    option.tabIndex = -1;
    option.addEventListener('mousemove', () => this.#activate(index, false));
    this.#options.push(option);
    return option;
  }

  /** One line: itself the link, so that no interactive element is nested in an option. */
  #option(hit: Hit): HTMLAnchorElement {
    const option = this.#anchor(hit.url);
    option.dataset['line'] = String(this.#lines.length);
    this.#lines.push(hit);
    option.className = `search-hit search-hit--${hit.type.toLowerCase()}${hit.type === 'Text' && hit.source === false ? ' search-hit--record' : ''}`;
    const part = (name: string, nodes: (Node | string)[]) => {
      const span = document.createElement('span');
      span.className = `search-hit__${name}`;
      span.append(...nodes);
      option.append(span);
    };
    // A line from the provenance box ("About this copy") is about the copy, not a passage of the text.
    part('type', [hit.type === 'Text' && hit.source === false ? 'Provenance' : HIT_LABELS[hit.type]]);
    if (hit.title) part('title', excerptNodes(hit.title));
    if (hit.type === 'Note' && hit.quote) part('quote', [`On ${quoted(hit.quote)}`]);
    if (hit.type === 'Term') {
      if (hit.quote) part('quote', [`Also: ${hit.quote}`]);
      if (hit.meta) part('meta', [hit.meta]);
    }
    if (hit.type === 'Claim' && hit.meta) part('meta', [hit.meta]);
    if (hit.excerpt) part('excerpt', excerptNodes(hit.excerpt));
    return option;
  }

  #activate(index: number, scroll = true): void {
    const items = this.#options;
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
      this.#activate(this.#options.length - 1);
    }
  }

  #open(index: number): void {
    const link = this.#options[index];
    if (link?.dataset['expand'] !== undefined) this.#expand(link.dataset['expand'], true);
    else if (link) location.href = link.href;
  }
}

if (!customElements.get('search-ui')) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  customElements.define('search-ui', SearchUI);
}
