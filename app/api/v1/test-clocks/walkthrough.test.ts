import { afterAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@/lib/sdk/src/webhooks';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const seconds = (iso: string) => Date.parse(iso) / 1000;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

// The "done when", as a merchant and their customer would go through it.
describe('a subscription’s year on a test clock, a declined renewal, and a card added in the portal', () => {
  it('renews 13 times with tax, goes past_due on a decline, is paid by a card the customer adds, and every step arrives signed', async () => {
    const receiver = await startWebhookReceiver();
    const events = ['plugipay.invoice.paid.v1', 'plugipay.invoice.payment_failed.v1', 'plugipay.subscription.updated.v1'];
    const endpoint = (await api(billing(), 'POST', '/api/v1/webhook-endpoints', { url: receiver.url, events })).body;
    cleanups.push(receiver.close, () => api(billing(), 'DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`));

    const clock = (await api(billing(), 'POST', '/api/v1/test-clocks', { frozenTime: seconds('2026-02-10T09:00:00Z') })).body.id;
    const customer = (await api(billing(), 'POST', '/api/v1/customers', { email: `walk-${uniqueTag()}@example.com`, name: 'Walker', testClock: clock })).body;
    await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
    const product = (await api(billing(), 'POST', '/api/v1/products', { name: 'Walk plan' })).body;
    const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'EUR', unitAmount: 1200, recurring: { interval: 'month' } })).body;
    const vat = (await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'BTW', percentage: '21', inclusive: false, country: 'NL' })).body;
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id }], defaultTaxRates: [vat.id] })).body;

    const advance = async (iso: string) => expect((await api(billing(), 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds(iso) })).status).toBe(200);
    await advance('2027-02-10T09:00:00Z');
    const invoices = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}&limit=100`)).body.data as TBody[];
    expect(invoices.map((i) => [i.status, i.tax, i.total])).toEqual(Array.from({ length: 13 }, () => ['paid', 252, 1452]));

    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId: customer.id })).url);
    const history = await (await portalFetch(server.baseUrl, '/portal/invoices', cookie)).text();
    expect(history.match(/€14\.52/g)?.length).toBeGreaterThanOrEqual(13);

    // The card starts declining: the next renewal fails and the subscription is past due.
    await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_chargeCustomerFail', makeDefault: true });
    await advance('2027-03-11T09:00:00Z');
    const [march] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}&limit=1`)).body.data as TBody[];
    expect(march).toMatchObject({ status: 'open', amountDue: 1452, attemptCount: 1 });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('past_due');

    // The customer adds a good card in the portal, as their default: the invoice is paid at once.
    const added = await portalFetch(server.baseUrl, '/portal/api/payment-methods', cookie, {
      method: 'POST',
      headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify({ number: '5555 5555 5555 4444', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123', makeDefault: true }),
    });
    expect(added.status).toBe(200);
    expect((await api(billing(), 'GET', `/api/v1/invoices/${march!.id}`)).body).toMatchObject({ status: 'paid', amountDue: 0 });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');

    // Each step reached the merchant, signed: 13 paid, the failure, past_due, paid again, active again.
    const about = (w: { event: { data: { object: Record<string, unknown> } } }) => w.event.data.object.subscription === sub.id || w.event.data.object.id === sub.id;
    const expected = 13 + 1 + 1 + 1 + 1 + 13;
    await expect.poll(() => receiver.received.filter(about).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected);
    const mine = receiver.received.filter(about).map((w) => verifyWebhook({ body: w.body, signature: String(w.headers['plugipay-signature']), secret: endpoint.secret }));
    const count = (type: string, status?: string) => mine.filter((e) => e.type === type && (!status || e.data.object.status === status)).length;
    expect(count('plugipay.invoice.paid.v1')).toBe(14);
    expect(count('plugipay.invoice.payment_failed.v1')).toBe(1);
    expect(count('plugipay.subscription.updated.v1', 'past_due')).toBe(1);
    expect(count('plugipay.subscription.updated.v1', 'active')).toBeGreaterThanOrEqual(14);
  });
});
