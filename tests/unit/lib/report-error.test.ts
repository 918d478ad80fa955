import { describe, expect, it } from 'vitest';
import { contactLink, reportErrorUrl } from '../../../src/lib/report-error.ts';
import { SITE } from '../../../src/lib/site.ts';

const PERMALINK = 'https://borderlines.example/articles/russian-bombers-fly-over-belarus/#note-troop-estimate';

describe('the report-an-error link of a note', () => {
  it('opens a message to the editors whose subject and body carry the note’s permalink', () => {
    const url = new URL(reportErrorUrl(PERMALINK, 'eds@example.org'));
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('eds@example.org');
    const subject = decodeURIComponent(/subject=([^&]*)/.exec(url.search)![1]!);
    const body = decodeURIComponent(/body=([^&]*)/.exec(url.search)![1]!);
    expect(subject).toBe('Error in a note: troop-estimate');
    expect(body).toContain(`Note: ${PERMALINK}`);
  });

  it('encodes spaces as %20, never +, which mail clients would show', () => {
    expect(reportErrorUrl(PERMALINK, 'eds@example.org')).not.toContain('+');
  });

  it('opens a new issue with title and body when the contact is a tracker', () => {
    const url = new URL(reportErrorUrl(PERMALINK, 'https://tracker.example/borderlines/issues/new'));
    expect(url.searchParams.get('title')).toBe('Error in a note: troop-estimate');
    expect(url.searchParams.get('body')).toContain(PERMALINK);
  });

  it('writes to the one address set in the site’s configuration by default', () => {
    expect(reportErrorUrl(PERMALINK)).toContain(SITE.contact);
  });

  it('refuses a contact that is neither an address nor a URL, naming the setting', () => {
    expect(() => reportErrorUrl(PERMALINK, 'the editors')).toThrowErrorMatchingInlineSnapshot(`[Error: src/lib/site.ts: SITE.contact is “the editors”, neither an email address nor an http(s) URL. Fix: set it to the editors' address (name@host) or their tracker's URL.]`);
  });

  it('shows the contact on the About page as a link', () => {
    expect(contactLink('eds@example.org')).toEqual({ href: 'mailto:eds@example.org', text: 'eds@example.org' });
    expect(contactLink('https://tracker.example/issues/')).toEqual({ href: 'https://tracker.example/issues/', text: 'tracker.example/issues' });
  });
});
