/**
 * The one parser of the edition: Sätteri (Astro 7's Rust Markdown/MDX processor) reads an article's
 * MDX, front matter included, into a standard mdast tree with the MDX extensions. Everything else
 * (checks, the model, the rendered page) reads that tree, so there is no second reader to disagree
 * with it: `<Note id='x'>` and `<Note\n  id="x">` are the same element everywhere.
 *
 * @example parseMdx('---\ntitle: T\n---\nText. ^p\n') // { frontmatter: 'title: T', frontmatterLine: 2, tree: { type: 'root', children: [paragraph] } }
 */
import { mdxToMdast, markdownToMdast } from 'satteri';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import type { Problem } from './problems.ts';
import { ALLOWED_COMPONENTS, meantComponent } from '../lib/components.ts';

/** A parsed content file. */
export interface Parsed {
  /** The YAML between the `---` fences, without them; '' when there is none. */
  frontmatter: string;
  /** The 1-based line of the file where the YAML starts. */
  frontmatterLine: number;
  /** The body's tree, front matter removed; positions are lines and columns of the whole file. */
  tree: Root;
}

function split(tree: Root): Parsed {
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    tree.children.shift();
    return { frontmatter: first.value, frontmatterLine: (first.position?.start.line ?? 1) + 1, tree };
  }
  return { frontmatter: '', frontmatterLine: 1, tree };
}

/**
 * MDX the parser refuses, placed on its line and column in the file, with the edit that fixes the
 * usual causes. Sätteri's own error is a bare `Error` whose message begins `line:column: ` and
 * ends with its rule, e.g. `3:1: Expected a closing tag for \`<Note>\` (3:1) (mdx-jsx:unexpected-character)`.
 */
export class ParseError extends Error {
  readonly line: number;
  readonly column: number;
  /** What is wrong, in our words where we know the cause, as a sentence fragment. */
  readonly reason: string;
  readonly fix: string;
  constructor(line: number, column: number, reason: string, fix: string) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'ParseError';
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.fix = fix;
  }
}

/** What to do with a comment in an article: HTML (`<!--`), refused here, or MDX (braces around a block comment), refused by remark-guard. */
export const COMMENT_FIX =
  'an article holds only the text and its apparatus: delete the comment, and keep a reminder for the editors under `todo:` in the front matter of a draft (a published text has none), or in the commit message.';

/**
 * What to say of a tag opened on `line` that is none of the components: the one it most likely
 * misspells (`<Pasage>`), or that HTML is not written in an article (`<br>`, `<b>`).
 */
function strangerTag(name: string, line: number): { reason: string; fix: string } | undefined {
  // (One spelt in lower case has a message of its own, below: which of the pair is spelt differently.)
  if ([...ALLOWED_COMPONENTS].some((component) => component.toLowerCase() === name.toLowerCase())) return undefined;
  const meant = meantComponent(name);
  if (meant) return { reason: `\`<${name}>\` on line ${line} is not a component of the edition`, fix: `write \`<${meant}>\` there (and \`</${meant}>\` where it ends): did you mean \`<${meant}>\`?` };
  if (/^[a-z]/.test(name)) return { reason: `\`<${name}>\` on line ${line} is HTML, which an article does not hold`, fix: 'take it out: a new paragraph is a blank line, emphasis in a note is `*words*`, and the text itself is kept as received, without markup.' };
  return undefined;
}

