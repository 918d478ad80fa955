/**
 * Front matter, read once and checked against its collection's Zod schema, with every problem placed
 * on its line: `content/glossary/x.md:2:1: \`short\` is missing` rather than Zod's bare path.
 */
import { isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { didYouMean } from '../lib/suggest.ts';
import { quoteFix, yamlMessage } from '../lib/yaml-message.ts';

/** The result of reading front matter: the raw object (as YAML gives it) and, if valid, the parsed data. */
export interface FrontmatterResult<T> {
  raw: Record<string, unknown>;
  data?: T;
  problems: Problem[];
}

/**
 * Line and column in the file of the YAML node at `path`, or of the nearest ancestor that exists;
 * with `key`, of that key of the map at `path` (an unknown field is placed on its own name).
 */
function placeOfPath(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[], firstLine: number, key?: string) {
  let node: unknown = doc.contents;
  let found = node as YamlNode | undefined;
  for (const step of path) {
    if (isMap(node)) node = node.get(step as string, true);
    else if (isSeq(node)) node = node.get(step as number, true);
    else break;
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) found = node as YamlNode;
    else break;
  }
  if (key !== undefined && found === node && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isScalar(pair.key)) found = pair.key;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return { line: firstLine, column: 1 };
  const { line, col } = counter.linePos(offset);
  return { line: firstLine + line - 1, column: col };
}

/** A Zod schema's definition, as far as {@link fieldsAt} reads it. */
type Def = { type?: string; shape?: Record<string, { _zod?: { def?: Def } }>; element?: { _zod?: { def?: Def } }; innerType?: { _zod?: { def?: Def } }; in?: { _zod?: { def?: Def } }; out?: { _zod?: { def?: Def } }; options?: { _zod?: { def?: Def } }[] };

/** The definition under wrappers that do not change a value's fields (optional, default, a refine's or preprocess's pipe). */
function unwrap(def: Def | undefined): Def | undefined {
  let current = def;
  for (let depth = 0; current && depth < 16; depth++) {
    if (current.innerType) current = current.innerType._zod?.def;
    else if (current.type === 'pipe') current = current.in?._zod?.def?.type === 'transform' ? current.out?._zod?.def : current.in?._zod?.def;
    else return current;
  }
  return current;
}

/**
 * The fields of the object the schema expects at `path` (the front matter's own at `[]`): what an
 * unknown field there is compared with, so that `verifed` under a glossary source is told
 * `verified`, not the nearest field of the entry.
 */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = unwrap((schema as unknown as { _zod?: { def?: Def } })._zod?.def);
  for (const step of path) {
    if (def?.type === 'object') def = unwrap(def.shape?.[String(step)]?._zod?.def);
    else if (def?.type === 'array') def = unwrap(def.element?._zod?.def);
    else return [];
  }
  if (def?.type === 'union') return [...new Set((def.options ?? []).flatMap((option) => Object.keys(unwrap(option._zod?.def)?.shape ?? {})))];
  return Object.keys(def?.shape ?? {});
}

/**
 * The quotation the parser found unclosed, by the parser's own reading of the text (its concrete
 * syntax tree): the last quoted scalar before `end` that does not end with its mark. A value quoted
 * over several lines, or a line of a `|` block that starts with a quote, is not taken for it.
 *
 * @example unclosedQuote('a: 1\nform: "News\nb: 2\n', 17) // { line: 2, col: 7, mark: '`"`' }
 */
