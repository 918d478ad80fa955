/**
 * Synthetic corpora for the scale benchmark, made from the edition's own texts: each synthetic
 * article takes the length and front matter of one of the five, and paragraphs drawn from all of
 * them, reshuffled, under a new title and date. A paragraph keeps its notes, so notes, their
 * sources and their links come at the density of the real edition; a note's links to other texts
 * are pointed at other synthetic articles. Term mentions follow from the text, as in the edition.
 * The same articles are written as plain Markdown pages (no notes, no ids) for Starlight.
 *
 * Everything is seeded: the same size gives the same corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { toString } from 'mdast-util-to-string';
import { parseMdx } from '../../src/compiler/parse.ts';

/** A paragraph or heading of a real article, with the notes attached to passages in it. */
export interface Unit {
  from: string;
  /** The block's MDX, ` ^id` included. */
  block: string;
  /** Its plain text, as the build reads it: what a raw copy of a synthetic text is made of. */
  text: string;
  /** `<Note …>…</Note>` blocks on passages of this block. */
  notes: string[];
}

export interface RealArticle {
  slug: string;
  frontmatter: Record<string, unknown>;
  units: Unit[];
}

export interface SyntheticArticle {
  slug: string;
  title: string;
  /** Our MDX file. */
  mdx: string;
  /** Its raw copy, `content/sources/<slug>.txt`: the text the build checks the article against. */
  source: string;
  /** Starlight's Markdown page. */
  markdown: string;
  notes: number;
  /**
   * The stem of its template's own rules file (`content/import-rules/<stem>.yaml`), which the site
   * keeps as this text's: the removals it copies from its template name those rules.
   */
  rules: string;
}

/** A small seeded random generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits an article's MDX into its front matter and its units. */
export function parseArticle(slug: string, mdx: string): RealArticle {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error(`${slug}: no front matter`);
  const frontmatter = parse(match[1]!) as Record<string, unknown>;
  const blocks: string[] = [];
  let note: string[] | undefined;
  for (const chunk of match[2]!.split(/\n{2,}/)) {
    if (note) {
      note.push(chunk);
      if (chunk.includes('</Note>')) {
        blocks.push(note.join('\n\n'));
        note = undefined;
      }
      continue;
    }
    if (chunk.startsWith('<Note ') && !chunk.includes('</Note>')) {
      note = [chunk];
      continue;
    }
    if (chunk.trim()) blocks.push(chunk.trim());
  }
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.startsWith('<Note ')) {
      const id = /<Note id="([^"]+)"/.exec(block)?.[1];
      const owner = units.find((unit) => unit.block.includes(`note="${id}"`)) ?? units[units.length - 1];
      owner?.notes.push(block);
    } else if (/ \^[a-z0-9-]+$/.test(block)) {
      units.push({ from: slug, block, text: toString(parseMdx(block).tree).replace(/ \^[a-z0-9-]+$/, ''), notes: [] });
    }
  }
  return { slug, frontmatter, units };
}

export function readEdition(root: string): RealArticle[] {
  const dir = join(root, 'content/articles');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => parseArticle(name.replace(/\.mdx$/, ''), readFileSync(join(dir, name), 'utf8')));
}

const plain = (block: string) =>
  block
    .replace(/ \^[a-z0-9-]+$/, '')
    .replace(/<Passage note="[^"]*">/g, '')
    .replace(/<\/Passage>/g, '')
    .replace(/<\/?(Term|NoTerm)[^>]*>/g, '');

