import { LOCALES } from '../../lib/i18n/locales';
import { mintPortalSession } from '../../lib/testing/portal-links';
import { expect, test } from '../support/test';
import { messagesOf } from './support';

// Libraries only the server needs; their names show up in any bundle that carries them.
const SERVER_ONLY = ['pdfkit', 'PGlite', '@prisma/client', 'pino', 'ioredis', 'ipaddr', 'node:crypto', 'zod'];

test('the first view carries no server library and no other locale’s messages', async ({ page, baseURL, credentials, fixtures }) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
  });
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eBundle, locale: 'de' });
  await page.goto(`${session.url}?tab=subscription`);
  await page.waitForLoadState('networkidle');
  const html = await page.content();
  const shipped = [html, ...scripts].join('\n');
  expect(scripts.length).toBeGreaterThan(0);

  // The page's own locale is there (its client messages) …
  expect(shipped).toContain(messagesOf('de').PortalActions.errors.generic);
  // … and no other locale's.
  for (const locale of LOCALES.filter((l) => l !== 'de')) {
    const m = messagesOf(locale);
    for (const message of [m.PortalActions.errors.generic, m.PortalActions.cancelDialogTitle, m.Portal.sessionEndedBody]) {
      expect(shipped.includes(message!), `${locale}: ${message}`).toBe(false);
    }
  }
  for (const library of SERVER_ONLY) expect(scripts.some((s) => s.includes(library)), library).toBe(false);
});

test('a page of receipts asks the server for nothing it does not show, and its links still navigate in place', async ({ page, baseURL, credentials, fixtures }) => {
  const session = await mintPortalSession(baseURL!, credentials.merchant, { customerId: fixtures.customers.e2eNoPrefetch, locale: 'en' });
  await page.goto(session.url);
  await page.getByRole('navigation', { name: 'Billing sections' }).getByRole('link', { name: 'Receipts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Receipts' })).toBeVisible();
  // Every route a page of receipts links to (tabs, each receipt, each invoice) is rendered per
  // request: a prefetch of each would cost the server more than the page itself.
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.has('_rsc')) asked.push(request.url());
  });
  await page.reload();
  const receipts = page.getByRole('link', { name: /^[A-Z0-9]+-R\d+$/ });
  await expect(receipts).toHaveCount(20);
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
  // A receipt opens in place: the router asks for that one page, and the document stays.
  const number = await receipts.first().textContent();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await receipts.first().click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(number!) })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(asked).toHaveLength(1);

  // A click asking for a new tab is the browser's: the receipt opens there, and this page stays.
  await page.goBack();
  await expect(receipts).toHaveCount(20);
  const opened = page.context().waitForEvent('page');
  await receipts.nth(1).click({ modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await expect(tab.getByRole('heading', { level: 1, name: new RegExp((await receipts.nth(1).textContent())!) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Receipts' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