export function unclosedQuote(yaml: string, end: number): { line: number; col: number; mark: string } | undefined {
  let found: { offset: number; mark: string } | undefined;
  const visit = (token: unknown): void => {
    if (!token || typeof token !== 'object') return;
    const { type, offset, source } = token as { type?: string; offset?: number; source?: string };
    if ((type === 'double-quoted-scalar' || type === 'single-quoted-scalar') && typeof offset === 'number' && typeof source === 'string' && offset <= end) {
      const mark = source[0]!;
      const closed = source.length > 1 && source.endsWith(mark) && (mark === "'" || !/(^|[^\\])(\\\\)*\\"$/.test(source));
      if (!closed && (!found || offset > found.offset)) found = { offset, mark };
    }
    for (const value of Object.values(token)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  for (const token of new Parser().parse(yaml)) visit(token);
  if (!found) return undefined;
  const before = yaml.slice(0, found.offset).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1, mark: `\`${found.mark}\`` };
}

/**
 * The index of the line where `key` is first written in the map that holds line `at` (at `indent`
 * spaces), looking back only as far as that map goes: in a list of entries (a claims or timeline
 * file) the entry's own first line, not the same field of an entry above it; -1 if none.
 */
function firstWriting(lines: readonly string[], at: number, indent: number, key: string): number {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = new RegExp(`^(?: {${indent}}| {${Math.max(0, indent - 2)}}- )["']?${name}["']?\\s*:`);
  for (let index = at - 1; index >= 0; index--) {
    const text = lines[index]!;
    if (/^\s*(?:#|$)/.test(text)) continue;
    if (field.test(text)) return index;
    // A line further left, or the `- ` that opens this entry, ends the map.
    const own = /^ */.exec(text)![0].length;
    if (own < indent) return -1;
  }
  return -1;
}

/**
 * Parses and validates front matter.
 *
 * @param yaml the text between the fences
 * @param firstLine the file line where that text starts
 */
export function readFrontmatter<S extends z.ZodType>(yaml: string, firstLine: number, schema: S, file: string): FrontmatterResult<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter });
  if (doc.errors.length > 0) {
    // The first error only: the parser's later ones follow from it (an unclosed `[` made one for
    // each of the 2,000 lines after it).
    const error = doc.errors[0]!;
    // An unclosed quotation is reported where the parser gave up, often the end of the front
    // matter: it is placed on the line whose value opens it.
    const opened = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? unclosedQuote(yaml, error.pos[0]) : undefined;
    // The same reader reads YAML files of their own (content/timeline/, content/claims/), which have no `---` lines.
    const whole = /\.ya?ml$/.test(file);
    // A tab where YAML wants spaces (an editor's Tab key): the parser says only "Unexpected scalar"
    // or "Tabs are not allowed", often lines later; the first line indented with one is named.
    // (Only when the tab is the error: spaces in its place make the parser's first error go; a tab
    // in a block of text, where it is allowed, leaves the real error to be told.)
    const yamlLines = yaml.split('\n');
    const tabbed = yamlLines.findIndex((text) => /^ *\t/.test(text));
    const untabbedLines = new LineCounter();
    const untabbed = tabbed < 0 ? undefined : parseDocument(yamlLines.map((text, index) => (index === tabbed ? text.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  ')) : text)).join('\n'), { lineCounter: untabbedLines }).errors[0];
    const sameError = untabbed !== undefined && untabbed.code === error.code && untabbedLines.linePos(untabbed.pos[0]).line === counter.linePos(error.pos[0]).line;
    if (tabbed >= 0 && tabbed <= counter.linePos(error.pos[0]).line - 1 && !sameError) {
      const column = yamlLines[tabbed]!.indexOf('\t') + 1;
      return {
        raw: {},
        problems: [{ file, line: firstLine + tabbed, column, ruleId: 'frontmatter-yaml', reason: `${whole ? 'the file' : 'the front matter'} is not valid YAML: this line is indented with a tab, and YAML indents with spaces only`, fix: `replace the tab at the start of the line with spaces, as many as the lines of the same level have (your editor may insert a tab for the Tab key: set it to insert spaces in YAML${whole ? '' : ' and MDX'} files).` }],
      };
    }
    const { line, col } = opened ?? counter.linePos(error.pos[0]);
    const rules = 'each field is `name: value`, lists are lines starting with `- `, a `[` or `{` is closed on its line, and a value holding `: ` or starting with a quote is quoted.';
    const twice = error.code === 'DUPLICATE_KEY' ? /^\s*(?:- )?("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(yaml.slice(error.pos[0]))?.[1]?.replace(/^["']|["']$/g, '') : undefined;
    // A field written twice: named, with the line of its first writing, and the one fix there is.
    const lines = yaml.split('\n');
    const indent = /^\s*/.exec(lines[line - 1] ?? '')![0].length;
    const firstAt = twice === undefined ? -1 : firstWriting(lines, line - 1, indent, twice);
    return {
      raw: {},
      problems: [
        {
          file,
          line: firstLine + line - 1,
          column: col,
          ruleId: 'frontmatter-yaml',
          reason:
            twice !== undefined
              ? `\`${twice}\` is written twice${firstAt >= 0 ? ` (first at line ${firstLine + firstAt})` : ''}, and a field has one value`
              : `${whole ? 'the file' : 'the front matter'} is not valid YAML (${opened ? `the value opened with ${opened.mark} here is never closed` : yamlMessage(error.message)})${doc.errors.length > 1 ? `; the parser's ${doc.errors.length - 1} later errors may follow from this one` : ''}`,
          fix:
            twice !== undefined
              ? `keep the \`${twice}:\` you mean and delete the other; a list of several values is written under one \`${twice}:\`, one \`- \` line each.`
              : whole
                ? `correct the YAML there, or on the line before it: ${rules}`
                : `correct the YAML between the \`---\` lines: ${rules}`,
        },
      ],
    };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(raw);
  if (result.success) return { raw, data: result.data, problems: [] };
  /** One problem of the whole file, on its first line, in place of one per field. */
  const wholeFile = (ruleId: string, reason: string, fix: string) => ({ raw, problems: [{ file, line: 1, column: 1, ruleId, reason, fix }] });
  // A data file with nothing in it (emptied by mistake, or saved before it was written): one error
  // that says so, not the schema's “expected array, received object”.
  if (/\.ya?ml$/.test(file) && doc.contents === null) {
    return wholeFile('data-file-empty', 'the file is empty: it has no entries', `if it was emptied by mistake, \`git diff -- ${file}\` shows what it held and \`git restore -- ${file}\` puts it back; a file with no entries yet holds \`[]\`.`);
  }
  // No front matter at all (a file of words only): one error that says so, not one per field.
  const required = [...new Set(result.error.issues.filter((issue) => issue.path.length === 1).map((issue) => String(issue.path[0])))];
  if (Object.keys(raw).length === 0 && !/\.ya?ml$/.test(file) && required.length > 0) {
    return wholeFile('frontmatter-missing', 'the file has no front matter', `begin the file with a line \`---\`, then ${required.map((field) => `\`${field}: …\``).join(', ')} (one field a line), then a line \`---\`, as the other files of its folder do.`);
  }
  const problems = result.error.issues.map((issue): Problem => {
    const where = placeOfPath(doc, counter, issue.path, firstLine);
    const field = fieldName(raw, issue.path) || '(front matter)';
    // A field not given: Zod says "invalid type" (or, for a choice of values, "invalid value").
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && getIn(raw, issue.path) === undefined;
    const unknownKeys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    if (unknownKeys.length > 0) {
      const inside = issue.path.length > 0 ? ` in \`${field}\`` : '';
      return { file, ...placeOfPath(doc, counter, issue.path, firstLine, unknownKeys[0]), ruleId: 'frontmatter-field', reason: `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `\`${k}\``).join(', ')}${inside}`, fix: `remove ${unknownKeys.length > 1 ? 'them' : 'it'} or correct the name.${didYouMean(unknownKeys[0]!, fieldsAt(schema, issue.path))}` };
    }
    if (missing) {
      // A data file (claims, timeline) has entries, not front matter.
      const into = /\.ya?ml$/.test(file) ? (issue.path.length > 1 ? 'to this entry' : 'to the file') : 'to the front matter';
      return { file, ...where, ruleId: 'frontmatter-missing', reason: `\`${field}\` is missing`, fix: `add \`${issue.path.at(-1)?.toString()}: …\` ${into} (${issue.message.replace(/^Invalid (?:input|option): /, '')}).` };
    }
    const values = (issue as { values?: unknown[] }).values;
    if (issue.code === 'invalid_value' && Array.isArray(values)) {
      const given = String(getIn(raw, issue.path) ?? '');
      return { file, ...where, ruleId: 'frontmatter-invalid', reason: `\`${field}\` is \`${given}\`, which is not one of its values`, fix: `use one of ${values.map((value) => `\`${String(value)}\``).join(', ')}.${didYouMean(given, values.map(String))}` };
    }
    // A number or a yes/no where words go (`title: 2022`): YAML read it as one; quotes make it text.
    const given = getIn(raw, issue.path);
    const unquoted = issue.code === 'invalid_type' && (issue as { expected?: string }).expected === 'string' && (typeof given === 'number' || typeof given === 'boolean');
    if (unquoted) {
      const node = doc.getIn(issue.path as (string | number)[], true);
      const written = isScalar(node) && typeof node.source === 'string' ? node.source : String(given);
      return { file, ...where, ruleId: 'frontmatter-invalid', reason: `\`${field}\` is read as the ${typeof given === 'number' ? 'number' : 'yes-or-no value'} ${written}, where text goes`, fix: quoteFix(String(issue.path.at(-1)), written) };
    }
    // A schema's own message may give its fix after "; Fix: ", and name the entry of a list where an
    // id was first used by its place in the list (item 0 is the first): told as the line it starts on.
    const [said, ownFix] = issue.message.replace(/^Invalid input: /, '').split('; Fix: ');
    const message = said!.replace(/\(first used at item (\d+)\)/, (whole, item: string) => {
      const entry = doc.getIn([Number(item)], true) as YamlNode | undefined;
      return entry?.range ? `(first used on line ${counter.linePos(entry.range[0]).line + firstLine - 1})` : whole;
    });
    return { file, ...where, ruleId: 'frontmatter-invalid', reason: `\`${field}\`: ${message}`, fix: ownFix ? `${ownFix.replace(/\.?$/, '.')}` : `correct \`${field}\` as the message says (the fields are described in src/schemas/).` };
  });
  return { raw, problems };
}

/**
 * A field's name for the editor: `copy.url` in front matter; in a file that is a list of entries
 * with ids (content/timeline/, content/claims/), the entry named by its id rather than by its place
 * counted from 0.
 *
 * @example fieldName([{ id: 'a' }, { id: 'crimea-annexed' }], [1, 'date']) // 'crimea-annexed › date'
 */
function fieldName(raw: unknown, path: readonly PropertyKey[]): string {
  const id = typeof path[0] === 'number' ? (getIn(raw, [path[0]]) as { id?: unknown } | undefined)?.id : undefined;
  if (typeof id !== 'string' || id === '') return path.map(String).join('.');
  return [id, path.slice(1).map(String).join('.')].filter(Boolean).join(' › ');
}

function getIn(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
