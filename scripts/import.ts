#!/usr/bin/env node
/**
 * npm run import -- <file.txt> [options]
 *
 * Turns a plain-text source into an MDX draft under content/articles/, keeping a verbatim copy of the
 * source under content/sources/. A thin CLI over `importText` (src/lib/importer/), which does the work.
 */
import { copyFile, readFile, writeFile, access } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importText, mergeRuleSets, parseRules, type RuleSet } from '../src/lib/importer/index.ts';

const root = resolve(import.meta.dirname, '..');
const usage = `Usage: npm run import -- <file.txt> [options]

Options:
  --slug <slug>        the article's slug (default: made from the title)
  --wrap <mode>        auto | lines | wrapped: how line breaks are read (default: auto)
  --no-pieces          do not look for the pieces of a compilation
  --strip-controls     drop control and bidi characters (each is recorded) instead of stopping
  --stdout             print the MDX instead of writing files
  --force              overwrite an existing article draft or source copy
  -h, --help           show this help`;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function loadRules(stem: string): Promise<RuleSet> {
  const dir = join(root, 'content/import-rules');
  const sets: RuleSet[] = [];
  for (const [name, own] of [['shared.yaml', false], [`${stem}.yaml`, true]] as const) {
    const path = join(dir, name);
    if (!(await exists(path))) continue;
    sets.push(parseRules(await readFile(path, 'utf8'), relative(root, path), own));
  }
  return mergeRuleSets(...sets);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      wrap: { type: 'string', default: 'auto' },
      'no-pieces': { type: 'boolean', default: false },
      'strip-controls': { type: 'boolean', default: false },
      stdout: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) {
    console.error(`${input ? 'Give one file at a time.' : 'Which file? Give the path of a .txt source.'}\n\n${usage}`);
    return 2;
  }
  const wrap = values.wrap;
  if (wrap !== 'auto' && wrap !== 'lines' && wrap !== 'wrapped') {
    console.error(`--wrap must be auto, lines or wrapped, not "${wrap}".`);
    return 2;
  }
  const source = resolve(process.cwd(), input);
  if (!(await exists(source))) {
    console.error(`${input}: no such file.\n  Fix: give the path of the plain-text source, e.g. ../shared/sources/004_46ac758a32718590.txt`);
    return 1;
  }
  const name = basename(source);
  if (!name.endsWith('.txt')) {
    console.error(`${input}: the importer reads plain-text sources ending in .txt.\n  Fix: save the text as UTF-8 plain text with a .txt name.`);
    return 1;
  }
  const buffer = await readFile(source);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\uFFFD') && !buffer.includes(Buffer.from('\uFFFD'))) {
    console.error(`${input}: the file is not valid UTF-8.\n  Fix: convert it, e.g. iconv -f windows-1252 -t utf-8 ${input} > fixed.txt`);
    return 1;
  }

  const stem = name.slice(0, -'.txt'.length);
  const result = importText(text, {
    sourceFile: name,
    rules: await loadRules(stem),
    wrap,
    pieces: !values['no-pieces'],
    controls: values['strip-controls'] ? 'strip' : 'error',
    ...(values.slug ? { slug: values.slug } : {}),
  });
  if (values.stdout) {
    process.stdout.write(result.mdx);
    return 0;
  }

  const copy = join(root, 'content/sources', name);
  if (resolve(copy) !== source && (await exists(copy))) {
    const existing = await readFile(copy);
    if (!existing.equals(buffer) && !values.force) {
      console.error(`content/sources/${name} already exists with other content.\n  Fix: rename the new file, or pass --force to replace the kept copy.`);
      return 1;
    }
  }
  const target = join(root, 'content/articles', `${result.slug}.mdx`);
  if ((await exists(target)) && !values.force) {
    console.error(`content/articles/${result.slug}.mdx already exists; it may hold finished editing.\n  Fix: pass --slug <another-slug>, or --force to overwrite it.`);
    return 1;
  }
  if (resolve(copy) !== source) await copyFile(source, copy);
  await writeFile(target, result.mdx);
  console.log(`Imported ${name} → ${relative(root, target)}`);
  for (const line of result.report) console.log(`  ${line}`);
  console.log(`
Next: finish the draft by hand (the todo list in its front matter), then
  npm run dev       read it at http://localhost:4321/articles/${result.slug}/ (drafts show in dev only)
  npm run check     check types and content
and publish by deleting "draft: true" and the empty todo list, then commit.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      console.error(error.message);
      process.exit(1);
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
      console.error(`${(error as Error).message}\n\n${usage}`);
      process.exit(2);
    }
    throw error;
  },
);
