/**
 * The importer: a pure function from a plain-text source to an MDX draft of an article.
 *
 *   text ─ normalise ─ furniture rules ─ reflow ─ header & pieces ─ passage ids ─ MDX
 *
 * Same input, same output: nothing depends on the clock, the machine or the order of a hash map.
 */
import { ImportError } from './errors.ts';
import { describeCharacter, normaliseText, type ControlPolicy } from './normalise.ts';
import { CONTROL_CHARACTERS_RULE } from './removals.ts';
import { furnitureCandidates, furnitureReport, furnitureTodo } from './furniture.ts';
import { reflow, type Block, type LineItem, type TextBlock, type WrapMode } from './reflow.ts';
import type { CompiledRule, OutletKind, RuleSet } from './rules.ts';
import { bylineAuthors, findHeader, findPieces, outletNamed, outletsIn, parseDateline, parseWireDateline } from './structure.ts';
import { BREAK_MDX, frontmatterToYaml, headingToMdx, paragraphToMdx } from './serialise.ts';
import { shortHash, slugFromText, slugOf } from '../slug.ts';
import { nearest } from '../suggest.ts';
import { isArticleSlug, isPassageId } from '../ids.ts';

export { ImportError } from './errors.ts';
export { firstInvalidUtf8, utf16Order, foreignByteOrderMark } from './normalise.ts';
export { CONTROL_CHARACTERS_RULE, removalSummary } from './removals.ts';
export { parseRules, mergeRuleSets, type RuleSet } from './rules.ts';
export { frontMatterProblem, mergeImport, formatProblem, IMPORTER_OWNED_FIELDS, type MergeProblem, type MergeResult } from './merge.ts';

/** Options of {@link importText}. */
export interface ImportOptions {
  /** File name of the source under `content/sources/`, recorded in the front matter. */
  sourceFile: string;
  /** Furniture rules and known outlets. Default: none. */
  rules?: RuleSet;
  /** How line breaks are read. Default `'auto'`. */
  wrap?: WrapMode;
  /** Whether to look for the pieces of a compilation. Default `true`. */
  pieces?: boolean;
  /** What to do with control and bidi characters. Default `'error'`. */
  controls?: ControlPolicy;
  /** The article's slug. Default: made from the title. */
  slug?: string;
}

/** The defaults of {@link ImportOptions}. */
export const defaultImportOptions = {
  rules: { outlets: [], rules: [] } as RuleSet,
  wrap: 'auto' as WrapMode,
  pieces: true,
  controls: 'error' as ControlPolicy,
};

/** One run of removed lines. */
export interface Occurrence {
  /** Line or lines of the source, `7` or `78–81`. */
  lines: string;
  /** The removed text, exactly (lines joined by a line break). */
  text: string;
}

/** What one rule removed from the text. */
export interface Removal {
  /** The rule's id, or `control-characters`. */
  rule: string;
  /** Why, from the rule. */
  reason: string;
  /** Each run of lines the rule removed, in the order of the text. */
  occurrences: Occurrence[];
}

/** A section of the article: one piece of a compilation. */
export interface DraftSection {
  heading: string;
  outlet?: string;
  author?: string;
  date: string;
  dateline: string;
}

/** The front matter of a draft, in the shape of the articles collection's schema. */
export interface DraftFrontmatter {
  title: string;
  titleAsReceived: string;
  headerAsReceived: string[];
  form?: string;
  kind?: OutletKind;
  outlets: { name: string; kind: OutletKind }[];
  authors: string[];
  dates: string[];
  copy: { source: string; from: string; url?: string };
  summary: string;
  removed: Removal[];
  defects: { title: string; detail: string }[];
  sections: DraftSection[];
  draft: true;
  todo: string[];
}

/** What {@link importText} returns. */
export interface ImportResult {
  /** The whole MDX file. */
  mdx: string;
  slug: string;
  frontmatter: DraftFrontmatter;
  /** The body's blocks, with their ids (tests use them). */
  blocks: { block: Block; id?: string; heading?: boolean }[];
  /** A short account of what was done, for the CLI. */
  report: string[];
}

