import { describe, expect, it } from 'vitest';
import { addInterval } from '@/lib/billing-engine/add-interval';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const unique = uniqueTag;

async function customer({ token }: { token?: string } = {}) {
  const c = (await api(billing(), 'POST', '/api/v1/customers', { email: `sub-${unique()}@example.com`, name: 'Subscriber' })).body;
  if (token) expect((await api(billing(), 'POST', `/api/v1/customers/${c.id}/payment-methods`, { token })).status).toBe(201);
  return c.id as string;
}
async function price(currency = 'EUR', unitAmount = 1200, recurring: unknown = { interval: 'month' }, name = `Plan ${unique()}`) {
  const product = (await api(billing(), 'POST', '/api/v1/products', { name })).body;
  return (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency, unitAmount, recurring })).body.id as string;
}
const eventsFor = async (type: string, id: string, field = 'id') =>
  ((await api(billing(), 'GET', `/api/v1/events?type=${type}&limit=100`)).body.data as TBody[]).filter((e) => e.data.object[field] === id);

const numberOf = (invoiceNumber: string) => Number(invoiceNumber.split('-').at(-1));
async function accountInvoiceNumbers() {
  const numbers: number[] = [];
  for (let cursor = ''; ; ) {
    const page = (await api(billing(), 'GET', `/api/v1/invoices?limit=100${cursor}`)).body;
    numbers.push(...(page.data as TBody[]).filter((i) => i.number).map((i) => numberOf(i.number)));
    if (!page.hasMore) return numbers;
    cursor = `&startingAfter=${page.data.at(-1).id}`;
  }
}

