import { openSiteAndBrowser, closeSiteAndBrowser } from './helpers/e2e.ts';
import { openPage } from './helpers/browser.ts';
const { site, browser } = await openSiteAndBrowser();
for (const [width, scheme] of [[1440, 'light'], [390, 'dark'], [1440, 'dark'], [390, 'light']] as const) {
  const page = await openPage(browser, { width, height: 900, colorScheme: scheme });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(site.url + 'articles/nato-mock-missile-attacks-us-meddles-in-belarus/');
  await page.locator('details.cite > summary').click();
  await page.locator('details.cite').screenshot({ path: `/tmp/cite/box-${width}-${scheme}.png` });
  const note = page.locator('#note-copy-usaf-intercept-video-caption');
  if (width < 1000) await page.locator('#ref-copy-usaf-intercept-video-caption').click();
  else await note.click();
  await note.getByRole('button', { name: 'Cite' }).click();
  await page.locator('.cite-panel').waitFor();
  await note.screenshot({ path: `/tmp/cite/note-${width}-${scheme}.png` });
  // select words in a paragraph
  const p = page.locator('#kremlin-lashed-out-us-nato');
  await p.scrollIntoViewIfNeeded();
  const box = (await p.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 8); await page.mouse.down(); await page.mouse.move(box.x + 200, box.y + 8); await page.mouse.up();
  await page.getByRole('toolbar').getByRole('button', { name: 'Cite' }).click();
  await page.locator('.cite-panel--passage').waitFor();
  await page.screenshot({ path: `/tmp/cite/passage-${width}-${scheme}.png` });
  console.log(width, scheme, await page.locator('.cite-panel--passage dd').first().innerText());
}
await closeSiteAndBrowser(site, browser);
