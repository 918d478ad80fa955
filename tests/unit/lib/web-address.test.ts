/** Which addresses a source, a note's link or an article's record may give (src/lib/urls.ts). */
import { describe, expect, it } from 'vitest';
import { isWebAddress } from '../../../src/lib/urls.ts';

describe('isWebAddress', () => {
  it('takes a page of a site, under any form a browser shows', () => {
    for (const url of ['https://www.unian.info/news/1', 'http://rand.org/about/', 'https://www.example.org./x', 'https://münchen.de/', 'https://93.184.216.34/x', 'https://[2001:db8::1]/x', 'https://example.org:8443/x']) expect(isWebAddress(url), url).toBe(true);
  });

  it('refuses an address with no site, a site without its domain, an editor’s own machine and other schemes', () => {
    for (const url of ['https://', 'https://unian/news', 'https://localhost/x', 'ftp://example.org/x', 'example.org/x', 'mailto:a@example.org']) expect(isWebAddress(url), url).toBe(false);
  });

  it('refuses a host no browser can reach, a comma or a semicolon typed for a dot or a slash', () => {
    for (const url of ['https://www.reuters.com,world/x', 'https://www,reuters.com/x', 'https://reuters.com;world/x', 'https://reuters.com!/x', 'https://www.reuters.123/x']) expect(isWebAddress(url), url).toBe(false);
  });
});
