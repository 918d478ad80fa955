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
