import { describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

// A flow link does one task: the server refuses everything else its login asks for.
const server = runningServer();

const ID = '[0-9A-HJKMNP-TV-Z]{26}';
const PORTAL_PAGES = ['/portal', '/portal/receipts', '/portal/invoices', '/portal/subscription', '/portal/payment-method'];

async function login(customerId: string, flow?: Parameters<typeof mintPortalSession>[2]['flow']) {
  const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId, flow });
  const { cookie } = await openLink(session.url);
  const get = (path: string) => portalFetch(server.baseUrl, path, cookie);
  const post = (path: string, body?: unknown) =>
    portalFetch(server.baseUrl, path, cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  const del = (path: string) => portalFetch(server.baseUrl, path, cookie, { method: 'DELETE', headers: { Origin: server.baseUrl } });
  return { get, post, del };
}

/** The customer's objects, read through an ordinary login (which a flow login then replaces). */
async function objectsOf(customerId: string) {
  const { get } = await login(customerId);
  const html = (await Promise.all(['/portal/invoices', '/portal/receipts', '/portal/payment-method', '/portal/subscription'].map(async (p) => (await get(p)).text()))).join('\n');
  const first = (pattern: string) => html.match(new RegExp(pattern))![0];
  return {
    invoice: first(`inv_${ID}`),
    receipt: first(`pay_${ID}`),
    card: first(`pm_${ID}`),
    subscription: first(`sub_${ID}`),
  };
}

async function expectForbidden(res: Response) {
  expect(res.status).toBe(403);
  expect((await res.json()).error.code).toBe('forbidden');
}

describe('a payment-method flow login', () => {
  it('is led back to its flow from every page, and refused every PDF and every other action', async () => {
    const customer = server.fixtures.customers.apiFlowCardScope;
    const own = await objectsOf(customer);
    const { get, post, del } = await login(customer, { type: 'payment_method_update' });

    for (const path of [...PORTAL_PAGES, `/portal/receipts/${own.receipt}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(307);
      expect(res.headers.get('location'), path).toBe('/portal/flow/payment-method');
      expect(await res.text(), path).not.toContain(own.invoice);
    }
    await expectForbidden(await get(`/portal/invoices/${own.invoice}/pdf`));
    await expectForbidden(await get(`/portal/receipts/${own.receipt}/pdf`));
    await expectForbidden(await post('/portal/api/subscription/cancel', { subscriptionId: own.subscription }));
    await expectForbidden(await post(`/portal/api/payment-methods/${own.card}/default`));
    await expectForbidden(await del(`/portal/api/payment-methods/${own.card}`));
    // The subscription is untouched.
    expect(await (await get('/portal/flow/payment-method')).text()).toContain('Add a card');

    // Its own task still works, and ends the login.
    const added = await post('/portal/api/payment-methods', { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' });
    expect(added.status).toBe(200);
    expect((await added.json()).redirectTo).toMatch(/^https:\/\/yourapp\.com\//);
  });
});

describe('a cancel flow login', () => {
  it('may cancel its subscription and nothing else', async () => {
    const customer = server.fixtures.customers.apiFlowCancelScope;
    const own = await objectsOf(customer);
    const { get, post } = await login(customer, { type: 'subscription_cancel', subscriptionId: own.subscription });

    for (const path of PORTAL_PAGES) {
      const res = await get(path);
      expect(res.status, path).toBe(307);
      expect(res.headers.get('location'), path).toBe('/portal/flow/cancel');
    }
    expect((await get('/portal/flow/payment-method')).headers.get('location')).toBe('/portal/flow/cancel');
    await expectForbidden(await get(`/portal/invoices/${own.invoice}/pdf`));
    await expectForbidden(await post('/portal/api/payment-methods', { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' }));
    await expectForbidden(await post('/portal/api/subscription/cancel', { subscriptionId: `sub_01HM56NZ00AAAAAAAAAAAAAAAA` }));
    await expectForbidden(await post('/portal/api/subscription/resume', { subscriptionId: own.subscription }));

    const canceled = await post('/portal/api/subscription/cancel', { subscriptionId: own.subscription });
    expect(canceled.status).toBe(200);
  });
});

describe('a flow’s afterCompletion', () => {
  const api = apiCaller(server);
  const addCard = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' };
  const newCustomer = async () => (await api(server.creds.merchant, 'POST', '/api/v1/customers', { email: `after-${uniqueTag()}@example.com` })).body.id as string;

  it('ends on a hosted confirmation with the way back, and nothing else is open to it then', async () => {
    const { get, post } = await login(await newCustomer(), { type: 'payment_method_update', afterCompletion: { type: 'hosted_confirmation' } });
    expect((await get('/portal/flow/complete')).headers.get('location')).toBe('/portal/flow/payment-method');
    const added = await post('/portal/api/payment-methods', addCard);
    expect((await added.json()).redirectTo).toBe('/portal/flow/complete');
    const page = await get('/portal/flow/complete');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Your payment method is saved[\s\S]*Return to Acme Cloud/);
    expect((await get('/portal/flow/payment-method')).headers.get('location')).toBe('/portal/flow/complete');
    await expectForbidden(await post('/portal/api/payment-methods', { ...addCard, number: '5555555555554444' }));
  });

  it('carries on into the whole portal with portal_homepage', async () => {
    const customer = await newCustomer();
    const minted = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: customer, flow: { type: 'payment_method_update' } });
    expect(minted.flow).toEqual({ type: 'payment_method_update', afterCompletion: { type: 'redirect' } });
    const { get, post } = await login(customer, { type: 'payment_method_update', afterCompletion: { type: 'portal_homepage' } });
    expect((await get('/portal/invoices')).status).toBe(307);
    expect((await (await post('/portal/api/payment-methods', addCard)).json()).redirectTo).toBe('/portal');
    expect((await get('/portal')).status).toBe(200);
    expect((await get('/portal/invoices')).status).toBe(200);
  });
});
