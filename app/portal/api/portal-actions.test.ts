import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { describeRunningServer, readCredentials, readFixtures, type TTestFixtures, type TTestServer } from '@/lib/testing/test-server';
import type { TDemoCredentials } from '@/prisma/seed/seed-demo-data';

let server: TTestServer;
let creds: TDemoCredentials;
let fixtures: TTestFixtures;
beforeAll(() => {
  server = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
  creds = readCredentials(server.credentialsPath);
  fixtures = readFixtures(server.dataDir);
});

async function login(customerId: string, key: { keyId: string; secret: string } = creds.merchant, body: Record<string, unknown> = {}) {
  const session = await mintPortalSession(server.baseUrl, key, { customerId, ...body });
  const { cookie } = await openLink(session.url);
  const call = (method: string, path: string, payload?: unknown) =>
    portalFetch(server.baseUrl, path, cookie, {
      method,
      headers: { Origin: server.baseUrl, ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  return { cookie: cookie!, session, call };
}

const futureYear = new Date().getUTCFullYear() + 2;
const card = (number: string, extra: Record<string, unknown> = {}) => ({ number, expMonth: 12, expYear: futureYear, cvc: '123', ...extra });

async function cardsOf(cookie: string) {
  const html = await (await portalFetch(server.baseUrl, '/portal/payment-method', cookie)).text();
  return [...html.matchAll(/<p class="font-medium">(Visa|Mastercard|American Express) ending in (\d{4})<\/p>/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('saving cards through the portal', () => {
  it('saves a test card; only brand, last four and expiry come back', async () => {
    const { call, cookie } = await login(fixtures.customers.apiCards);
    const before = await cardsOf(cookie);
    const res = await call('POST', '/portal/api/payment-methods', card('4242 4242 4242 4242', { name: 'Mia Many' }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('4242424242424242');
    expect(text).not.toContain('"cvc"');
    expect(JSON.parse(text).paymentMethod).toMatchObject({ card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: futureYear }, isDefault: false });
    expect(await cardsOf(cookie)).toEqual([...before, 'Visa 4242']);
  });

  it.each([
    ['a declined card', '4000000000000002', {}, 'card_declined'],
    ['a processing error', '4000000000000119', {}, 'processing_error'],
    ['insufficient funds', '4000000000009995', {}, 'insufficient_funds'],
    ['a number that fails Luhn', '4242424242424241', {}, 'invalid_number'],
    ['an expired card', '4242424242424242', { expYear: 2020 }, 'expired_card'],
    ['an Amex with a three-digit CVC', '378282246310005', { cvc: '123' }, 'invalid_cvc'],
    ['a month that does not exist', '4242424242424242', { expMonth: 13 }, 'invalid_expiry'],
  ])('refuses %s with its code and changes nothing', async (_, number, extra, code) => {
    const { call, cookie } = await login(fixtures.customers.apiCards);
    const before = await cardsOf(cookie);
    const res = await call('POST', '/portal/api/payment-methods', card(number, extra));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation_error', message: code });
    expect(await cardsOf(cookie)).toEqual(before);
  });

  it('makes a card the default, and refuses to remove the default while another card exists', async () => {
    const { call } = await login(fixtures.customers.apiCards);
    const added = (await (await call('POST', '/portal/api/payment-methods', card('5555555555554444'))).json()).paymentMethod;
    const res = await call('POST', `/portal/api/payment-methods/${added.id}/default`);
    expect(res.status).toBe(200);
    expect((await res.json()).paymentMethod).toMatchObject({ id: added.id, isDefault: true });
    const refused = await call('DELETE', `/portal/api/payment-methods/${added.id}`);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toBe('default_card');
  });

  it('removes a card that is not the default', async () => {
    const { call, cookie } = await login(fixtures.customers.apiCards);
    const added = (await (await call('POST', '/portal/api/payment-methods', card('378282246310005', { cvc: '1234' }))).json()).paymentMethod;
    expect(await cardsOf(cookie)).toContain('American Express 0005');
    const res = await call('DELETE', `/portal/api/payment-methods/${added.id}`);
    expect(res.status).toBe(200);
    expect((await cardsOf(cookie)).filter((c) => c === 'American Express 0005')).toHaveLength(1);
  });

  it('never removes a subscriber’s last card', async () => {
    const { call, cookie } = await login(fixtures.customers.apiLastCard);
    const html = await (await portalFetch(server.baseUrl, '/portal/payment-method', cookie)).text();
    expect(await cardsOf(cookie)).toEqual(['Visa 4242']);
    // The page offers no way to remove it, and the server refuses when asked anyway.
    expect(html).not.toMatch(/>Remove<\/button>/);
    const only = /pm_[0-9A-HJKMNP-TV-Z]{26}/.exec(html)![0];
    const res = await call('DELETE', `/portal/api/payment-methods/${only}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('last_card_of_subscriber');
    expect(await cardsOf(cookie)).toEqual(['Visa 4242']);
  });

  it('cannot touch another customer’s card', async () => {
    const other = await login(fixtures.customers.apiCards);
    // A number of its own: the same card twice is refused.
    const theirs = (await (await other.call('POST', '/portal/api/payment-methods', card('4000056655665556'))).json()).paymentMethod;
    const { call } = await login(fixtures.customers.apiCancel);
    expect((await call('POST', `/portal/api/payment-methods/${theirs.id}/default`)).status).toBe(404);
    expect((await call('DELETE', `/portal/api/payment-methods/${theirs.id}`)).status).toBe(404);
  });

  it('refuses a change from another site', async () => {
    const { cookie } = await login(fixtures.customers.apiCards);
    const res = await portalFetch(server.baseUrl, '/portal/api/payment-methods', cookie, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify(card('4242424242424242')),
    });
    expect(res.status).toBe(403);
  });
});

describe('cancelling and resuming', () => {
  it('cancels at the period end once however often asked, then resumes', async () => {
    const { call, cookie } = await login(fixtures.customers.apiCancel);
    const html = await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text();
    expect(html).toContain('Next charge');
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(html)![0];
    const first = await call('POST', '/portal/api/subscription/cancel', { subscriptionId, reason: 'too_expensive', comment: 'Budget cuts' });
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    const twice = await call('POST', '/portal/api/subscription/cancel', { subscriptionId });
    expect(await twice.json()).toEqual(body);
    expect(await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text()).toContain('Your subscription ends on');
    const resumed = await call('POST', '/portal/api/subscription/resume', { subscriptionId });
    expect(await resumed.json()).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect(await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text()).toContain('Next charge');
  });

  it('refuses a reason the account does not offer', async () => {
    const { call, cookie } = await login(fixtures.customers.apiCancel);
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text())![0];
    const res = await call('POST', '/portal/api/subscription/cancel', { subscriptionId, reason: 'aliens' });
    expect(res.status).toBe(400);
  });

  it('cancels at once where the account is configured so', async () => {
    const { call, cookie } = await login(fixtures.customers.apiCancelNow, creds.otherMerchant);
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text())![0];
    const res = await call('POST', '/portal/api/subscription/cancel', { subscriptionId });
    expect(await res.json()).toMatchObject({ status: 'canceled', cancelAtPeriodEnd: false });
    expect(await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text()).toContain('Anda tidak memiliki langganan aktif');
  });

  it('a finished cancel flow ends the login and returns to returnUrl', async () => {
    const customerId = fixtures.customers.apiCancelFlow;
    const peek = await login(customerId);
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(await (await portalFetch(server.baseUrl, '/portal/subscription', peek.cookie)).text())![0];
    const flow = await login(customerId, creds.merchant, { flow: { type: 'subscription_cancel', subscriptionId } });
    const res = await flow.call('POST', '/portal/api/subscription/cancel', { subscriptionId });
    expect(res.status).toBe(200);
    expect((await res.json()).redirectTo).toBe('https://yourapp.com/account/billing?from=portal');
    expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await portalFetch(server.baseUrl, '/portal', flow.cookie)).status).toBe(401);
  });
});

describe('features the account turned off', () => {
  it('are absent from the page and refused by the server', async () => {
    const account = fixtures.featureAccount;
    const { call, cookie } = await login(fixtures.customers.apiFeatures, account);
    const invoiceId = /\/portal\/invoices\/(inv_[0-9A-HJKMNP-TV-Z]{26})/.exec(await (await portalFetch(server.baseUrl, '/portal/invoices', cookie)).text())![1]!;
    const off = { features: { invoiceHistory: { enabled: false }, paymentMethodUpdate: { enabled: false }, subscriptionCancel: { enabled: false } } };
    const patched = await signedFetch(server.baseUrl, { method: 'PATCH', path: '/api/v1/portal-configuration', key: account, body: off });
    expect(patched.status).toBe(200);
    expect((await patched.json()).features).toMatchObject({ invoiceHistory: { enabled: false }, paymentMethodUpdate: { enabled: false }, subscriptionCancel: { enabled: false } });

    const overview = await (await portalFetch(server.baseUrl, '/portal', cookie)).text();
    expect(overview).not.toContain('href="/portal/invoices"');
    expect(overview).not.toContain('href="/portal/payment-method"');
    expect((await portalFetch(server.baseUrl, '/portal/invoices', cookie)).status).toBe(307);
    const subscription = await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text();
    expect(subscription).not.toMatch(/<button[^>]*>Cancel subscription<\/button>/);
    const subscriptionId = /sub_[0-9A-HJKMNP-TV-Z]{26}/.exec(subscription)?.[0] ?? 'sub_01HM56NZ00AAAAAAAAAAAAAAAA';
    expect((await call('POST', '/portal/api/subscription/cancel', { subscriptionId })).status).toBe(403);
    expect((await call('POST', '/portal/api/payment-methods', card('4242424242424242'))).status).toBe(403);
    const paymentId = /pay_[0-9A-HJKMNP-TV-Z]{26}/.exec(await (await portalFetch(server.baseUrl, '/portal/receipts', cookie)).text())![0];
    const receipt = await (await portalFetch(server.baseUrl, `/portal/receipts/${paymentId}`, cookie)).text();
    expect(receipt).not.toContain('href="/portal/invoices/');
    expect((await portalFetch(server.baseUrl, `/portal/invoices/${invoiceId}`, cookie)).status).toBe(307);
    expect((await portalFetch(server.baseUrl, `/portal/invoices/${invoiceId}/pdf`, cookie)).status).toBe(404);
    // A flow for a disabled feature cannot even be created.
    const res = await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', key: account, body: { customerId: fixtures.customers.apiFeatures, returnUrl: 'https://a.example', flow: { type: 'payment_method_update' } } });
    expect(res.status).toBe(400);
  });
});
