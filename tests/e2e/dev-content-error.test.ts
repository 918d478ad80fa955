/**
 * A content error under `npm run dev` (src/compiler/loader.ts): the server reports it with its
 * file, line and fix and keeps running, the page shows it, and saving the fix brings the page back
 * without a restart. Until 6 December 2026 the server exited at start on any content error, so an
 * editor who stopped mid-edit could not start it again to see where the text stood.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

const FILE = 'content/articles/russian-bombers-fly-over-belarus.mdx';
const PAGE = '/articles/russian-bombers-fly-over-belarus/';
const GOOD = '<Note id="russian-exercises-january-february-2022" kind="context"';
const BAD = '<Note id="russian-exercises-january-february-2022" kind="contxt"';

let site: FixtureSite;
let dev: DevServer;
/** The line of the broken note. */
let line = 0;

beforeAll(async () => {
  site = createFixtureSite();
  site.edit(FILE, (text) => {
    if (!text.includes(GOOD)) throw new Error(`${FILE} no longer has ${GOOD}: pick another note for this test`);
    line = text.slice(0, text.indexOf(GOOD)).split('\n').length;
    return text.replace(GOOD, BAD);
  });
  dev = await startDevServer(site);
}, 120_000);

afterAll(() => {
  dev?.stop();
  site?.remove();
});

/** Waits until `done` holds, or fails with the server's log. */
async function until(done: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${dev.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a content error under npm run dev', () => {
  it('is reported with its file, line and fix, and the server keeps running', async () => {
    await until(() => dev.exited() || /watching for file changes/.test(dev.log()), 'the dev server started');
    expect(dev.exited(), dev.log()).toBe(false);
    expect(dev.log()).toContain(`${FILE}:${line}:1: note \`russian-exercises-january-february-2022\` has the unknown kind \`contxt\` [unknown-note-kind]`);
    expect(dev.log()).toContain('Did you mean `context`?');
    expect(dev.log()).toContain('The dev server keeps running; saving the fix reloads the content.');
    // Once, though both collections' loaders compile the edition.
    expect(dev.log().split('[unknown-note-kind]').length - 1).toBe(1);
    expect(dev.log()).not.toMatch(/an unhandled error|Stack trace:/i);
    const { status, html } = await dev.page(PAGE);
    expect(status).toBe(500);
    expect(html).toContain('<title>ContentError</title>');
  });

  it('is gone from the page once the fix is saved, without a restart', async () => {
    site.edit(FILE, (text) => text.replace(BAD, GOOD));
    await until(async () => (await dev.page(PAGE)).status === 200, 'the page answered 200 after the fix');
    const { html } = await dev.page(PAGE);
    expect(html).toContain('id="note-russian-exercises-january-february-2022"');
    expect(dev.exited()).toBe(false);
  });

  it('in a file of content/ that is not a text, is reported, and its fix reloads the content too', async () => {
    const RECORDS = 'content/corrections.yaml';
    const before = dev.log().length;
    site.edit(RECORDS, (text) => `${text}- item: note:no-such-note\n  date: 2026-12-01\n  before: |\n    Words.\n`);
    await until(() => dev.log().slice(before).includes('[correction-unknown-item]'), 'the error in corrections.yaml was reported');
    expect(dev.log().slice(before)).toMatch(/content\/corrections\.yaml:\d+:\d+: the record names `note:no-such-note`/);
    site.edit(RECORDS, (text) => text.replace('- item: note:no-such-note\n  date: 2026-12-01\n  before: |\n    Words.\n', ''));
    await until(async () => (await dev.page(PAGE)).status === 200, 'the page answered 200 after the fix');
    expect(dev.exited()).toBe(false);
  });
});
