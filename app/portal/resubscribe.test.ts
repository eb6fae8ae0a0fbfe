import { afterAll, describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const allow = (enabled: boolean) => api(billing(), 'PATCH', '/api/v1/portal-configuration', { features: { resubscribe: { enabled } } });
afterAll(() => allow(false));

/** A customer whose $12 monthly subscription (10 % tax) was cancelled, and their portal. */
async function lapsed() {
  const customer = (await api(billing(), 'POST', '/api/v1/customers', { email: `back-${uniqueTag()}@example.com` })).body;
  await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: `Comeback ${uniqueTag()}` })).body;
  const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount: 1200, recurring: { interval: 'month' } })).body;
  const tax = (await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'GST', percentage: '10', inclusive: false })).body;
  const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id }], defaultTaxRates: [tax.id] })).body;
  expect((await api(billing(), 'DELETE', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('canceled');
  const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId: customer.id, locale: 'en' })).url);
  const page = async (path: string) => {
    const r = await portalFetch(server.baseUrl, path, cookie);
    return { status: r.status, text: textOf(await r.text()) };
  };
  const start = async (body: Record<string, unknown>) => {
    const r = await portalFetch(server.baseUrl, '/portal/api/subscription/resubscribe', cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify({ subscriptionId: sub.id, price: price.id, ...body }) });
    return { status: r.status, body: (await r.json()) as TBody };
  };
  return { customerId: customer.id as string, sub, price, productName: product.name as string, page, start };
}

describe('coming back after a subscription ended', () => {
  it('starts it again on its plan, the first invoice charged at once as previewed, where the merchant allows it', async () => {
    await allow(true);
    const back = await lapsed();
    expect((await back.page('/portal/subscription')).text).toMatch(new RegExp(`Ended subscriptions ${back.productName} Ended on [A-Z][a-z]{2} \\d{1,2}, \\d{4} Resubscribe`));
    expect((await back.page(`/portal/subscription/${back.sub.id}/resubscribe`)).text).toContain('$12.00 per month Previous plan');
    const preview = (await back.page(`/portal/subscription/${back.sub.id}/resubscribe/confirm?price=${back.price.id}`)).text;
    expect(preview).toContain('Due today $13.20');
    expect(preview).toContain('Subscribe and pay $13.20');

    const other = (await api(billing(), 'POST', '/api/v1/prices', { product: back.price.product, currency: 'USD', unitAmount: 100, recurring: { interval: 'month' } })).body;
    expect((await back.start({ price: other.id })).body.error).toMatchObject({ message: 'plan_not_offered' });

    const started = await back.start({});
    expect(started).toMatchObject({ status: 200, body: { status: 'active', invoice: { status: 'paid' } } });
    const fresh = (await api(billing(), 'GET', `/api/v1/subscriptions/${started.body.subscriptionId}`)).body;
    expect(fresh).toMatchObject({ customer: back.customerId, status: 'active', defaultTaxRates: back.sub.defaultTaxRates });
    const [payment] = (await api(billing(), 'GET', `/api/v1/payments?customer=${back.customerId}&limit=1`)).body.data as TBody[];
    expect(payment).toMatchObject({ amount: 1320, status: 'succeeded' });
    const created = ((await api(billing(), 'GET', '/api/v1/events?type=plugipay.subscription.created.v1&limit=50')).body.data as TBody[]).filter((e) => e.data.object.id === fresh.id);
    expect(created).toHaveLength(1);
  });

  it('is absent and refused when off, never another customer’s, and a declined card leaves the new subscription waiting on its invoice', async () => {
    const back = await lapsed();
    const stranger = await lapsed();
    await allow(false);
    try {
      expect((await back.page('/portal/subscription')).text).not.toContain('Ended subscriptions');
      expect((await back.page(`/portal/subscription/${back.sub.id}/resubscribe`)).status).toBe(404);
      expect((await back.start({})).status).toBe(403);
    } finally {
      await allow(true);
    }
    expect((await back.start({ subscriptionId: stranger.sub.id, price: stranger.price.id })).status).toBe(404);
    expect((await back.page(`/portal/subscription/${stranger.sub.id}/resubscribe`)).status).toBe(404);

    await api(billing(), 'POST', `/api/v1/customers/${back.customerId}/payment-methods`, { token: 'tok_chargeCustomerFail', makeDefault: true });
    const declined = await back.start({});
    expect(declined).toMatchObject({ status: 200, body: { status: 'incomplete', invoice: { status: 'open' } } });
  });
});
