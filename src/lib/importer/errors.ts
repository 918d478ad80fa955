/**
 * An error in the text or the rules handed to the importer. It names the file, the line (and the
 * column where it helps), what is wrong and how to fix it, so the CLI can print it as is.
 */
export class ImportError extends Error {
  /** The file the error is in: the source text or a rules file. */
  readonly file: string;
  /** 1-based line of the error in `file`, when it has one. */
  readonly line: number | undefined;
  /** 1-based column of the error, when it has one. */
  readonly column: number | undefined;
  /** What to do about it. */
  readonly hint: string;

  constructor(
    reason: string,
    { file, line, column, hint }: { file: string; line?: number; column?: number; hint: string },
  ) {
    const place = line === undefined ? file : `${file}:${line}${column === undefined ? '' : `:${column}`}`;
    super(`${place}: ${reason}\n  Fix: ${hint}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.hint = hint;
  }
}