function words(block: string, count: number): string {
  return plain(block)
    .replace(/^#+ /, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .replace(/&#x?[0-9a-f]+;/gi, '')
    .split(/\s+/)
    .slice(0, count)
    .join(' ')
    .replace(/[,;:.]$/, '');
}

/**
 * `size` synthetic articles. Article `k` follows real article `k mod 5` in length and front
 * matter; its paragraphs are drawn at random from all five.
 */
export function makeCorpus(edition: RealArticle[], size: number, seed = 1): SyntheticArticle[] {
  const next = random(seed);
  const pool = edition.flatMap((article) => article.units);
  const plans = Array.from({ length: size }, (_, k) => {
    const template = edition[k % edition.length]!;
    const chosen = new Map<string, Unit>();
    // Paragraph ids are unique within a text; drawing by id keeps them so.
    while (chosen.size < Math.min(template.units.length, pool.length)) {
      const unit = pool[Math.floor(next() * pool.length)]!;
      const id = / \^([a-z0-9-]+)$/.exec(unit.block)![1]!;
      if (!chosen.has(id)) chosen.set(id, unit);
    }
    const units = [...chosen.values()];
    const title = `${words(units.find((unit) => !unit.block.startsWith('#'))?.block ?? units[0]!.block, 9)} (${k + 1})`;
    const slug = `text-${String(k + 1).padStart(5, '0')}-${template.slug.split('-').slice(0, 4).join('-')}`;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 1096) * 86_400_000).toISOString().slice(0, 10);
    return { k, template, units, title, slug, day };
  });
  const passagesOf = plans.map((plan) => plan.units.map((unit) => / \^([a-z0-9-]+)$/.exec(unit.block)![1]!));
  // Notes of each synthetic text (their real ids), so that a note: link to a note the text does not
  // carry is pointed at a note of another text, as a link to a passage is.
  const notesOf = plans.map((plan) => new Set(plan.units.flatMap((unit) => unit.notes.map((note) => /<Note id="([^"]+)"/.exec(note)![1]!))));

  return plans.map((plan) => {
    const other = () => {
      const j = (plan.k + 1 + Math.floor(next() * Math.max(1, size - 1))) % size;
      return j === plan.k ? (j + 1) % size : j;
    };
    const noteIds = new Map<string, string>();
    const rename = (id: string) => `${id}-${plan.k + 1}`;
    let notes = 0;
    const body: string[] = [];
    for (const unit of plan.units) {
      let block = unit.block;
      for (const [, id] of block.matchAll(/note="([^"]+)"/g)) noteIds.set(id!, rename(id!));
      block = block.replace(/note="([^"]+)"/g, (_, id: string) => `note="${rename(id)}"`);
      body.push(block);
      for (const note of unit.notes) {
        notes++;
        body.push(
          note
            .replace(/<Note id="([^"]+)"/, (_, id: string) => `<Note id="${rename(id)}"`)
            // A new text's note has no correction (whose earlier wording content/corrections.yaml would need).
            .replace(/ updated="[^"]*" change="[^"]*"/, '')
            .replace(/\]\(passage:[a-z0-9-]+#[a-z0-9-]+\)/g, () => {
              const j = other();
              const ids = passagesOf[j]!;
              return `](passage:${plans[j]!.slug}#${ids[Math.floor(next() * ids.length)]})`;
            })
            .replace(/\]\(article:[a-z0-9-]+\)/g, () => `](article:${plans[other()]!.slug})`)
            .replace(/\]\(note:([a-z0-9-]+)\)/g, (_, id: string) => {
              if (notesOf[plan.k]!.has(id)) return `](note:${noteIds.get(id) ?? rename(id)})`;
              const j = [other(), ...plans.map((_, index) => index)].find((index) => notesOf[index]!.size > 0) ?? plan.k;
              const ids = [...notesOf[j]!];
              return `](note:${ids[Math.floor(next() * ids.length)]}-${j + 1})`;
            }),
        );
      }
    }
    const template = plan.template.frontmatter as { copy: Record<string, unknown>; removed?: { occurrences: { text: string }[] }[] };
    // A new text's provenance has no correction either.
    const { updated: _updated, change: _change, ...front } = plan.template.frontmatter;
    const frontmatter = {
      ...front,
      title: plan.title,
      titleAsReceived: plan.title,
      dates: [plan.day],
      sections: [],
      copy: { ...template.copy, source: `${plan.slug}.txt` },
    };
    const mdx = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
    // The raw copy: the title, the text, and the furniture the template's rules removed, so that
    // the page lists the same removals as its template's.
    const furniture = (template.removed ?? []).flatMap((removal) => removal.occurrences.map((occurrence) => occurrence.text));
    const source = `${[plan.title, ...plan.units.map((unit) => unit.text), ...furniture].join('\n\n')}\n`;
    const markdown = `---\n${stringify({ title: plan.title, description: String(plan.template.frontmatter['summary'] ?? '') }, { lineWidth: 0 })}---\n\n${plan.units.map((unit) => plain(unit.block)).join('\n\n')}\n`;
    return { slug: plan.slug, title: plan.title, mdx, source, markdown, notes, rules: String(template.copy['source'] ?? '').replace(/\.txt$/, '') };
  });
}

/** A real article as Starlight gets it: its title, and its paragraphs as plain Markdown, in order. */
export function plainArticle(article: RealArticle): { slug: string; markdown: string } {
  const title = String(article.frontmatter['title'] ?? article.slug);
  const description = String(article.frontmatter['summary'] ?? '');
  return {
    slug: article.slug,
    markdown: `---\n${stringify({ title, description }, { lineWidth: 0 })}---\n\n${article.units.map((unit) => plain(unit.block)).join('\n\n')}\n`,
  };
}
