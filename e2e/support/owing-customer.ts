import type { Page } from '@playwright/test';
import { PlugipayClient } from '../../lib/sdk/src/plugipay';
import type { TTestFixtures } from '../../lib/testing/test-server';
import { expect } from './test';

/**
 * A customer of the billing account whose first charge, to the card `token` stands for, did not go
 * through (the subscription incomplete, its invoice open), in the portal on that invoice's page.
 */
export async function onOwedInvoice(page: Page, { baseURL, fixtures, token, unitAmount }: { baseURL: string; fixtures: TTestFixtures; token: 'tok_chargeCustomerFail' | 'tok_threeDSecureRequired'; unitAmount: number }) {
  const plugipay = new PlugipayClient({ ...fixtures.billingAccount, baseUrl: baseURL, maxRetries: 0 });
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const customer = await plugipay.customers.create({ email: `owed-${tag}@example.com`, name: 'Otto Owed' });
  const product = await plugipay.products.create({ name: `Storage ${tag}` });
  const price = await plugipay.prices.create({ product: product.id, currency: 'EUR', unitAmount, recurring: { interval: 'month' } });
  await plugipay.paymentMethods.attach(customer.id, { token });
  const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  expect(subscription.status).toBe('incomplete');
  const session = await plugipay.portalSessions.create({ customerId: customer.id, returnUrl: 'https://storage.example/account', locale: 'en' });
  await page.goto(session.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Invoices', exact: true }).click();
  await page.getByRole('link', { name: /^Pay now/ }).click();
  // The click resolves before the invoice's page has loaded; a reload before then reloads the list.
  await expect(page).toHaveURL(/\/portal\/invoices\/[^/?]+/);
  return { plugipay, customer, subscription };
}
