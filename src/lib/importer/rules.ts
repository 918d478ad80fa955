import { z } from 'astro/zod';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { ImportError } from './errors.ts';
import { isKebabId } from '../ids.ts';
import { didYouMean } from '../suggest.ts';

/** The kinds of outlet the edition distinguishes. */
export const OUTLET_KINDS = ['news-agency', 'news-site', 'blog', 'advocacy-group', 'forum'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

const kebab = z.string().refine(isKebabId, { message: 'use lowercase letters, digits and hyphens' });

/**
 * One furniture rule: which lines of a source text are site furniture, and why. Exactly one of
 * `lines`, `pattern` or `from` says which lines.
 */
export const furnitureRuleSchema = z
  .object({
    /** Kebab-case id, recorded with every removal the rule makes. */
    id: kebab,
    /** Why these lines are not article text; shown to readers on the article page. */
    reason: z
      .string()
      .min(10, 'say in a sentence why these lines are not article text')
      // The importer's suggested rule holds a placeholder in angle brackets, which readers would see.
      .refine((reason) => !/^<.*>$/s.test(reason.trim()), 'replace the placeholder in angle brackets with a sentence for readers: why these lines are not article text'),
    /** Exact lines (compared after trimming surrounding white space). */
    lines: z.array(z.string().min(1)).min(1).optional(),
    /** A regular expression that a whole line (trimmed) must match. */
    pattern: z.string().min(1).optional(),
    /** A regular expression for the first line of a block of lines to remove. */
    from: z.string().min(1).optional(),
    /** With `from`: a regular expression for the block's last line, or `end` for the end of the text. */
    to: z.string().min(1).optional(),
    /** What takes the removed lines' place: nothing, or a break between posts. Default `nothing`. */
    replaceWith: z.enum(['nothing', 'break']).default('nothing'),
    /**
     * The least number of matches expected. Default: 1 in a source's own rules file (a rule that
     * no longer matches is stale), 0 in the shared file.
     */
    expect: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const ways = [rule.lines, rule.pattern, rule.from].filter((way) => way !== undefined).length;
    if (ways !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of `lines`, `pattern` or `from`',
      });
    }
    if (rule.to !== undefined && rule.from === undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` only goes with `from`' });
    }
    if (rule.from !== undefined && rule.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '`from` needs `to` (a pattern, or `end`)' });
    }
  });

const RULE_KEYS = ['id', 'reason', 'lines', 'pattern', 'from', 'to', 'replaceWith', 'expect', 'outlets', 'rules', 'name', 'kind', 'aliases'];

/** An outlet the importer may recognise in a headline suffix or a byline. */
export const knownOutletSchema = z
  .object({
    /** The outlet's name as it appears in texts. */
    name: z.string().min(1),
    /** Kind of outlet. */
    kind: z.enum(OUTLET_KINDS),
    /** Other ways texts name it. */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** A rules file: `content/import-rules/shared.yaml`, or `<source stem>.yaml` for one source. */
export const rulesFileSchema = z
  .object({
    /** Outlets to recognise. */
    outlets: z.array(knownOutletSchema).default([]),
    /** Furniture rules. */
    rules: z.array(furnitureRuleSchema).default([]),
  })
  .strict();

export type FurnitureRuleInput = z.input<typeof furnitureRuleSchema>;
export type FurnitureRule = z.output<typeof furnitureRuleSchema>;
export type KnownOutlet = z.output<typeof knownOutletSchema>;

/** A rule ready to apply: its patterns compiled, and where it was written. */
export interface CompiledRule {
  rule: FurnitureRule;
  /** The rules file it comes from, for messages. */
  file: string;
  /** 1-based line of the rule in that file. */
  line: number;
  /** Least number of matches expected. */
  expect: number;
  match: (line: string) => boolean;
  until: ((line: string) => boolean) | 'end' | undefined;
}

/** A parsed rules file. */
export interface RuleSet {
  outlets: KnownOutlet[];
  rules: CompiledRule[];
}

function lineOfPath(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: PropertyKey[]) {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      node = node.get(key as string, true);
    } else if (isSeq(node)) {
      node = node.get(key as number, true);
    } else break;
    if (node && typeof node === 'object' && 'range' in node) found = node as YamlNode;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

function compilePattern(source: string, file: string, line: number | undefined, field: string) {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    throw new ImportError(`\`${field}\` is not a valid regular expression: ${(error as Error).message}`, {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'write a JavaScript regular expression; escape ( ) [ ] . * + ? with a backslash to match them literally.',
    });
  }
}

/**
 * Parses and checks a rules file (YAML). `ownSource` says whether it is one source's own file, whose
 * rules are expected to match at least once.
 *
 * @throws {ImportError} naming the file and line of the first problem.
 */
export function parseRules(yamlText: string, file: string, ownSource: boolean): RuleSet {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw new ImportError(`not valid YAML: ${yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '')}`, {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
      hint: 'check the indentation and quoting at that line; quote patterns that contain `:` or `#`.',
    });
  }
  const parsed = rulesFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
    const line = lineOfPath(doc, counter, path);
    const known = unknownKey === undefined ? '' : didYouMean(unknownKey, RULE_KEYS);
    throw new ImportError(`${issue.path.join('.') || 'file'}: ${issue.message}.${known}`, {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'see the rule format at the top of content/import-rules/shared.yaml.',
    });
  }
  const rules = parsed.data.rules.map((rule, index): CompiledRule => {
    const line = lineOfPath(doc, counter, ['rules', index]) ?? 1;
    const trimmedLines = rule.lines?.map((text) => text.trim());
    let match: (text: string) => boolean;
    if (trimmedLines) {
      const wanted = new Set(trimmedLines);
      match = (text) => wanted.has(text.trim());
    } else {
      const regex = compilePattern((rule.pattern ?? rule.from)!, file, line, rule.pattern ? 'pattern' : 'from');
      match = (text) => regex.test(text.trim());
    }
    let until: CompiledRule['until'];
    if (rule.to === 'end') until = 'end';
    else if (rule.to !== undefined) {
      const regex = compilePattern(rule.to, file, line, 'to');
      until = (text) => regex.test(text.trim());
    }
    return { rule, file, line, expect: rule.expect ?? (ownSource ? 1 : 0), match, until };
  });
  const ids = new Map<string, number>();
  for (const compiled of rules) {
    const earlier = ids.get(compiled.rule.id);
    if (earlier !== undefined) {
      throw new ImportError(`rule id \`${compiled.rule.id}\` is used twice (first at line ${earlier})`, {
        file,
        line: compiled.line,
        hint: 'give each rule its own id; removals are recorded under it.',
      });
    }
    ids.set(compiled.rule.id, compiled.line);
  }
  return { outlets: parsed.data.outlets, rules };
}

/** Merges rule sets (shared first, then the source's own); a rule id may appear only once. */
export function mergeRuleSets(...sets: RuleSet[]): RuleSet {
  const seen = new Map<string, CompiledRule>();
  for (const compiled of sets.flatMap((set) => set.rules)) {
    const earlier = seen.get(compiled.rule.id);
    if (earlier) {
      throw new ImportError(
        `rule id \`${compiled.rule.id}\` is also defined in ${earlier.file}:${earlier.line}`,
        { file: compiled.file, line: compiled.line, hint: 'rename one of the two rules.' },
      );
    }
    seen.set(compiled.rule.id, compiled);
  }
  return {
    outlets: sets.flatMap((set) => set.outlets),
    rules: [...seen.values()],
  };
}
