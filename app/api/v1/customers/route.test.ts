import { describe, expect, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { apiCaller, uniqueTag, type TKey } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';
import { signedFetch } from '@/lib/testing/signed-fetch';

const server = runningServer();

const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const unique = uniqueTag;

async function eventsOf(key: TKey, type: string): Promise<{ data: { object: { id: string } } }[]> {
  return (await api(key, 'GET', `/api/v1/events?type=${type}&limit=100`)).body.data;
}

describe('customers', () => {
  it('are created, read, updated, listed by email, each change with its event', async () => {
    const email = `ada-${unique()}@example.com`;
    const created = await api(billing(), 'POST', '/api/v1/customers', {
      email, name: 'Ada Lovelace', phone: '+44 20 7946 0958',
      address: { line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      taxIds: [{ type: 'gb_vat', value: 'GB 123 456 789' }], preferredLocales: ['en-gb', 'de'], metadata: { crmId: '42', plan: 'pro' },
    });
    expect(created.status).toBe(201);
    const customer = created.body;
    expect(customer).toEqual({
      id: expect.stringMatching(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/), object: 'customer', email, name: 'Ada Lovelace', phone: '+44 20 7946 0958',
      address: { line1: '12 St James’s Square', line2: null, city: 'London', state: null, postalCode: 'SW1Y 4JH', country: 'GB' },
      taxIds: [{ type: 'gb_vat', value: 'GB123456789' }], preferredLocales: ['en-GB', 'de'], testClock: null, balances: {}, metadata: { crmId: '42', plan: 'pro' },
      createdAt: expect.any(String),
    });
    expect(await api(billing(), 'GET', `/api/v1/customers/${customer.id}`)).toEqual({ status: 200, body: customer });

    const updated = await api(billing(), 'PATCH', `/api/v1/customers/${customer.id}`, { name: null, metadata: { plan: '', seats: '3' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: null, email, metadata: { crmId: '42', seats: '3' } });
    expect(updated.body.metadata).not.toHaveProperty('plan');

    const listed = await api(billing(), 'GET', `/api/v1/customers?email=${encodeURIComponent(email)}`);
    expect(listed.body).toEqual({ object: 'list', data: [updated.body], hasMore: false });

    expect((await eventsOf(billing(), 'plugipay.customer.created.v1')).map((e) => e.data.object.id)).toContain(customer.id);
    const updates = (await eventsOf(billing(), 'plugipay.customer.updated.v1')).filter((e) => e.data.object.id === customer.id);
    expect(updates).toHaveLength(1);
  });

  it('page newest first, forwards with startingAfter and back with endingBefore', async () => {
    // One email for the five (emails need not be unique), so that other tests' customers stay out of the pages.
    const email = `page-${unique()}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api(billing(), 'POST', '/api/v1/customers', { email, name: `Page ${i}` })).body.id);
    const newestFirst = [...ids].reverse();
    const list = async (query: string) => (await api(billing(), 'GET', `/api/v1/customers?email=${encodeURIComponent(email)}&${query}`)).body;
    const first = await list('limit=2');
    expect(first.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.hasMore).toBe(true);
    const second = await list(`limit=2&startingAfter=${newestFirst[1]}`);
    expect(second.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.slice(2, 4));
    const last = await list(`limit=2&startingAfter=${newestFirst[3]}`);
    expect(last).toMatchObject({ data: [expect.objectContaining({ id: newestFirst[4] })], hasMore: false });
    const back = await list(`limit=2&endingBefore=${newestFirst[2]}`);
    expect(back.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.slice(0, 2));
    const both = await api(billing(), 'GET', `/api/v1/customers?startingAfter=${ids[0]}&endingBefore=${ids[1]}`);
    expect(both.status).toBe(400);
  });

  it('belong to one account: another merchant gets 404 and never sees them', async () => {
    const mine = (await api(billing(), 'POST', '/api/v1/customers', { email: `mine-${unique()}@example.com` })).body;
    const other = server.creds.otherMerchant;
    for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'Stolen' }], ['DELETE', undefined]] as const) {
      const res = await api(other, method, `/api/v1/customers/${mine.id}`, body);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found' });
    }
    expect((await api(other, 'GET', `/api/v1/customers?email=${encodeURIComponent(mine.email)}`)).body.data).toEqual([]);
    expect((await api(billing(), 'GET', `/api/v1/customers/${mine.id}`)).body.name).toBeNull();
  });

  it('are created by a platform for the merchant it manages, and for no other', async () => {
    const email = `managed-${unique()}@example.com`;
    const { platform, merchant } = server.creds;
    const made = await api(platform, 'POST', '/api/v1/customers', { email }, { 'Plugipay-On-Behalf-Of': platform.managedAccountId });
    expect(made.status).toBe(201);
    expect((await api(merchant, 'GET', `/api/v1/customers?email=${encodeURIComponent(email)}`)).body.data.map((c: { id: string }) => c.id)).toEqual([made.body.id]);
    const elsewhere = await api(platform, 'POST', '/api/v1/customers', { email }, { 'Plugipay-On-Behalf-Of': server.creds.otherMerchant.accountId });
    expect(elsewhere.status).toBe(403);
  });

  it('need the billing scopes: a read key reads but cannot write, a key without them is refused', async () => {
    const read = server.fixtures.billingReadKey;
    expect((await api(read, 'GET', '/api/v1/customers')).status).toBe(200);
    const write = await api(read, 'POST', '/api/v1/customers', { email: `scope-${unique()}@example.com` });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain('plugipay:billing:write');
    expect((await api(server.creds.noScopeKey, 'GET', '/api/v1/customers')).status).toBe(403);
  });

  it.each([
    ['no email', {}, 'email'],
    ['a malformed email', { email: 'ada@' }, 'email'],
    ['a lower-case country', { email: 'a@example.com', address: { country: 'gb' } }, 'address.country'],
    ['a tax ID in the wrong format', { email: 'a@example.com', taxIds: [{ type: 'eu_vat', value: 'DE12' }] }, 'taxIds.0.value'],
    ['an unknown tax ID type', { email: 'a@example.com', taxIds: [{ type: 'xx_vat', value: '1' }] }, 'taxIds.0.type'],
    ['a phone without digits enough', { email: 'a@example.com', phone: '+1' }, 'phone'],
    ['a locale that is no language tag', { email: 'a@example.com', preferredLocales: ['english!'] }, 'preferredLocales.0'],
    ['51 metadata keys', { email: 'a@example.com', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
    ['a metadata value that is not a string', { email: 'a@example.com', metadata: { n: 1 } }, 'metadata.n'],
    ['an unknown field', { email: 'a@example.com', vip: true }, 'vip'],
  ])('refuse %s, naming the field and creating nothing', async (_, body, param) => {
    // Each valid email is made unique, so that "nothing was created" is asked of this request alone.
    const marker = `refused-${unique()}@example.com`;
    const sent = (body as { email?: string }).email === 'a@example.com' ? { ...body, email: marker } : body;
    const res = await api(billing(), 'POST', '/api/v1/customers', sent);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
    expect((await api(billing(), 'GET', `/api/v1/customers?email=${encodeURIComponent(marker)}`)).body.data).toEqual([]);
  });

  it('replay a create retried with its Idempotency-Key, making one customer', async () => {
    const email = `retry-${unique()}@example.com`;
    const headers = { 'Idempotency-Key': `create-${email}` };
    const first = await api(billing(), 'POST', '/api/v1/customers', { email }, headers);
    const again = await api(billing(), 'POST', '/api/v1/customers', { email }, headers);
    expect(again).toEqual(first);
    expect((await api(billing(), 'GET', `/api/v1/customers?email=${encodeURIComponent(email)}`)).body.data).toHaveLength(1);
  });

  it('are deleted: subscriptions end now, cards detach, links and logins stop, the books stay', async () => {
    const customerId = server.fixtures.customers.apiDeleteCustomer;
    const unopened = await mintPortalSession(server.baseUrl, billing(), { customerId });
    const live = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId })).url);
    expect((await portalFetch(server.baseUrl, '/portal', live.cookie)).status).toBe(200);

    const deleted = await api(billing(), 'DELETE', `/api/v1/customers/${customerId}`);
    expect(deleted).toEqual({ status: 200, body: { id: customerId, object: 'customer', deleted: true } });

    expect((await api(billing(), 'GET', `/api/v1/customers/${customerId}`)).body).toEqual({ id: customerId, object: 'customer', deleted: true });
    expect((await api(billing(), 'DELETE', `/api/v1/customers/${customerId}`)).status).toBe(404);
    expect((await api(billing(), 'PATCH', `/api/v1/customers/${customerId}`, { name: 'Back' })).status).toBe(404);
    expect((await api(billing(), 'GET', '/api/v1/customers?limit=100')).body.data.map((c: { id: string }) => c.id)).not.toContain(customerId);

    expect((await portalFetch(server.baseUrl, '/portal', live.cookie)).status).toBe(401);
    expect((await openLink(unopened.url)).cookie).toBeUndefined();
    const mint = await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', key: billing(), body: { customerId, returnUrl: 'https://yourapp.com/billing' } });
    expect(mint.status).toBe(404);

    const canceled = (await eventsOf(billing(), 'plugipay.subscription.canceled.v1')).map((e) => e.data.object as { customerId?: string; status?: string });
    expect(canceled.filter((s) => s.customerId === customerId)).toEqual([expect.objectContaining({ status: 'canceled' })]);
    const detached = (await eventsOf(billing(), 'plugipay.payment_method.detached.v1')).filter((e) => (e.data.object as { customerId?: string }).customerId === customerId);
    expect(detached.length).toBeGreaterThan(0);
    expect((await eventsOf(billing(), 'plugipay.customer.deleted.v1')).map((e) => e.data.object.id)).toContain(customerId);
  });
});
