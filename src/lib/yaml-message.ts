/**
 * The YAML parser's message without the place it gives, which counts from the YAML's own first line:
 * the problem is placed on the file's line and column, and a second, different number misled.
 *
 * @example yamlMessage('Missing closing "quote at line 6, column 7:\n\n  a: "b\n') // 'Missing closing "quote'
 */
export function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/**
 * The fix for a number or a yes/no written where YAML should read text: the value in quotes, as the
 * editor wrote it (`12e4`, not the 120000 YAML reads).
 *
 * @example quoteFix('title', '2022') // 'write it in quotes, as text: `title: "2022"`.'
 */
export function quoteFix(key: string, written: string): string {
  return `write it in quotes, as text: \`${key}: "${written.replace(/"/g, '\\"')}"\`.`;
}
