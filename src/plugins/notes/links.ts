/**
 * Job 5 of remark-notes: the edition's links in note bodies (`passage:<slug>#<id>`, `article:<slug>`,
 * `note:<id>`, `term:<id>`), each checked against the edition and rewritten to the page's URL.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Corpus } from '../../lib/corpus.ts';
import { didYouMean } from '../../lib/suggest.ts';
import { LEDGER_FILE, successorOf, type Ledger } from '../../lib/ledger.ts';
import { PROVENANCE_ANCHOR } from '../../lib/ids.ts';
import { withBase } from '../../lib/urls.ts';
import type { NoteLink } from '../remark-notes.ts';
import type { Report } from './passages.ts';
import type { FoundNote } from './read-notes.ts';

export interface LinkContext {
  corpus: Corpus;
  here: string;
  currentPassages: Set<string>;
  currentNotes: Set<string>;
  base: string;
  /** The anchor ledger, read when a link names an article that is not there (a renamed text's old slug). */
  ledger?: () => Ledger | undefined;
}

type Resolved = { url: string; link?: Omit<NoteLink, 'text'> } | { error: string; fix: string };

/** Checks an edition link of a note body and says where it goes. */
export function resolveLink(link: Link, context: LinkContext): Resolved {
  const { corpus, here, base } = context;
  const url = link.url;
  const match = /^(passage|article|term|note):(.*)$/.exec(url);
  if (!match) {
    if (/^(https?:|mailto:)/.test(url)) return { url };
    if (url.startsWith('#')) {
      const id = url.slice(1);
      const ok = context.currentPassages.has(id) || (id.startsWith('note-') && context.currentNotes.has(id.slice(5)));
      return ok ? { url } : { error: `\`${url}\`, which is not a passage or note of this article`, fix: `write passage:${here}#<id> or note:<id>, with an id that exists.${didYouMean(id, context.currentPassages)}` };
    }
    return { error: `\`${url}\``, fix: 'link to a full http(s) address, or to passage:<article>#<id>, article:<article>, note:<id> or term:<id>.' };
  }
  const [, kind, target] = match as unknown as [string, NoteLink['kind'], string];
  const articles = corpus.articles;
  if (kind === 'term') {
    if (!corpus.terms.has(target)) return { error: `the unknown term \`${target}\``, fix: `use the id of a glossary entry (content/glossary/<id>.md).${didYouMean(target, corpus.terms.keys())}` };
    return { url: withBase(base, `glossary/${target}/`), link: { kind, target } };
  }
  if (kind === 'note') {
    const owners = target === '' ? [] : corpus.noteArticles.get(target) ?? (context.currentNotes.has(target) ? [here] : []);
    if (owners.length === 0) return { error: `the unknown note \`${target}\``, fix: `use the id of a note of the edition.${didYouMean(target, [...corpus.noteArticles.keys()])}` };
    return { url: withBase(base, `articles/${owners[0]}/#note-${target}`), link: { kind, target } };
  }
  const [slug = '', id] = target.split('#');
  const article = articles.get(slug);
  if (!article) {
    // A published text renamed: its old slug is in the ledger, with a redirect once one is written.
    const ledger = context.ledger?.();
    const renamed = ledger?.redirects[slug];
    const to = (now: string) => (kind === 'article' ? `article:${now}` : `passage:${now}#${id ?? '<id>'}`);
    if (renamed !== undefined && articles.has(renamed)) return { error: `the article \`${slug}\`, which is now \`${renamed}\` (a redirect in ${LEDGER_FILE})`, fix: `link to it by its new slug: ${to(renamed)}.` };
    if (ledger?.articles[slug] !== undefined) {
      // The text that now publishes most of its recorded paragraphs, if one does.
      // Its paragraphs only: notes and the provenance are recorded there too, under their own ids.
      const recorded = Object.entries(ledger.articles[slug]).filter(([anchor]) => !anchor.startsWith('note-') && anchor !== PROVENANCE_ANCHOR);
      const now = successorOf(recorded, [...articles.keys()].filter((other) => ledger.articles[other] === undefined), (other, passage) => articles.get(other)!.passages.has(passage));
      return {
        error: `the article \`${slug}\`, which was published but is no longer in content/articles/`,
        fix: now
          ? `it is now \`${now}\`: link to ${to(now)}, and keep its old address alive with \`${slug}: ${now}\` under \`redirects:\` in ${LEDGER_FILE}.`
          : `if it was renamed, link to its new slug and add \`${slug}: <new slug>\` under \`redirects:\` in ${LEDGER_FILE}; a published text is never withdrawn without a redirect.${didYouMean(slug, articles.keys())}`,
      };
    }
    return { error: `the unknown article \`${slug}\``, fix: `use the slug of a published article (content/articles/<slug>.mdx).${didYouMean(slug, articles.keys())}` };
  }
  if (article.draft) {
    return { error: `the article \`${slug}\`, which is a draft`, fix: `publish it (delete \`draft: true\` in ${article.file}), or link to a published article.` };
  }
  if (kind === 'article') return { url: withBase(base, `articles/${slug}/`), link: { kind, target: slug } };
  const ids = slug === here ? context.currentPassages : new Set(article.passages.keys());
  if (!id || !ids.has(id)) {
    return { error: `\`${url}\`, but ${slug} has no passage \`${id ?? ''}\``, fix: `use the id after a paragraph's caret in content/articles/${slug}.mdx.${didYouMean(id ?? '', ids)}` };
  }
  return { url: withBase(base, `articles/${slug}/#${id}`), link: { kind, target: `${slug}#${id}` } };
}

/** Checks and rewrites the links of every note; returns each note's links to the edition, by note id. */
export function checkLinks(seen: ReadonlyMap<string, FoundNote>, context: Omit<LinkContext, 'currentNotes'>, problem: Report): Map<string, NoteLink[]> {
  const linksOf = new Map<string, NoteLink[]>();
  const currentNotes = new Set(seen.keys());
  for (const note of seen.values()) {
    const links: NoteLink[] = [];
    for (const node of note.body) {
      visit(node, 'link', (link: Link) => {
        const resolved = resolveLink(link, { ...context, currentNotes });
        if ('error' in resolved) {
          problem('broken-note-link', link.position, `note \`${note.id}\` links to ${resolved.error}`, resolved.fix);
          return;
        }
        if (resolved.link) {
          links.push({ ...resolved.link, text: toString(link) });
          link.url = resolved.url;
          link.data = { ...link.data, hProperties: { ...link.data?.hProperties, dataLink: resolved.link.kind } };
        }
      });
    }
    linksOf.set(note.id, links);
  }
  return linksOf;
}
