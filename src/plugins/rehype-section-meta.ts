/**
 * rehype-section-meta: under each heading of a compilation's piece, a line giving the piece's outlet,
 * kind of outlet and date, from the article's `sections` front matter. It is apparatus, not source
 * text, and is marked so (`data-apparatus`), which keeps it out of the fidelity check and the index.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { formatDate, isoDate } from '../lib/dates.ts';
import { failOnProblems, findLine, type ContentProblem } from './content-errors.ts';
import { OUTLET_KIND_LABELS } from '../schemas/article.ts';
import { didYouMean } from '../lib/suggest.ts';
import { isArticleFile } from './kit.ts';

interface SectionFrontmatter {
  heading?: unknown;
  lead?: unknown;
  outlet?: unknown;
  author?: unknown;
  date?: unknown;
}

interface OutletFrontmatter {
  name?: unknown;
  kind?: unknown;
  namedBy?: unknown;
}

/** Options of {@link rehypeSectionMeta}. */
export interface Options {
  /** Which files to process. Default: files under a `content/articles/` folder. */
  include?: (path: string) => boolean;
}

export const defaultOptions: Required<Options> = {
  include: isArticleFile,
};

function metaLine(section: SectionFrontmatter, outlets: readonly OutletFrontmatter[]): Element {
  const children: (Element | string)[] = [];
  const outlet = outlets.find((o) => o.name === section.outlet);
  if (typeof section.outlet === 'string') {
    children.push(h('span', { className: ['section-meta__outlet'] }, section.outlet));
    const kind = OUTLET_KIND_LABELS[outlet?.kind as keyof typeof OUTLET_KIND_LABELS];
    if (kind) children.push(` · ${kind.toLowerCase()}`);
    if (outlet?.namedBy === 'editors') children.push(' (identified by the editors)');
  } else {
    children.push('Outlet not known');
  }
  if (typeof section.author === 'string') children.push(` · by ${section.author}`);
  if (section.date instanceof Date || typeof section.date === 'string') {
    children.push(' · ', h('time', { dateTime: isoDate(section.date) }, formatDate(section.date)));
  }
  return h('p', { className: ['section-meta'], dataApparatus: '', dataPagefindIgnore: '' }, children);
}

/**
 * @example
 * // front matter: sections: [{ heading: us-stop-meddling, outlet: US Peace Council, date: 2020-09-01 }]
 * // <h2 id="us-stop-meddling">…</h2>
 * // → <h2 …>…</h2><p class="section-meta" data-apparatus>US Peace Council · advocacy group · 1 September 2020</p>
 */
declare module 'vfile' {
  interface DataMap {
    /** The article's front matter, as written (the compiler sets it before the pipeline runs). */
    frontmatter: Record<string, unknown>;
  }
}

export const rehypeSectionMeta: Plugin<[Options?], Root> = (options) => {
  const { include } = { ...defaultOptions, ...options };
  return (tree, file) => {
    if (!include(file.history[0] ?? '')) return;
    const frontmatter = (file.data.frontmatter ?? {}) as { sections?: SectionFrontmatter[]; outlets?: OutletFrontmatter[] };
    const sections = Array.isArray(frontmatter.sections) ? frontmatter.sections : [];
    const outlets = Array.isArray(frontmatter.outlets) ? frontmatter.outlets : [];
    const pending = new Map(sections.filter((s) => typeof s.heading === 'string').map((s) => [s.heading as string, s]));
    const headingIds = new Set<string>();
    // Every id of the text in order: a section's lead must stand before its heading. And each
    // paragraph by its id, to mark a lead as one.
    const order: string[] = [];
    const paragraphs = new Map<string, Element>();

    const walk = (parent: Root | Element): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (child.type !== 'element') continue;
        const id = child.properties?.['id'];
        if (typeof id === 'string' && /^(p|h[2-6])$/.test(child.tagName)) order.push(id);
        if (typeof id === 'string' && child.tagName === 'p') paragraphs.set(id, child);
        if (/^h[2-6]$/.test(child.tagName) && typeof id === 'string') {
          headingIds.add(id);
          const section = pending.get(id);
          if (section) {
            pending.delete(id);
            parent.children.splice(i + 1, 0, metaLine(section, outlets));
            i++;
          }
          continue;
        }
        walk(child);
      }
    };
    walk(tree);

    const problems: ContentProblem[] = [...pending.keys()].map((heading) => ({
      ruleId: 'unknown-section-heading',
      place: findLine(file, `heading: ${heading}`),
      reason: `front matter \`sections\` names heading \`${heading}\`, but no heading has that passage id`,
      fix: headingIds.size > 0
        ? `use the id of a heading (${[...headingIds].slice(0, 6).map((id) => `\`${id}\``).join(', ')}), or remove the entry.${didYouMean(heading, headingIds)}`
        : 'the article has no headings with ids; remove the entry.',
    }));
    for (const section of sections) {
      if (typeof section.lead !== 'string' || typeof section.heading !== 'string' || !headingIds.has(section.heading)) continue;
      const lead = order.indexOf(section.lead);
      const heading = order.indexOf(section.heading);
      // The lead opens the piece: above its heading, with no other section's heading between them.
      const between = order.slice(lead + 1, heading).find((id) => headingIds.has(id));
      const paragraph = paragraphs.get(section.lead);
      if (paragraph && lead < heading && between === undefined) {
        // Marked on the page, for what reads the page (the Cite panel): this paragraph opens that piece.
        paragraph.properties = { ...paragraph.properties, dataLeadOf: section.heading };
        continue;
      }
      problems.push({
        ruleId: 'section-lead',
        place: findLine(file, `lead: ${section.lead}`),
        reason: !paragraph ? `front matter \`sections\` gives \`${section.lead}\` as the lead of \`${section.heading}\`, but no paragraph has that passage id` : `the lead \`${section.lead}\` of \`${section.heading}\` does not stand just above that heading`,
        fix: `give the passage id of the paragraph that opens the piece above its heading (the paragraphs between them belong to the piece too), or remove \`lead\`.${!paragraph ? didYouMean(section.lead, paragraphs.keys()) : ''}`,
      });
    }
    failOnProblems(file, 'rehype-section-meta', problems);
  };
};