describe('subscriptions', () => {
  it('start now: the first invoice is issued with items, coupon and tax, charged to the card, and the portal shows the next charge', async () => {
    const customerId = await customer({ token: 'tok_visa' });
    const priceId = await price('EUR', 1200, { interval: 'month' }, 'Team plan');
    const vat = (await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'VAT', percentage: '21', inclusive: false })).body;
    const coupon = (await api(billing(), 'POST', '/api/v1/coupons', { percentOff: 25, duration: 'once' })).body;

    const created = await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: priceId, quantity: 2 }], defaultTaxRates: [vat.id], coupon: coupon.id, metadata: { seats: '2' } });
    expect(created.status).toBe(201);
    const sub = created.body;
    expect(sub).toMatchObject({
      object: 'subscription', customer: customerId, status: 'active', currency: 'EUR', collectionMethod: 'charge_automatically', cancelAtPeriodEnd: false,
      items: [{ object: 'subscription_item', quantity: 2, price: { id: priceId, unitAmount: 1200 } }], defaultTaxRates: [vat.id], coupon: coupon.id, metadata: { seats: '2' },
    });
    expect(sub.currentPeriodEnd).toBe(addInterval(new Date(sub.currentPeriodStart), 'month', 1).toISOString());

    const invoices = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data;
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    // 2 × €12.00 = €24.00, 25 % off once = €18.00, 21 % VAT = €3.78: €21.78.
    expect(invoice).toMatchObject({ status: 'paid', subtotal: 2400, discount: 600, tax: 378, total: 2178, amountPaid: 2178, amountDue: 0, currency: 'EUR', customer: customerId });
    expect(invoice.number).toMatch(/^[A-Z0-9]{8}-\d{4}$/);
    expect(invoice.lines).toEqual([expect.objectContaining({ description: 'Team plan', quantity: 2, unitAmount: 1200, amount: 2400, discountAmount: 600, taxRates: [vat.id] })]);
    const payments = (await api(billing(), 'GET', `/api/v1/payments?invoice=${invoice.id}`)).body.data;
    expect(payments).toEqual([expect.objectContaining({ status: 'succeeded', amount: 2178, currency: 'EUR', card: { brand: 'visa', last4: '4242' }, failureCode: null })]);
    expect((await api(billing(), 'GET', `/api/v1/coupons/${coupon.id}`)).body.timesRedeemed).toBe(1);

    expect(await eventsFor('plugipay.subscription.created.v1', sub.id)).toHaveLength(1);
    for (const type of ['plugipay.invoice.created.v1', 'plugipay.invoice.finalized.v1', 'plugipay.invoice.paid.v1']) expect(await eventsFor(type, invoice.id)).toHaveLength(1);
    expect(await eventsFor('plugipay.payment.succeeded.v1', payments[0].id)).toHaveLength(1);

    // The coupon was for the first invoice only: the next charge is 2 × €12.00 + 21 % = €29.04.
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId })).url);
    const overview = await (await portalFetch(server.baseUrl, '/portal', cookie)).text();
    expect(overview).toContain('Team plan');
    expect(overview).toContain('€29.04');
    // The API's upcoming invoice is the same dry run: €29.04 for the next period.
    const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body;
    expect(upcoming).toMatchObject({ status: 'draft', subtotal: 2400, discount: 0, tax: 504, total: 2904, amountDue: 2904, periodStart: sub.currentPeriodEnd, subscription: sub.id });
    expect(upcoming.lines).toEqual([expect.objectContaining({ quantity: 2, amount: 2400, taxRates: [vat.id], period: { start: sub.currentPeriodEnd, end: addInterval(new Date(sub.currentPeriodEnd), 'month', 1).toISOString() } })]);
    expect((await api(server.creds.otherMerchant, 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).status).toBe(404);
    const invoicesPage = await (await portalFetch(server.baseUrl, '/portal/invoices', cookie)).text();
    expect(invoicesPage).toContain(invoice.number);
  });

  it('a coupon that lasts shows in the portal’s next charge, as the renewal will take it off', async () => {
    const customerId = await customer({ token: 'tok_visa' });
    const coupon = (await api(billing(), 'POST', '/api/v1/coupons', { percentOff: 10, duration: 'forever', name: 'Loyalty' })).body;
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: await price('USD', 4900, { interval: 'month' }, 'Agency plan') }], coupon: coupon.id })).body;
    expect(sub).toMatchObject({ coupon: coupon.id, discountEnd: null });
    const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body;
    expect(upcoming).toMatchObject({ subtotal: 4900, discount: 490, total: 4410 });
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId, locale: 'en' })).url);
    const overview = (await (await portalFetch(server.baseUrl, '/portal', cookie)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(overview).toContain('Next charge: $44.10');
    expect(overview).toMatch(/Discount -\$4\.90/);
  });

  it('a declined first charge leaves the subscription incomplete and its invoice open', async () => {
    const customerId = await customer({ token: 'tok_chargeCustomerFail' });
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: await price() }] })).body;
    expect(sub.status).toBe('incomplete');
    const [invoice] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data;
    expect(invoice).toMatchObject({ status: 'open', amountPaid: 0, amountDue: 1200 });
    expect((await api(billing(), 'GET', `/api/v1/payments?invoice=${invoice.id}`)).body.data).toEqual([expect.objectContaining({ status: 'failed', failureCode: 'card_declined' })]);
    expect(await eventsFor('plugipay.invoice.payment_failed.v1', invoice.id)).toHaveLength(1);
  });

  it('send_invoice leaves the first invoice open until its due date; a trial issues nothing until it ends', async () => {
    const billed = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer(), items: [{ price: await price() }], collectionMethod: 'send_invoice', daysUntilDue: 14 })).body;
    expect(billed).toMatchObject({ status: 'active', collectionMethod: 'send_invoice', daysUntilDue: 14 });
    const [invoice] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${billed.id}`)).body.data;
    expect(invoice.status).toBe('open');
    expect(new Date(invoice.dueDate).getTime() - new Date(invoice.issuedAt).getTime()).toBe(14 * 86_400_000);
    expect((await api(billing(), 'GET', `/api/v1/payments?invoice=${invoice.id}`)).body.data).toEqual([]);

    const trial = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer(), items: [{ price: await price() }], trialPeriodDays: 14 })).body;
    expect(trial.status).toBe('trialing');
    expect(trial.currentPeriodEnd).toBe(trial.trialEnd);
    expect((await api(billing(), 'GET', `/api/v1/invoices?subscription=${trial.id}`)).body.data).toEqual([]);
  });

  it('refuse bad terms, naming the field, and create nothing (no subscription, no redemption)', async () => {
    const customerId = await customer({ token: 'tok_visa' });
    const eur = await price('EUR');
    const usd = await price('USD');
    const weekly = await price('EUR', 300, { interval: 'week' });
    const oneTime = await price('EUR', 500, null);
    const archived = await price('EUR');
    await api(billing(), 'PATCH', `/api/v1/prices/${archived}`, { active: false });
    const usdCoupon = (await api(billing(), 'POST', '/api/v1/coupons', { amountOff: 100, currency: 'USD', duration: 'once' })).body;
    const theirs = (await api(server.creds.otherMerchant, 'POST', '/api/v1/prices', { product: (await api(server.creds.otherMerchant, 'POST', '/api/v1/products', { name: 'Theirs' })).body.id, currency: 'EUR', unitAmount: 100, recurring: { interval: 'month' } })).body.id;
    const cases: [string, TBody, number, string][] = [
      ['two currencies', { items: [{ price: eur }, { price: usd }] }, 400, 'items.1.price'],
      ['two periods', { items: [{ price: eur }, { price: weekly }] }, 400, 'items.1.price'],
      ['a one-time price', { items: [{ price: oneTime }] }, 400, 'items.0.price'],
      ['an archived price', { items: [{ price: archived }] }, 400, 'items.0.price'],
      ['one price twice', { items: [{ price: eur }, { price: eur }] }, 400, 'items.1.price'],
      ['another account’s price', { items: [{ price: theirs }] }, 404, 'items.0.price'],
      ['a coupon in another currency', { items: [{ price: eur }], coupon: usdCoupon.id }, 400, 'coupon'],
      ['send_invoice without daysUntilDue', { items: [{ price: eur }], collectionMethod: 'send_invoice' }, 400, 'daysUntilDue'],
      ['no items', { items: [] }, 400, 'items'],
      ['a quantity of 0', { items: [{ price: eur, quantity: 0 }] }, 400, 'items.0.quantity'],
    ];
    for (const [label, body, status, param] of cases) {
      const res = await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, ...body });
      expect([label, res.status, res.body.error?.param]).toEqual([label, status, param]);
    }
    const noCard = await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer(), items: [{ price: eur }] });
    expect(noCard.body.error).toMatchObject({ code: 'validation_error', param: 'defaultPaymentMethod' });
    const theirCustomer = await api(server.creds.otherMerchant, 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: theirs }] });
    expect(theirCustomer.body.error).toMatchObject({ code: 'not_found', param: 'customer' });

    expect((await api(billing(), 'GET', `/api/v1/subscriptions?customer=${customerId}&status=all`)).body.data).toEqual([]);
    expect((await api(billing(), 'GET', `/api/v1/coupons/${usdCoupon.id}`)).body.timesRedeemed).toBe(0);
  });

  it('change: cancel at period end and resume, items from the next renewal, cancel now; an ended one changes no more', async () => {
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer({ token: 'tok_mastercard' }), items: [{ price: await price() }] })).body;
    const path = `/api/v1/subscriptions/${sub.id}`;
    expect((await api(billing(), 'PATCH', path, { cancelAtPeriodEnd: true })).body).toMatchObject({ cancelAtPeriodEnd: true, status: 'active' });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${sub.customer}`)).body.error).toMatchObject({ code: 'not_found', param: 'subscription' });
    expect((await api(billing(), 'POST', `${path}/resume`)).body).toMatchObject({ cancelAtPeriodEnd: false });
    expect((await api(billing(), 'POST', `${path}/resume`)).body.error).toMatchObject({ code: 'invalid_state' });

    const second = await price('EUR', 800);
    const bad = await api(billing(), 'PATCH', path, { items: [{ id: sub.items[0].id, quantity: 3 }], prorationBehavior: 'sometimes' });
    expect(bad.body.error).toMatchObject({ code: 'validation_error', param: 'prorationBehavior' });
    const changed = (await api(billing(), 'PATCH', path, { items: [{ id: sub.items[0].id, quantity: 3 }, { price: second }], prorationBehavior: 'none' })).body;
    expect(changed.items.map((i: TBody) => [i.price.id, i.quantity])).toEqual([[sub.items[0].price.id, 3], [second, 1]]);
    expect((await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data).toHaveLength(1);

    const ended = await api(billing(), 'DELETE', path);
    expect(ended.body).toMatchObject({ status: 'canceled', endedAt: expect.any(String) });
    expect(await eventsFor('plugipay.subscription.canceled.v1', sub.id)).toHaveLength(1);
    expect((await api(billing(), 'DELETE', path)).body.error).toMatchObject({ code: 'invalid_state' });
    expect((await api(billing(), 'PATCH', path, { cancelAtPeriodEnd: false })).body.error).toMatchObject({ code: 'invalid_state' });
    expect((await api(billing(), 'POST', `${path}/resume`)).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it('change of billing period: every item moves at once, a new period is billed now; mixed periods and a past-due one are refused', async () => {
    const customerId = await customer({ token: 'tok_visa' });
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: await price('EUR', 1000) }] })).body;
    const path = `/api/v1/subscriptions/${sub.id}`;
    const yearly = await price('EUR', 10000, { interval: 'year' });
    const mixed = await api(billing(), 'PATCH', path, { items: [{ id: sub.items[0].id, quantity: 2 }, { price: yearly }] });
    expect(mixed.body.error).toMatchObject({ code: 'validation_error', param: 'items.1.price' });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&items=${encodeURIComponent(JSON.stringify([{ id: sub.items[0].id, price: yearly }]))}`)).body.error).toMatchObject({ code: 'validation_error', param: 'items' });

    const moved = (await api(billing(), 'PATCH', path, { items: [{ id: sub.items[0].id, price: yearly }], prorationBehavior: 'none' })).body;
    expect(Date.parse(moved.currentPeriodEnd) - Date.parse(moved.currentPeriodStart)).toBeGreaterThanOrEqual(365 * 86_400_000);
    expect(moved.billingCycleAnchor).toBe(moved.currentPeriodStart);
    const invoices = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data as TBody[];
    expect(invoices.map((i) => [i.billingReason, i.total, i.status])).toEqual([['subscription_update', 10000, 'paid'], ['subscription_create', 1000, 'paid']]);

    const owing = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer({ token: 'tok_chargeCustomerFail' }), items: [{ price: await price('EUR', 1000) }] })).body;
    expect(owing.status).toBe('incomplete');
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${owing.id}`, { items: [{ id: owing.items[0].id, price: yearly }] })).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it('belong to one account, with their invoices and payments', async () => {
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: await customer({ token: 'tok_visa' }), items: [{ price: await price() }] })).body;
    const [invoice] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data;
    const [payment] = (await api(billing(), 'GET', `/api/v1/payments?invoice=${invoice.id}`)).body.data;
    const other = server.creds.otherMerchant;
    for (const [method, path] of [
      ['GET', `/api/v1/subscriptions/${sub.id}`], ['PATCH', `/api/v1/subscriptions/${sub.id}`], ['DELETE', `/api/v1/subscriptions/${sub.id}`],
      ['POST', `/api/v1/subscriptions/${sub.id}/resume`], ['GET', `/api/v1/invoices/${invoice.id}`], ['GET', `/api/v1/payments/${payment.id}`],
    ] as const) {
      expect([method, path, (await api(other, method, path, method === 'PATCH' ? { metadata: { x: 'y' } } : undefined)).status]).toEqual([method, path, 404]);
    }
    expect((await api(other, 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data).toEqual([]);
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
  });

  it('number invoices without gaps or repeats when many are finalized at once', async () => {
    const priceId = await price();
    const customers = await Promise.all(Array.from({ length: 6 }, () => customer({ token: 'tok_visa' })));
    const subs = await Promise.all(customers.map(async (c) => (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: c, items: [{ price: priceId }] })).body));
    const numbers = await Promise.all(subs.map(async (s) => (await api(billing(), 'GET', `/api/v1/invoices?subscription=${s.id}`)).body.data[0].number as string));
    expect(new Set(numbers).size).toBe(6);
    // Other test files number invoices on this account at the same time, so the six need not be
    // consecutive; every number between the lowest and highest must be taken exactly once.
    const sequence = numbers.map(numberOf).sort((a, b) => a - b);
    const taken = (await accountInvoiceNumbers()).filter((n) => n >= sequence[0]! && n <= sequence.at(-1)!).sort((a, b) => a - b);
    expect(taken).toEqual(Array.from({ length: sequence.at(-1)! - sequence[0]! + 1 }, (_, i) => sequence[0]! + i));
  });
});
