import { afterAll, describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const offer = (retentionCoupon: string | null) => api(billing(), 'PATCH', '/api/v1/portal-configuration', { features: { subscriptionCancel: { retentionCoupon } } });
afterAll(() => offer(null));

/** A customer with a card and a $10 monthly subscription, and their portal. */
async function subscriber() {
  const customer = (await api(billing(), 'POST', '/api/v1/customers', { email: `stay-${uniqueTag()}@example.com` })).body;
  await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: `Stay ${uniqueTag()}` })).body;
  const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount: 1000, recurring: { interval: 'month' } })).body;
  const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id }] })).body;
  const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId: customer.id, locale: 'en' })).url);
  const page = async () => textOf(await (await portalFetch(server.baseUrl, `/portal/subscription/${sub.id}`, cookie)).text());
  const post = async (path: string, body: unknown) => {
    const r = await portalFetch(server.baseUrl, path, cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as TBody };
  };
  return { customerId: customer.id as string, sub, page, post };
}
const subscription = async (id: string) => (await api(billing(), 'GET', `/api/v1/subscriptions/${id}`)).body;

describe('the retention offer', () => {
  it('is made in the cancel dialog once per subscription, taking it applies its coupon instead, and the merchant learns each outcome', async () => {
    const coupon = (await api(billing(), 'POST', '/api/v1/coupons', { percentOff: 20, duration: 'repeating', durationInMonths: 3, name: 'Stay with us' })).body;
    expect((await offer(coupon.id)).body.features.subscriptionCancel.retentionCoupon).toBe(coupon.id);

    const stays = await subscriber();
    expect(await stays.page()).toContain('Before you go Stay and get 20% off for the next 3 months. Accept offer');
    expect(await stays.post('/portal/api/subscription/retention', { subscriptionId: stays.sub.id })).toMatchObject({ status: 200, body: { status: 'active', coupon: coupon.id } });
    expect(await subscription(stays.sub.id)).toMatchObject({ coupon: coupon.id, cancelAtPeriodEnd: false, retentionOffer: { coupon: coupon.id, outcome: 'accepted' } });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${stays.customerId}`)).body.total).toBe(800);
    const events = ((await api(billing(), 'GET', '/api/v1/events?type=plugipay.subscription.updated.v1&limit=100')).body.data as TBody[]).filter((e) => e.data.object.id === stays.sub.id);
    expect(events.map((e) => e.data.object.retentionOffer?.outcome)).toContain('accepted');
    expect(await stays.page()).not.toContain('Stay and get');
    expect((await stays.post('/portal/api/subscription/retention', { subscriptionId: stays.sub.id })).body.error).toMatchObject({ code: 'invalid_state' });

    const leaves = await subscriber();
    expect(await leaves.page()).toContain('Stay and get 20% off');
    expect((await leaves.post('/portal/api/subscription/cancel', { subscriptionId: leaves.sub.id, reason: 'too_expensive' })).status).toBe(200);
    expect(await subscription(leaves.sub.id)).toMatchObject({ cancelAtPeriodEnd: true, coupon: null, cancellationDetails: { reason: 'too_expensive' }, retentionOffer: { coupon: coupon.id, outcome: 'declined' } });
  });

  it('is refused where none is configured and for another customer’s subscription; a coupon of another account is not taken', async () => {
    const coupon = (await api(billing(), 'POST', '/api/v1/coupons', { amountOff: 500, currency: 'USD', duration: 'once' })).body;
    await offer(coupon.id);
    const mine = await subscriber();
    const theirs = await subscriber();
    expect(await mine.page()).toContain('Stay and get $5.00 off your next invoice.');
    expect((await mine.post('/portal/api/subscription/retention', { subscriptionId: theirs.sub.id })).status).toBe(404);
    expect((await subscription(theirs.sub.id)).coupon).toBeNull();

    const foreign = (await api(server.fixtures.featureAccount, 'POST', '/api/v1/coupons', { percentOff: 50, duration: 'forever' })).body;
    expect((await offer(foreign.id)).body.error).toMatchObject({ code: 'not_found', param: 'features.subscriptionCancel.retentionCoupon' });

    await offer(null);
    expect(await mine.page()).not.toContain('Stay and get');
    expect((await mine.post('/portal/api/subscription/retention', { subscriptionId: mine.sub.id })).status).toBe(403);
    expect((await mine.post('/portal/api/subscription/cancel', { subscriptionId: mine.sub.id })).status).toBe(200);
    expect((await subscription(mine.sub.id)).retentionOffer).toBeNull();
  });

  it('taking the offer in a cancel flow ends the flow, back at the merchant; another subscription’s offer is not the flow’s', async () => {
    const coupon = (await api(billing(), 'POST', '/api/v1/coupons', { percentOff: 10, duration: 'forever' })).body;
    await offer(coupon.id);
    const { customerId, sub } = await subscriber();
    const other = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: sub.items[0].price.id }] })).body;
    const returnUrl = 'https://merchant.example/account?stayed=1';
    const session = await mintPortalSession(server.baseUrl, billing(), { customerId, returnUrl, flow: { type: 'subscription_cancel', subscriptionId: sub.id } });
    const { cookie } = await openLink(session.url);
    const retain = (subscriptionId: string) =>
      portalFetch(server.baseUrl, '/portal/api/subscription/retention', cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify({ subscriptionId }) });
    expect(textOf(await (await portalFetch(server.baseUrl, '/portal/flow/cancel', cookie)).text())).toContain('Stay and get 10% off every invoice from now on.');
    expect((await retain(other.id)).status).toBe(403);
    expect(await (await retain(sub.id)).json()).toMatchObject({ status: 'active', coupon: coupon.id, redirectTo: returnUrl });
    expect((await subscription(other.id)).coupon).toBeNull();
  });
});