/** The reason and fix for one of Sätteri's messages (without its place and rule); `at` moves a line it names. */
function explain(message: string, at: (line: string) => number): { reason: string; fix: string } {
  // A tag that is none of the edition's components, misspelt or HTML: what to write instead of it, not how to close it.
  const opening = /(?:for|tag for) `<(\w+)>` \((\d+):\d+\)/.exec(message);
  const stranger = opening && !ALLOWED_COMPONENTS.has(opening[1]!) ? strangerTag(opening[1]!, at(opening[2]!)) : undefined;
  if (stranger) return stranger;
  let match = /^Expected a closing tag for `<(\w+)>` \((\d+):\d+\)( before the end of `paragraph`)?/.exec(message);
  if (match) {
    const [, name, opened, inParagraph] = match;
    const line = at(opened!);
    return inParagraph
      ? {
          reason: `the <${name}> opened on line ${line} is not closed in its paragraph`,
          fix: `add </${name}> where the marked words end, in the same paragraph: a <${name}> cannot run across a blank line (mark each paragraph's part with a <${name}> of its own).`,
        }
      : {
          reason: `the <${name}> opened on line ${line} is never closed`,
          fix: name === 'Note' ? 'add </Note> on a line of its own after the note’s last <Source />.' : `add </${name}> where the element ends, or end its opening tag with \`/>\` if it has no content.`,
        };
  }
  match = /^Unexpected closing tag `<\/(\w*)>`, expected corresponding closing tag for `<(\w+)>` \((\d+):\d+\)/.exec(message);
  if (match) {
    const [, closing, opening, opened] = match;
    const line = at(opened!);
    // A <Source …> (or another element that holds nothing) left without its `/>`: the fix is on its own line.
    if (opening === 'Source' || opening === 'Term' && closing === 'Passage') {
      return { reason: `\`</${closing}>\` closes the <${opening}> opened on line ${line}, which is not closed`, fix: opening === 'Source' ? `end the <Source …> on line ${line} with \`/>\`: a source holds no text.` : `write \`</${opening}>\` after the term's words, before \`</${closing}>\`.` };
    }
    // The same name in other letters (`<note>` … `</Note>`): the opening tag is the misspelt one.
    if (closing !== undefined && closing.toLowerCase() === opening!.toLowerCase() && closing !== opening) {
      const capital = /^[A-Z]/.test(closing) ? closing : opening!;
      const where = capital === closing ? `the opening tag on line ${line} as \`<${capital}\`` : `this closing tag as \`</${capital}>\``;
      return { reason: `\`</${closing}>\` closes the <${opening}> opened on line ${line}, which is spelt differently`, fix: `did you mean <${capital}>? Write ${where}: components begin with a capital letter.` };
    }
    return { reason: `\`</${closing}>\` closes the <${opening}> opened on line ${line}`, fix: `write \`</${opening}>\` here, or close the elements in the reverse order of their opening.` };
  }
  match = /^Unexpected closing tag `(<\/\w*>)`/.exec(message);
  if (match) return { reason: `a closing tag \`${match[1]}\` with no opening tag before it`, fix: 'remove the closing tag, or add the opening tag it closes.' };
  if (/^Unexpected character/.test(message) && /`<`|attribute/.test(message)) {
    return {
      reason: 'a `<` that starts no valid tag: a bare `<` in the text, or a component whose attributes are not all `name="value"`',
      fix: 'in the text, escape the bracket as `\\<`; in a component, quote every attribute\'s value, e.g. `<Note id="x" kind="context" added="2026-01-31">`.',
    };
  }
  // `<!--`: MDX has no HTML comments, and Sätteri's own advice (`{/* … */}`) is an expression, which
  // an article may not hold either (rule mdx-code).
  if (/^Unexpected character `!`/.test(message) && /comment/.test(message)) {
    return {
      reason: 'an HTML comment (`<!--`), which MDX does not allow',
      fix: COMMENT_FIX,
    };
  }
  if (/^Could not parse expression/.test(message)) return { reason: 'a `{…}` in the text, which MDX reads as a JavaScript expression (and this one is not valid JavaScript)', fix: 'in the text, escape the opening brace as `\\{`: an article holds no expressions.' };
  if (/brace|expression/.test(message)) return { reason: 'a `{` with no closing `}`, which MDX reads as the start of an expression', fix: 'in the text, escape the brace as `\\{`.' };
  return { reason: `the file is not valid MDX (${message.replace(/\.$/, '')})`, fix: 'correct the MDX there: a component\'s tags are closed, its attribute values quoted, and a `<` or `{` in the text escaped as `\\<` or `\\{`.' };
}

/**
 * What the tag the parser refused is, where its text tells more than the parser's message: an
 * address in angle brackets (Markdown's autolink, which MDX reads as a tag), or attribute values
 * in curly quotes, as a word processor types them.
 */
function tagOf(source: string, place: RegExpExecArray): { reason: string; fix: string; column: number } | undefined {
  if (!/^Unexpected character/.test(place[3]!)) return undefined;
  const line = source.split('\n')[Number(place[1]) - 1] ?? '';
  const open = line.lastIndexOf('<', Number(place[2]) - 1);
  if (open < 0) return undefined;
  const tag = line.slice(open);
  const address = /^<((?:https?:|mailto:)[^>\s]*)>/.exec(tag);
  if (address) return { column: open + 1, reason: `an address in angle brackets (\`<${address[1]}>\`), which MDX reads as a tag`, fix: `write it as a link, with words for it: [the page's title](${address[1]}).` };
  if (/^<[A-Z]\w*\s[^>]*=\s*[“”‘’]/.test(tag)) return { column: open + 1, reason: 'an attribute value in curly quotes (“…”), which MDX does not read as quotes', fix: 'type straight quotes around every attribute value, e.g. `<Note id="x" kind="context" added="2026-01-31">` (a word processor may have curled them).' };
  return attributeFault(tag, open, source.split('\n')[Number(place[1])]);
}