function formatLines(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

/**
 * The first and last raw line an occurrence's `lines` names, as {@link formatLines} writes them
 * (`7`, `78–81`; `12:5` for a character's line and column); NaN where it names none.
 *
 * @example linesOf('78–81') // { first: 78, last: 81 }
 */
export function linesOf(lines: string): { first: number; last: number } {
  const [first, last = first] = lines.split(/[–-]/).map((part) => Number.parseInt(part, 10));
  return { first: first ?? Number.NaN, last: last ?? Number.NaN };
}

interface Applied {
  items: LineItem[];
  removed: Removal[];
}

/** Applies furniture rules to the lines of the text, recording every run of removed lines. */
function applyRules(lines: readonly string[], rules: readonly CompiledRule[], sourceFile: string): Applied {
  const removedBy: (CompiledRule | undefined)[] = Array.from({ length: lines.length }, () => undefined);
  for (const compiled of rules) {
    let matches = 0;
    for (let i = 0; i < lines.length; i++) {
      if (removedBy[i] || !compiled.match(lines[i]!)) continue;
      matches++;
      if (compiled.until === undefined) {
        removedBy[i] = compiled;
        continue;
      }
      let end = lines.length - 1;
      if (compiled.until !== 'end') {
        const until = compiled.until;
        const found = lines.findIndex((line, j) => j >= i && until(line));
        if (found < 0) {
          throw new ImportError(`rule \`${compiled.rule.id}\` starts a block at line ${i + 1} of ${sourceFile}, but its \`to\` pattern matches no line after it`, {
            file: compiled.file,
            line: compiled.line,
            hint: 'fix the `to` pattern, or write `to: end` to remove everything to the end of the text.',
          });
        }
        end = found;
      }
      for (let j = i; j <= end; j++) removedBy[j] ??= compiled;
      i = end;
    }
    if (matches < compiled.expect) {
      throw new ImportError(
        `rule \`${compiled.rule.id}\` matched ${matches} line${matches === 1 ? '' : 's'} of ${sourceFile}, expected at least ${compiled.expect}`,
        {
          file: compiled.file,
          line: compiled.line,
          hint: 'the rule is stale or mistyped: fix its lines or pattern, or delete it (or set `expect: 0`).',
        },
      );
    }
    // Each of a rule's exact lines: one mistyped among others that match would leave that line in
    // the text unnoticed (“Advertisment” for the copy's “Advertisement”).
    if (compiled.expect > 0 && compiled.rule.lines) {
      // (A line another rule took out first is a line of the copy all the same.)
      const present = new Set(lines.map((line) => line.trim()));
      const missed = compiled.rule.lines.map((text) => text.trim()).filter((text) => !present.has(text));
      if (missed.length > 0) {
        const near = nearest(missed[0]!, new Set(lines.map((line) => line.trim()).filter((line) => line !== '' && line.length <= 80)));
        const at = near === undefined ? -1 : lines.findIndex((line) => line.trim() === near);
        throw new ImportError(`rule \`${compiled.rule.id}\`: its line “${missed[0]}” is no line of ${sourceFile}${missed.length > 1 ? ` (nor ${missed.slice(1).map((text) => `“${text}”`).join(', ')})` : ''}`, {
          file: compiled.file,
          line: compiled.line,
          hint: near === undefined ? 'correct it to the line as the copy has it, or take it out of `lines`.' : `did you mean “${near}” (line ${at + 1})? Write the line as the copy has it, or take it out of \`lines\`.`,
        });
      }
    }
  }

  const items: LineItem[] = [];
  const removedByRule = new Map<string, Removal>();
  let i = 0;
  while (i < lines.length) {
    const rule = removedBy[i];
    if (!rule) {
      items.push({ text: lines[i]!, line: i + 1 });
      i++;
      continue;
    }
    let end = i;
    // A run of lines removed by one rule is one removal; blank lines inside the run belong to it.
    while (end + 1 < lines.length && (removedBy[end + 1] === rule || (lines[end + 1]!.trim() === '' && removedBy[end + 2] === rule))) {
      end++;
    }
    const text = lines.slice(i, end + 1).join('\n').trim();
    if (text !== '') {
      const removal = removedByRule.get(rule.rule.id) ?? { rule: rule.rule.id, reason: rule.rule.reason, occurrences: [] };
      removal.occurrences.push({ lines: formatLines(i + 1, end + 1), text });
      removedByRule.set(rule.rule.id, removal);
    }
    if (rule.rule.replaceWith === 'break') items.push({ break: true, line: i + 1 });
    i = end + 1;
  }
  return { items, removed: [...removedByRule.values()] };
}

function parseDatelinePrefix(text: string): string {
  return parseDateline(text)?.text ?? parseWireDateline(text)?.text ?? '';
}

/** Mints unique passage ids from block texts. */
function createIdMinter(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    let base = slugFromText(text);
    if (base === '' || !isPassageId(base)) base = `p-${shortHash(text)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * Turns a plain-text source into an MDX draft.
 *
 * @example
 * importText('Title\n\nFirst paragraph.\n', { sourceFile: 'x.txt' }).mdx
 * // '---\ntitle: Title\n…draft: true\n…---\n\nFirst paragraph. ^first-paragraph\n'
 * @throws {ImportError} for unsafe characters, stale or broken rules, or a text with no body.
 */
export function importText(raw: string, options: ImportOptions): ImportResult {
  const opts = { ...defaultImportOptions, ...options };
  const { text, stripped } = normaliseText(raw, opts.sourceFile, opts.controls);
  const lines = text.split('\n');
  const { items, removed } = applyRules(lines, opts.rules.rules, opts.sourceFile);
  if (stripped.length > 0) {
    removed.push({
      rule: CONTROL_CHARACTERS_RULE,
      reason: 'Control, bidirectional-formatting or other invisible characters that cannot be shown as text were stripped.',
      occurrences: stripped.map((char) => ({ lines: `${char.line}:${char.column}`, text: `${char.codePoint} ${char.label}` })),
    });
  }

  const blocks = reflow(items, opts.wrap);
  const header = findHeader(blocks);
  if (header.title === '') {
    // A file with nothing but white space is empty; one whose words the rules all removed says so.
    const empty = text.trim() === '';
    throw new ImportError(empty ? 'the file is empty' : 'the text is empty once furniture is removed', {
      file: opts.sourceFile,
      hint: empty ? 'check that the file is the right one, and that it was saved with its text.' : 'check that no furniture rule removes the whole text (the rules that applied are in content/import-rules/).',
    });
  }
  const body = blocks.slice(header.firstBody);
  if (!body.some((block) => block.kind === 'text')) {
    throw new ImportError('the text has a title but no body', {
      file: opts.sourceFile,
      line: blocks[0]?.kind === 'text' ? blocks[0].startLine : 1,
      hint: `the first paragraph is read as the title; a text needs at least one more paragraph.${
        // One paragraph of many lines: a copy with a paragraph a line and no blank lines between them.
        blocks[0]?.kind === 'text' && blocks[0].endLine - blocks[0].startLine >= 2 && opts.wrap !== 'lines' ? ' The copy has no blank line between its paragraphs: put one after the title and after each paragraph, or, if each of its lines is a paragraph, import it with --wrap lines.' : ''
      }`,
    });
  }

  const pieces = opts.pieces ? findPieces(blocks, header.firstBody, opts.rules.outlets) : [];
  const headingIndex = new Map(pieces.map((piece) => [piece.heading, piece]));
  const mint = createIdMinter();
  const resultBlocks: ImportResult['blocks'] = [];
  const mdxBlocks: string[] = [];
  const sections: DraftSection[] = [];
  const todo: string[] = [];

  blocks.forEach((block, index) => {
    if (index < header.firstBody) return;
    if (block.kind === 'break') {
      // A break before any text of the body separates nothing.
      if (mdxBlocks.length === 0) return;
      resultBlocks.push({ block });
      mdxBlocks.push(BREAK_MDX);
      return;
    }
    // A dateline says when, not what: the id is made from the words after it.
    const id = mint(block.text.slice(parseDatelinePrefix(block.text).length));
    const piece = headingIndex.get(index);
    if (piece) {
      resultBlocks.push({ block, id, heading: true });
      mdxBlocks.push(headingToMdx(block.text, id));
      sections.push({
        heading: id,
        ...(piece.outlet ? { outlet: piece.outlet.name } : {}),
        ...(piece.author ? { author: piece.author } : {}),
        date: piece.date,
        dateline: piece.dateline,
      });
      if (!piece.outlet) todo.push(`sections (${id}): name the outlet of “${truncate((block as TextBlock).text)}”`);
      return;
    }
    resultBlocks.push({ block, id });
    mdxBlocks.push(paragraphToMdx(block.text, id));
  });
  while (mdxBlocks[mdxBlocks.length - 1] === BREAK_MDX) {
    mdxBlocks.pop();
    resultBlocks.pop();
  }

  // Outlets the copy names: in the pieces' headlines and bylines, the title and header lines, and
  // the credits of wire datelines ("MOSCOW (AP) --").
  const outlets = new Map<string, { name: string; kind: OutletKind }>();
  const proposedFrom: string[] = [];
  for (const piece of pieces) if (piece.outlet) outlets.set(piece.outlet.name, piece.outlet);
  for (const line of [header.title, ...header.lines.map((l) => l.text)]) {
    for (const outlet of outletsIn(line, opts.rules.outlets)) {
      if (!outlets.has(outlet.name)) proposedFrom.push(`${outlet.name} from “${truncate(line)}”`);
      outlets.set(outlet.name, { name: outlet.name, kind: outlet.kind });
    }
  }
  const unknownCredits: string[] = [];
  for (const entry of resultBlocks) {
    if (entry.block.kind !== 'text') continue;
    const wire = parseWireDateline(entry.block.text);
    if (!wire) continue;
    const outlet = outletNamed(wire.credit, opts.rules.outlets);
    const where = `the dateline at line ${entry.block.startLine}, “${wire.text.trim()}”`;
    if (!outlet) {
      unknownCredits.push(`outlets: ${where} credits “${wire.credit}”, which content/import-rules/shared.yaml does not list: name the outlet here (and add it to shared.yaml's outlets so that the next import knows it)`);
      continue;
    }
    if (!outlets.has(outlet.name)) proposedFrom.push(`${outlet.name} from ${where}`);
    outlets.set(outlet.name, { name: outlet.name, kind: outlet.kind });
  }
  const bylines = header.lines.filter((line) => line.byline);
  const headerByline = bylines.find((line) => bylineAuthors(line.text).length > 0);
  const authors = [...new Set([...bylines.flatMap((line) => bylineAuthors(line.text)), ...pieces.flatMap((p) => (p.author ? [p.author] : []))])];
  const dates = [...new Set([...pieces.map((p) => p.date), ...header.lines.flatMap((l) => (l.date ? [l.date] : []))])].sort();
  const copyUrl = header.lines.find((line) => line.url)?.url;
  if (opts.slug !== undefined && !isArticleSlug(opts.slug)) {
    throw new ImportError(`the slug \`${opts.slug}\` is not a valid article slug`, {
      file: opts.sourceFile,
      hint: `use lowercase letters, digits and hyphens, at most 80 characters, e.g. --slug ${slugOf(opts.slug) || slugFromText(header.title, 8, 60) || 'russian-bombers-fly-over-belarus'}`,
    });
  }
  const slug = opts.slug ?? slugFromText(header.title, 8, 60);
  if (!isArticleSlug(slug)) {
    throw new ImportError(`cannot make a slug from the title “${truncate(header.title)}”`, {
      file: opts.sourceFile,
      hint: 'pass one with --slug, e.g. --slug russian-bombers-fly-over-belarus',
    });
  }

  todo.unshift(
    'title: check the display title (the received one is kept in titleAsReceived)',
    'form: say what kind of text this is, in a few words (e.g. News agency report, Forum thread)',
    'kind: choose the kind of the principal outlet behind the text (news-agency, news-site, blog, advocacy-group, forum)',
    ...(outlets.size === 0
      ? ['outlets: name the outlet or outlets of the original text']
      : proposedFrom.length > 0
        ? [`outlets: check the outlets the importer proposes (${proposedFrom.join('; ')}); add any the copy does not name with \`namedBy: editors\``]
        : []),
    ...unknownCredits,
    authors.length > 0
      ? `authors: check the author${authors.length === 1 ? '' : 's'} the importer proposes from ${headerByline ? `the byline “${truncate(headerByline.text)}”` : 'the bylines of the pieces'}`
      : 'authors: name the author or authors where known, or leave the list empty',
    `dates: check the date${dates.length === 1 ? '' : 's'} of the original${dates.length === 0 ? ' (none found in the text)' : ''}`,
    'copy.from: say where this copy came from',
    'summary: write a short neutral summary (what the text says, not whether it is right)',
    'defects: list the known defects of the copy, if any',
  );
  // Lines that look like furniture no rule removed yet: the editor decides, before publishing.
  const candidates = furnitureCandidates(resultBlocks.flatMap((entry) => (entry.heading ? [] : [entry.block])));
  todo.push(...furnitureTodo(candidates, opts.sourceFile));

  const frontmatter: DraftFrontmatter = {
    title: header.title,
    titleAsReceived: header.title,
    headerAsReceived: header.lines.map((line) => line.text),
    outlets: [...outlets.values()],
    authors,
    dates,
    copy: { source: opts.sourceFile, from: '', ...(copyUrl ? { url: copyUrl } : {}) },
    summary: '',
    removed,
    defects: [],
    sections,
    draft: true,
    todo,
  };

  const mdx = `${frontmatterToYaml(frontmatter as unknown as Record<string, unknown>)}\n${mdxBlocks.join('\n\n')}\n`;
  const paragraphs = resultBlocks.filter((b) => b.id && !b.heading).length;
  const furniture = removed.filter((r) => r.rule !== CONTROL_CHARACTERS_RULE);
  const report = [
    `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}, ${sections.length} section heading${sections.length === 1 ? '' : 's'}`,
    `${furniture.length} removal rule${furniture.length === 1 ? '' : 's'} applied${furniture.length ? `: ${furniture.map((r) => `${r.rule} (line ${r.occurrences.map((o) => o.lines).join(', ')})`).join('; ')}` : ''}`,
    ...furnitureReport(candidates, opts.sourceFile),
    ...(stripped.length ? [`${stripped.length} character${stripped.length === 1 ? '' : 's'} stripped: ${stripped.map(describeCharacter).join('; ')}`] : []),
    `${todo.length} thing${todo.length === 1 ? '' : 's'} to finish by hand (listed under todo in the front matter)`,
  ];
  return { mdx, slug, frontmatter, blocks: resultBlocks, report };
}

function truncate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
