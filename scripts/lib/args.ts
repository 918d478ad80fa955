/**
 * What a command says when its options are mistyped: Node's `parseArgs` names the option
 * (`Unknown option '--frce'`) and then explains positional arguments, which is not the editor's
 * problem; this keeps the first part and adds the option meant, as a `Fix:` line.
 */
import { parseArgs } from 'node:util';
import { nearest } from '../../src/lib/suggest.ts';

/**
 * The message for an error `parseArgs` threw, and the usage; for an unknown option near a known
 * one, a fix that names it.
 *
 * @example argsProblem(new Error("Unknown option '--frce'. To specify …"), ['force', 'slug'], 'npm run import -- <file.txt>')
 * // "Unknown option '--frce'.\n  Fix: did you mean --force? Usage: npm run import -- <file.txt>"
 */
export function argsProblem(error: unknown, options: readonly string[], usage: string): string {
  const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.?$/, '.');
  const unknown = /^Unknown option '(-{1,2})([^']+)'/.exec(message);
  const meant = unknown ? nearest(unknown[2]!, options) : undefined;
  return meant ? `${message}\n  Fix: did you mean --${meant}? Usage: ${usage}` : `${message}\n  Usage: ${usage}`;
}

/**
 * The command line of a command that takes no options and no arguments but --help: it prints
 * `about` and the usage for --help and exits, and refuses anything else (a file, an option) with
 * what it is and the usage, rather than run as if it had been given nothing.
 */
export function noOptions(command: string, usage: string, about: string): void {
  try {
    const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true });
    if (!values.help) return;
    console.log(`${about}\n\n  Usage: ${usage}`);
    process.exit(0);
  } catch (error) {
    console.error(`${command}: ${argsProblem(error, ['help'], usage)}`);
    process.exit(1);
  }
}

/** The options of a command as `parseArgs` is given them. */
export type Options = Readonly<Record<string, { type: 'string' | 'boolean' }>>;

/** An option npm took; `value`, for one that takes a value, when npm kept it (`--slug=x`), not when it passed it on as an argument (`--slug x`). */
export interface Taken {
  name: string;
  value?: string;
}

/**
 * The options npm took as its own because `--` was left out: `npm run import file.txt --stdout`
 * runs the importer with no `--stdout` (npm keeps it as `npm_config_stdout`), which then writes
 * the article it was asked only to print. npm sets `npm_lifecycle_event` for a script it runs, and
 * for each option it took an `npm_config_` variable: "true" for `--x` (the word after it, if any,
 * passed on as an argument), the value for `--x=value`, and "" for `--no-x`.
 *
 * @example swallowedByNpm({ stdout: { type: 'boolean' }, slug: { type: 'string' } }, { npm_lifecycle_event: 'import', npm_config_stdout: 'true', npm_config_slug: 'minsk' }, ['x.txt'])
 * // [{ name: 'stdout' }, { name: 'slug', value: 'minsk' }]
 */
export function swallowedByNpm(options: Options, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): Taken[] {
  if (!env['npm_lifecycle_event']) return [];
  return Object.entries(options).flatMap(([name, { type }]): Taken[] => {
    // Given after `--`, it reached the command.
    if (argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))) return [];
    const negated = type === 'boolean' && name.startsWith('no-');
    const set = env[`npm_config_${(negated ? name.slice(3) : name).replaceAll('-', '_')}`];
    if (negated) return set === '' || set === 'false' ? [{ name }] : [];
    if (type === 'boolean') {
      if (set === 'true') return [{ name }];
      // npm reads `--replace` as the start of its own `--replace-registry-host`, taking the next argument as its value.
      const host = env['npm_config_replace_registry_host'];
      return name === 'replace' && host !== undefined && (host === 'true' || host.startsWith('-') || /\.txt$/i.test(host)) ? [{ name }] : [];
    }
    if (set === undefined) return [];
    return [set === 'true' ? { name } : { name, value: set }];
  });
}

/** An argument as the shell reads it back: quoted unless it is plain. */
function shellWord(arg: string): string {
  return /^[\w./:@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

/**
 * What a command says, before it reads its arguments, when npm took some of its options: the
 * command as it should be written, or undefined when nothing was taken. `positionals` is how many
 * arguments the command takes: those past them are words npm passed on from the options it took
 * (`--slug minsk` leaves "minsk"), given back to their option when there is one such option.
 *
 * @example npmTook('import', { slug: { type: 'string' } }, 1, { npm_lifecycle_event: 'import', npm_config_slug: 'true' }, ['x.txt', 'minsk'])
 * // "npm took --slug as its own option, …: npm run import -- x.txt --slug minsk (…)"
 */
export function npmTook(script: string, options: Options, positionals: number, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const taken = swallowedByNpm(options, env, argv);
  if (taken.length === 0) return undefined;
  const own = argv.slice(0, positionals);
  let extra = argv.slice(positionals);
  const lost = taken.filter((item) => options[item.name]!.type === 'string' && item.value === undefined);
  // One option lost its value and one word was passed on: that word is its value.
  const given = lost.length === 1 && extra.length === 1 ? new Map([[lost[0]!.name, extra[0]!]]) : new Map<string, string>();
  if (given.size > 0) extra = [];
  const valueOf = (item: Taken) => {
    const value = item.value ?? given.get(item.name);
    return value === undefined ? '<value>' : shellWord(value);
  };
  const written = taken.map((item) => (options[item.name]!.type === 'boolean' ? `--${item.name}` : `--${item.name} ${valueOf(item)}`));
  const named = taken.map((item) => `--${item.name}`);
  // Words npm passed on that cannot be given back to one option: most likely the values, which the
  // editor puts in place (left among the arguments, they would be taken for more files or items).
  const unplaced = lost.length > given.size && extra.length > 0;
  const command = [...own.map(shellWord), ...(unplaced ? [] : extra.map(shellWord)), ...written].join(' ');
  const values = unplaced ? `, each <value> one of the words npm passed on as arguments (${extra.map((word) => `“${word}”`).join(', ')})` : '';
  return `npm took ${named.join(', ')} as its own option${taken.length > 1 ? 's' : ''}, not this command's: nothing was done.\n  Fix: put \`--\` after the script's name, so that npm passes the rest on: npm run ${script} -- ${command}${values} (if your npm configuration sets ${taken.length > 1 ? 'them' : 'it'}, run \`node scripts/${script}.ts\` with the same arguments instead).`;
}

/**
 * For a command given more arguments than it takes, run by npm: an option written before them
 * without `--` (`npm run correction note:x --commit abc123`) may have been taken by npm, which
 * passed its value on and left no other trace (npm reads `--commit` as its own `--commit-hooks`).
 */
export function npmHint(script: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['npm_lifecycle_event'] ? ` If you wrote an option before one of them without \`--\` after the script's name, npm took the option as its own and passed its value on: write \`npm run ${script} -- …\` with the whole command after \`--\`.` : '';
}
