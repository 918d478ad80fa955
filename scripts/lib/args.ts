/**
 * What a command says when its options are mistyped: Node's `parseArgs` names the option
 * (`Unknown option '--frce'`) and then explains positional arguments, which is not the editor's
 * problem; this keeps the first part and adds the option meant, as a `Fix:` line.
 */
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
 * The options npm took as its own because `--` was left out: `npm run import file.txt --stdout`
 * runs the importer with no `--stdout` (npm keeps it as `npm_config_stdout`), which then writes
 * the article it was asked only to print. npm sets `npm_lifecycle_event` for a script it runs.
 *
 * @example swallowedByNpm(['stdout', 'force'], { npm_lifecycle_event: 'import', npm_config_stdout: 'true' }, ['x.txt']) // ['stdout']
 */
export function swallowedByNpm(options: readonly string[], env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): string[] {
  if (!env['npm_lifecycle_event']) return [];
  return options.filter((name) => {
    // Given after `--`, it reached the command; npm's own setting of the same name (an .npmrc's
    // `force=true`) is no sign of anything.
    if (argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))) return false;
    // A flag npm took from the command line it sets to "true" (its value, if any, went on as an argument).
    if (env[`npm_config_${name.replace(/^no-/, '').replaceAll('-', '_')}`] === 'true') return true;
    // npm reads `--replace` as the start of its own `--replace-registry-host`, taking the next argument as its value.
    const host = env['npm_config_replace_registry_host'];
    return name === 'replace' && host !== undefined && (host === 'true' || host.startsWith('-') || /\.txt$/i.test(host));
  });
}

/**
 * The message for options npm took as its own (swallowedByNpm), with the command as it should be
 * written: the arguments npm passed on, then the options it took (a place for the value of one
 * that is not a switch).
 */
function swallowedProblem(script: string, swallowed: readonly string[], args: readonly string[], switches: readonly string[]): string {
  const named = swallowed.map((name) => `--${name}`);
  // npm sets "true" for a flag it took with no value, so the arguments it passed on are all there
  // were; an option that wants a value is written with a place for it.
  const whole = [...args.map((arg) => (/^[\w./:@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)), ...swallowed.map((name) => (switches.includes(name) ? `--${name}` : `--${name} <value>`))].join(' ');
  return `npm took ${named.join(', ')} as its own option${swallowed.length > 1 ? 's' : ''}, not this command's: nothing was done.\n  Fix: put \`--\` after the script's name, so that npm passes the rest on: npm run ${script} -- ${whole} (if your npm configuration sets ${swallowed.length > 1 ? 'them' : 'it'}, run \`node scripts/${script}.ts\` with the same arguments instead).`;
}

/**
 * What a command says, before it reads its arguments, when npm took some of its options (the
 * options as `parseArgs` is given them; the switches among them are its booleans): the command as
 * it should be written, or undefined when nothing was taken.
 *
 * @example npmTook('correction', { date: { type: 'string' }, append: { type: 'boolean' } }) // undefined, or "npm took --append as its own option, …"
 */
export function npmTook(script: string, options: Readonly<Record<string, { type: 'string' | 'boolean' }>>, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const swallowed = swallowedByNpm(Object.keys(options), env, argv);
  if (swallowed.length === 0) return undefined;
  const switches = Object.entries(options).flatMap(([name, option]) => (option.type === 'boolean' ? [name] : []));
  return swallowedProblem(script, swallowed, argv, switches);
}