/**
 * A component's tag read attribute by attribute, for the two faults an editor makes most: a straight
 * quotation mark inside a value (`change="it said "40 km""`), which ends the value there, and a tag
 * left without its `>` or `/>` before the next tag begins on the next line.
 */
function attributeFault(tag: string, open: number, nextLine: string | undefined): { reason: string; fix: string; column: number } | undefined {
  const name = /^<([A-Z]\w*)/.exec(tag)?.[1];
  if (!name) return undefined;
  let at = name.length + 1;
  for (;;) {
    at += /^\s*/.exec(tag.slice(at))![0].length;
    if (at >= tag.length) {
      // Attributes may go on over several lines; a tag is unended when the next line starts another.
      if (!/^\s*<[A-Za-z/]/.test(nextLine ?? '')) return undefined;
      return {
        column: open + 1,
        reason: `the <${name}> tag is not ended: the next line starts another tag`,
        fix: name === 'Source' ? 'end it with `/>`: a source holds no text.' : `end it with \`>\` (or \`/>\` if it holds nothing).`,
      };
    }
    if (tag[at] === '>' || tag.startsWith('/>', at)) return undefined;
    const attribute = /^([A-Za-z_][\w-]*)=("[^"]*"|'[^']*')/.exec(tag.slice(at));
    if (!attribute) return undefined;
    at += attribute[0].length;
    const after = tag[at];
    // An attribute run on without a space (`id="x"kind="y"`) the parser reads as two: go on.
    if (after !== undefined && !/[\s/>]/.test(after) && !/^[A-Za-z_][\w-]*=["']/.test(tag.slice(at))) {
      return {
        column: open + at,
        reason: `the value of \`${attribute[1]}\` ends at a straight quotation mark inside it, before “${tag.slice(at, at + 16).trimEnd()}…”`,
        fix: 'write the quotation marks inside a value as typographic ones, “…” or ‘…’: a straight one ends the value.',
      };
    }
  }
}

/**
 * The column of a parser's message: for an expression the parser could not read, the parser
 * places it inside the braces (at the word it stumbled on); the editor's fix is at the `{` that
 * opened it, the last one before that place on its line.
 */
function braceColumn(source: string, place: RegExpExecArray): number {
  const column = Number(place[2]);
  if (!/^Could not parse expression/.test(place[3]!)) return column;
  const line = source.split('\n')[Number(place[1]) - 1] ?? '';
  const brace = line.lastIndexOf('{', column - 1);
  return brace >= 0 ? brace + 1 : column;
}

function parsed(parse: (source: string) => unknown, source: string, firstLine: number): Parsed {
  const at = (line: string) => Number(line) + firstLine - 1;
  try {
    return split(parse(source) as Root);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(message.split('\n')[0]!);
    // A message without a place is still the parser's refusal of the file: placed at its start.
    if (!place) throw new ParseError(firstLine, 1, `the file is not valid MDX (${message.split('\n')[0]!.replace(/\.$/, '')})`, 'correct the MDX: a component\'s tags are closed, its attribute values quoted, and a `<` or `{` in the text escaped as `\\<` or `\\{`.');
    const tag = tagOf(source, place);
    const { reason, fix } = tag ?? explain(place[3]!, at);
    throw new ParseError(at(place[1]!), tag?.column ?? braceColumn(source, place), reason, fix);
  }
}

/**
 * An article: MDX with GFM and YAML front matter. Throws a {@link ParseError} for MDX the parser
 * refuses, placed on the file's lines: give `firstLine` when `source` is part of a file that starts
 * at that line (the tree's positions are the part's own).
 */
export function parseMdx(source: string, firstLine = 1): Parsed {
  return parsed(mdxToMdast, source, firstLine);
}

/** A glossary entry: Markdown with YAML front matter. */
export function parseMarkdown(source: string): Parsed {
  return parsed(markdownToMdast, source, 1);
}

/** A {@link ParseError} as a content problem of `file`. */
export function parseProblem(error: ParseError, file: string): Problem {
  return { file, line: error.line, column: error.column, ruleId: 'mdx-syntax', reason: error.reason, fix: error.fix };
}
