/** Reading printed pages back: the text of each page of a PDF that Chromium printed. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PDFTOTEXT = '/usr/bin/pdftotext';

/** The text of each page of a PDF, by Debian's pdftotext (poppler-utils). */
export function pdfPages(pdf: Buffer): string[] {
  if (!existsSync(PDFTOTEXT)) throw new Error(`${PDFTOTEXT} is missing. Fix: apt-get install -y poppler-utils`);
  const folder = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    const file = join(folder, 'page.pdf');
    writeFileSync(file, pdf);
    // pdftotext ends each page with a form feed.
    return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
