/**
 * How a reader reports an error in a note: a link that opens a message to the editors (or a new
 * issue on their tracker) with the note's permanent address already in it, so that the report names
 * exactly what it is about. The address comes from the one setting `SITE.contact`.
 */
import { SITE } from './site.ts';

/** The subject line of a report. */
export const REPORT_SUBJECT = 'Error in a note';

/**
 * The address of a report about the note at `notePermalink` (absolute, `…/articles/<slug>/#note-<id>`),
 * sent to `contact` (default `SITE.contact`): a `mailto:` link with subject and body when the contact
 * is an email address; the tracker's address with `title` and `body` parameters when it is a URL.
 *
 * @example
 * reportErrorUrl('https://e.org/articles/a/#note-x', 'eds@e.org')
 * // 'mailto:eds@e.org?subject=Error%20in%20a%20note%3A%20x&body=…https%3A%2F%2Fe.org%2Farticles%2Fa%2F%23note-x…'
 */
export function reportErrorUrl(notePermalink: string, contact: string = SITE.contact): string {
  const id = /#note-(.+)$/.exec(notePermalink)?.[1];
  const subject = id ? `${REPORT_SUBJECT}: ${id}` : REPORT_SUBJECT;
  const body = [
    `Note: ${notePermalink}`,
    '',
    'What is wrong, and what should it say?',
    '',
    'A source, where you can (a URL):',
    '',
  ].join('\n');
  if (/^https?:\/\//.test(contact)) {
    const url = new URL(contact);
    url.searchParams.set('title', subject);
    url.searchParams.set('body', body);
    return url.href;
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(contact)) {
    throw new Error(`src/lib/site.ts: SITE.contact is “${contact}”, neither an email address nor an http(s) URL. Fix: set it to the editors' address (name@host) or their tracker's URL.`);
  }
  // encodeURIComponent, not URLSearchParams: mail clients read `+` as a plus, not a space (RFC 6068).
  return `mailto:${contact}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}

/**
 * What the About page shows for the contact: the address and the link to it.
 *
 * @example contactLink('eds@e.org') // { href: 'mailto:eds@e.org', text: 'eds@e.org' }
 */
export function contactLink(contact: string = SITE.contact): { href: string; text: string } {
  if (/^https?:\/\//.test(contact)) return { href: contact, text: contact.replace(/^https?:\/\//, '').replace(/\/$/, '') };
  return { href: `mailto:${contact}`, text: contact };
}
