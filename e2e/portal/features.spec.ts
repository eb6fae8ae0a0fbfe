import { mintPortalSession } from '../../lib/testing/portal-links';
import { signedFetch } from '../../lib/testing/signed-fetch';
import { expect, test } from '../support/test';

test('features the merchant switched off are absent from the portal and refused by the server', async ({ page, baseURL, fixtures }) => {
  const account = fixtures.featureAccount;
  const off = { features: { invoiceHistory: { enabled: false }, paymentMethodUpdate: { enabled: false }, subscriptionCancel: { enabled: false } } };
  expect((await signedFetch(baseURL!, { method: 'PATCH', path: '/api/v1/portal-configuration', key: account, body: off })).status).toBe(200);

  const session = await mintPortalSession(baseURL!, account, { customerId: fixtures.customers.e2eFeatures });
  await page.goto(`${session.url}?tab=invoices`);
  // The disabled tab falls back to the overview.
  await expect(page).toHaveURL(`${baseURL}/portal`);
  const nav = page.getByRole('navigation', { name: 'Billing sections' });
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Receipts', 'Subscription']);
  await nav.getByRole('link', { name: 'Subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);

  // The server refuses what the page no longer offers, from the customer's own browser.
  const refused = await page.evaluate(async () => {
    const res = await fetch('/portal/api/payment-methods', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' }) });
    return res.status;
  });
  expect(refused).toBe(403);
  const page2 = await page.goto(`${baseURL}/portal/payment-method`);
  expect(page2!.url()).toBe(`${baseURL}/portal`);
});
