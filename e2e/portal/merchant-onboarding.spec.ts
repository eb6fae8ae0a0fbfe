import { PlugipayClient } from '../../lib/sdk/src/plugipay';
import { expect, test } from '../support/test';

// The "done when", as a merchant does it: everything through the SDK, then the customer's
// portal in Chromium shows exactly those objects.
test('what a merchant creates through the SDK is what its customer sees in the portal', async ({ page, baseURL, fixtures }) => {
  const plugipay = new PlugipayClient({ ...fixtures.billingAccount, baseUrl: baseURL!, maxRetries: 0 });
  const customer = await plugipay.customers.create({ email: `onboarding-${Date.now()}@example.com`, name: 'Ingrid Weber', address: { line1: 'Torstraße 1', city: 'Berlin', postalCode: '10119', country: 'DE' } });
  const product = await plugipay.products.create({ name: 'Studio plan' });
  const price = await plugipay.prices.create({ product: product.id, currency: 'EUR', unitAmount: 1500, recurring: { interval: 'month' } });
  const tax = await plugipay.taxRates.create({ displayName: 'MwSt.', percentage: '19', inclusive: false, country: 'DE' });
  await plugipay.paymentMethods.attach(customer.id, { token: 'tok_visa' });
  const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], defaultTaxRates: [tax.id] });
  const [invoice] = (await plugipay.invoices.list({ subscription: subscription.id })).data;
  expect(invoice).toMatchObject({ status: 'paid', total: 1785 });

  const session = await plugipay.portalSessions.create({ customerId: customer.id, returnUrl: 'https://studio.example/account', locale: 'en' });
  await page.goto(session.url);
  const plan = page.getByRole('region', { name: 'Current plan' });
  await expect(plan).toContainText('Studio plan');
  // €15.00 and 19 % MwSt.: €17.85, next month, as the first invoice charged.
  await expect(plan).toContainText(/Next charge: €17\.85 on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByLabel('How the next charge adds up')).toHaveText(/Subtotal\s*€15\.00\s*MwSt\. \(19%\)\s*€2\.85\s*Total\s*€17\.85/);
  await expect(page.getByRole('main')).toContainText('4242');

  const latest = page.getByRole('region', { name: 'Latest invoice' });
  await latest.getByRole('link', { name: invoice!.number! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invoice ${invoice!.number}`);
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('Studio plan');
  await expect(page.getByRole('main').locator('dl').last()).toContainText(/Total\s*€17\.85/);
});
