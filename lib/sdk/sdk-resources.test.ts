import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runningServer } from '../testing/running-server';
import { generateApiTypes } from './codegen/generate-api-types';
import { PlugipayClient, PlugipayNotFoundError, PlugipayValidationError } from './src/plugipay';

const server = runningServer();
const sdk = (key: { keyId: string; secret: string }) => new PlugipayClient({ ...key, baseUrl: server.baseUrl, maxRetries: 0 });

describe('the SDK’s billing resources, against the live server', () => {
  it('sets up a customer, a product, a monthly price, a tax rate and a card, then reads them back', async () => {
    const plugipay = sdk(server.fixtures.billingAccount);
    const email = `sdk-${Date.now()}@example.com`;
    const customer = await plugipay.customers.create({ email, name: 'Grace Hopper', address: { country: 'US', state: 'VA' } });
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
    const product = await plugipay.products.create({ name: 'SDK plan' });
    const price = await plugipay.prices.create({ product: product.id, currency: 'USD', unitAmount: 2900, recurring: { interval: 'month' } });
    const tax = await plugipay.taxRates.create({ displayName: 'Sales tax', percentage: '5.3', inclusive: false, country: 'US' });
    const card = await plugipay.paymentMethods.attach(customer.id, { token: 'tok_visa' });
    expect([price.recurring, tax.percentage, card.isDefault]).toEqual([{ interval: 'month', intervalCount: 1 }, '5.3000', true]);
    const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], defaultTaxRates: [tax.id] });
    expect(subscription).toMatchObject({ status: 'active', defaultPaymentMethod: card.id });
    const invoices = await plugipay.invoices.list({ subscription: subscription.id });
    // $29.00 and 5.3 % sales tax ($1.537, rounded half away from zero): $30.54.
    expect(invoices.data.map((i) => [i.status, i.total])).toEqual([['paid', 3054]]);
    const [payment] = (await plugipay.payments.list({ invoice: invoices.data[0]!.id })).data;
    expect(payment).toMatchObject({ status: 'succeeded', amount: 3054 });

    const listed: string[] = [];
    for await (const c of plugipay.customers.list({ email, limit: 1 })) listed.push(c.id);
    expect(listed).toEqual([customer.id]);
    expect((await plugipay.customers.update(customer.id, { metadata: { crm: '7' } })).metadata).toEqual({ crm: '7' });
    expect(await plugipay.customers.del(customer.id)).toEqual({ id: customer.id, object: 'customer', deleted: true });
    expect((await plugipay.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
  });

  it('moves a test clock, and the clock’s customer is billed on its time', async () => {
    const plugipay = sdk(server.fixtures.billingAccount);
    const start = Date.parse('2026-05-20T12:00:00Z') / 1000;
    const clock = await plugipay.testClocks.create({ frozenTime: start });
    const customer = await plugipay.customers.create({ email: `sdk-clock-${Date.now()}@example.com`, testClock: clock.id });
    await plugipay.paymentMethods.attach(customer.id, { token: 'tok_visa' });
    const product = await plugipay.products.create({ name: 'Weekly box' });
    const price = await plugipay.prices.create({ product: product.id, currency: 'JPY', unitAmount: 1200, recurring: { interval: 'week' } });
    const subscription = await plugipay.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect(subscription.currentPeriodStart).toBe('2026-05-20T12:00:00.000Z');
    expect(await plugipay.testClocks.advance(clock.id, { frozenTime: start + 21 * 86_400 })).toMatchObject({ status: 'ready', frozenTime: start + 21 * 86_400 });
    const invoices = await plugipay.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((i) => [i.status, i.total, i.billingReason])).toEqual([
      ['paid', 1200, 'subscription_cycle'], ['paid', 1200, 'subscription_cycle'], ['paid', 1200, 'subscription_cycle'], ['paid', 1200, 'subscription_create'],
    ]);
    expect((await plugipay.testClocks.retrieve(clock.id)).frozenTime).toBe(start + 21 * 86_400);
    expect((await plugipay.testClocks.list({ limit: 100 })).data.map((c) => c.id)).toContain(clock.id);
  });

  it('iterates past the first page with for await', async () => {
    const plugipay = sdk(server.fixtures.billingAccount);
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await plugipay.coupons.create({ percentOff: 5 + i, duration: 'once' })).id);
    // Other tests create coupons in this account meanwhile: page one at a time until all three are seen.
    const seen: string[] = [];
    let pages = 0;
    for await (const coupon of plugipay.coupons.list({ limit: 1 })) {
      pages++;
      if (made.includes(coupon.id)) seen.push(coupon.id);
      if (seen.length === 3) break;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...made].reverse());
  });

  it('throws typed errors: another account’s object is not found; a bad field names its param', async () => {
    const mine = await sdk(server.fixtures.billingAccount).products.create({ name: 'Mine' });
    await expect(sdk(server.creds.otherMerchant).products.retrieve(mine.id)).rejects.toBeInstanceOf(PlugipayNotFoundError);
    const error = await sdk(server.fixtures.billingAccount).prices.create({ product: mine.id, currency: 'usd', unitAmount: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlugipayValidationError);
    expect(error).toMatchObject({ param: 'currency' });
  });
});

describe('lib/sdk/src/api-types.ts', () => {
  it('is what `npm run sdk:types` makes from the current schemas', async () => {
    expect(readFileSync('lib/sdk/src/api-types.ts', 'utf8')).toBe(await generateApiTypes());
  });
});
