/**
 * Readers of the three citation formats, strict enough to fail on a malformed file: a small BibTeX
 * parser (entries, keys, braced or bare field values, balanced braces), a RIS reader (records from
 * `TY  - ` to `ER  - `, every line `XX  - value`), and the CSL-JSON input schema
 * (citation-style-language/schema, schemas/input/csl-data.json) restated in Zod for the fields
 * the edition writes, with its `additionalProperties: false`.
 */
import { z } from 'astro/zod';
import type { CitableText } from '../../src/lib/citation.ts';

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/** Parses a BibTeX file; throws with the offset on anything it cannot read. */
export function parseBibtex(source: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`BibTeX: ${what} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const braced = (): string => {
    if (source[at] !== '{') fail('expected {');
    let depth = 0;
    const start = at;
    for (; at < source.length; at++) {
      const char = source[at];
      if (char === '\\') {
        at++;
        continue;
      }
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        at++;
        return source.slice(start + 1, at - 1);
      }
    }
    return fail('unbalanced braces');
  };
  while (true) {
    skipSpace();
    if (at >= source.length) break;
    if (source[at] !== '@') fail('expected @');
    at++;
    const type = /^[A-Za-z]+/.exec(source.slice(at))?.[0] ?? fail('expected an entry type');
    at += type.length;
    if (source[at] !== '{') fail('expected { after the type');
    at++;
    const key = /^[^,\s{}]+/.exec(source.slice(at))?.[0] ?? fail('expected a key');
    at += key.length;
    const fields: Record<string, string> = {};
    while (true) {
      skipSpace();
      if (source[at] === '}') {
        at++;
        break;
      }
      if (source[at] !== ',') fail('expected , or }');
      at++;
      skipSpace();
      if (source[at] === '}') {
        at++;
        break;
      }
      const name = /^[A-Za-z][\w-]*/.exec(source.slice(at))?.[0] ?? fail('expected a field name');
      at += name.length;
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      let value: string;
      if (source[at] === '{') value = braced();
      else value = /^[A-Za-z0-9]+/.exec(source.slice(at))?.[0] ?? fail('expected a value');
      if (source[at - 1] !== '}') at += value.length;
      if (name.toLowerCase() in fields) fail(`field ${name} twice`);
      fields[name.toLowerCase()] = value;
    }
    entries.push({ type: type.toLowerCase(), key, fields });
  }
  return entries;
}

export interface RisRecord {
  tags: [string, string][];
}

/** Parses a RIS file; throws on a line that is not `XX  - value` or a record not closed by ER. */
export function parseRis(source: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  source.split(/\r\n/).forEach((line, index) => {
    if (line === '') return;
    const match = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!match) throw new Error(`RIS line ${index + 1} is not “XX  - value”: ${JSON.stringify(line)}`);
    const [, tag, value] = match as unknown as [string, string, string];
    if (tag === 'TY') {
      if (current) throw new Error(`RIS line ${index + 1}: TY before the previous record's ER`);
      current = { tags: [] };
    } else if (!current) throw new Error(`RIS line ${index + 1}: ${tag} outside a record`);
    current.tags.push([tag, value]);
    if (tag === 'ER') {
      records.push(current);
      current = undefined;
    }
  });
  if (current) throw new Error('RIS: the last record has no ER');
  return records;
}

const name = z.strictObject({ family: z.string(), given: z.string() }).or(z.strictObject({ literal: z.string() }));
const datePart = z.tuple([z.number().int(), z.number().int().min(1).max(12), z.number().int().min(1).max(31)]);
const date = z.strictObject({ 'date-parts': z.array(datePart).min(1).max(2) });

/** One CSL-JSON item as the edition writes it, under the CSL input schema's rules. */
export const cslItemSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('webpage'),
  title: z.string().min(1),
  author: z.array(name).min(1).optional(),
  editor: z.array(name).min(1),
  'container-title': z.string().min(1),
  publisher: z.string().min(1),
  issued: date,
  accessed: date,
  'original-title': z.string().optional(),
  'original-publisher': z.string().optional(),
  'original-date': date.optional(),
  URL: z.url(),
  language: z.string(),
  note: z.string().optional(),
});

export const cslFileSchema = z.array(cslItemSchema).min(1);

export type CslItem = z.infer<typeof cslItemSchema>;

const iso = (parts: readonly number[]) => parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');

/**
 * The text or passage a CSL-JSON record describes, read back from the record alone: the oracle
 * that the page's forms of a passage are checked against.
 */
export function citableFromCsl(item: CslItem): CitableText {
  const people = (item.author ?? []).filter((name): name is { family: string; given: string } => 'family' in name);
  return {
    kind: /:[^:]+:[^:]+$/.test(item.id) ? 'passage' : 'text',
    key: item.id,
    original: {
      authors: people.map((name) => `${name.given} ${name.family}`),
      outlets: item['original-publisher']?.split('; ') ?? [],
      title: item['original-title'] ?? item.title,
      dates: (item['original-date']?.['date-parts'] ?? []).map(iso),
    },
    date: iso(item.issued['date-parts'][0]!),
    url: item.URL,
  };
}
