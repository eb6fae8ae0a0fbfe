import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readCredentials } from '@/lib/testing/test-server';
import { signedFetch, type TSignedRequest } from '@/lib/testing/signed-fetch';
import type { TDemoCredentials } from '@/prisma/seed/seed-demo-data';

const PATH = '/api/v1/portal-sessions';
let baseUrl: string;
let creds: TDemoCredentials;
beforeAll(() => {
  baseUrl = inject('baseUrl');
  creds = readCredentials(inject('credentialsPath'));
});

const create = (body: unknown, extra: Partial<TSignedRequest> = {}) => signedFetch(baseUrl, { path: PATH, body, key: creds.merchant, ...extra });
const validBody = () => ({ customerId: creds.customers.active, returnUrl: 'https://yourapp.com/account/billing?from=portal' });

async function expectError(res: Response, status: number, code: string, param?: string) {
  const body = await res.json();
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.requestId).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  expect(res.headers.get('plugipay-request-id')).toBe(body.error.requestId);
  if (param) expect(body.error.param).toBe(param);
  return body.error;
}

describe('POST /api/v1/portal-sessions', () => {
  it('mints a session for the customer, with a link under the portal base URL that expires in 5 minutes', async () => {
    const res = await create({ ...validBody(), locale: 'id' });
    expect(res.status).toBe(201);
    expect(res.headers.get('plugipay-request-id')).toMatch(/^req_/);
    const session = await res.json();
    expect(session).toEqual({
      id: expect.stringMatching(/^pls_[0-9A-HJKMNP-TV-Z]{26}$/),
      object: 'portal_session',
      customerId: creds.customers.active,
      url: expect.stringMatching(new RegExp(`^${baseUrl}/p/[A-Za-z0-9._-]+$`)),
      returnUrl: 'https://yourapp.com/account/billing?from=portal',
      locale: 'id',
      flow: null,
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(5 * 60 * 1000);
    expect(Math.abs(Date.parse(session.createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it('defaults the locale to auto and accepts plain http for localhost', async () => {
    const res = await create({ customerId: creds.customers.idr, returnUrl: 'http://localhost:8080/done' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ locale: 'auto', returnUrl: 'http://localhost:8080/done' });
  });

  it('records a flow', async () => {
    const res = await create({ ...validBody(), flow: { type: 'payment_method_update' } });
    expect(res.status).toBe(201);
    expect((await res.json()).flow).toEqual({ type: 'payment_method_update', afterCompletion: { type: 'redirect' } });
  });

  describe('validation_error (400), naming the field', () => {
    it.each([
      ['a missing customerId', { returnUrl: 'https://a.example' }, 'customerId'],
      ['a malformed customerId', { customerId: 'cus_123', returnUrl: 'https://a.example' }, 'customerId'],
      ['a customerId of the wrong type', { customerId: 42, returnUrl: 'https://a.example' }, 'customerId'],
      ['a missing returnUrl', {}, 'returnUrl'],
      ['plain http off localhost', { returnUrl: 'http://yourapp.com/billing' }, 'returnUrl'],
      ['a relative returnUrl', { returnUrl: '/account/billing' }, 'returnUrl'],
      ['a javascript: returnUrl', { returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
      ['a data: returnUrl', { returnUrl: 'data:text/html,hi' }, 'returnUrl'],
      ['a file: returnUrl', { returnUrl: 'file:///etc/passwd' }, 'returnUrl'],
      ['a returnUrl with credentials', { returnUrl: 'https://user:pass@yourapp.com/' }, 'returnUrl'],
      ['a returnUrl over 2048 characters', { returnUrl: `https://yourapp.com/${'a'.repeat(2040)}` }, 'returnUrl'],
      ['an unsupported locale', { locale: 'xx' }, 'locale'],
      ['an unknown flow type', { flow: { type: 'refund' } }, 'flow.type'],
      ['a cancel flow without its subscription', { flow: { type: 'subscription_cancel' } }, 'flow.subscriptionId'],
      ['an unknown field', { color: 'red' }, 'color'],
    ])('refuses %s', async (_, patch, param) => {
      const body = { ...validBody(), ...patch } as Record<string, unknown>;
      if (!('returnUrl' in patch) && param === 'returnUrl') delete body.returnUrl;
      if (param === 'customerId' && !('customerId' in patch)) delete body.customerId;
      const error = await expectError(await create(body), 400, 'validation_error', param);
      if (param === 'color') expect(error.message).toContain('color');
    });

    it('refuses a body that is not JSON', async () => {
      await expectError(await create(undefined, { rawBody: '{"customerId": ' }), 400, 'validation_error');
    });

    it('refuses a body over the size limit', async () => {
      await expectError(await create({ ...validBody(), pad: 'x'.repeat(70 * 1024) }), 400, 'validation_error');
    });
  });

  describe('unauthorized (401)', () => {
    it('without an Authorization header', async () => {
      const res = await fetch(`${baseUrl}${PATH}`, { method: 'POST', body: JSON.stringify(validBody()), headers: { 'Content-Type': 'application/json' } });
      await expectError(res, 401, 'unauthorized');
    });

    it('with a malformed Authorization header', async () => {
      await expectError(await create(validBody(), { headers: { Authorization: 'Bearer nope' } }), 401, 'unauthorized');
    });

    it.each([
      ['stale', -301],
      ['future', 301],
    ])('with a %s timestamp', async (_, offset) => {
      await expectError(await create(validBody(), { timestamp: Math.floor(Date.now() / 1000) + offset }), 401, 'unauthorized');
    });

    it('with an unknown key', async () => {
      await expectError(await create(validBody(), { key: { keyId: 'key_01HM56NZ00AAAAAAAAAAAAAAAA', secret: creds.merchant.secret } }), 401, 'unauthorized');
    });

    it('with another key’s secret', async () => {
      await expectError(await create(validBody(), { key: { keyId: creds.merchant.keyId, secret: creds.otherMerchant.secret } }), 401, 'unauthorized');
    });

    it.each([
      ['another body', { body: JSON.stringify({ customerId: 'cus_other' }) }],
      ['another path', { path: '/api/v1/webhook-endpoints' }],
      ['another query', { path: `${PATH}?x=1` }],
      ['another method', { method: 'PUT' }],
      ['another timestamp', { timestamp: String(Math.floor(Date.now() / 1000) - 10) }],
    ])('with a signature made over %s', async (_, signAs) => {
      await expectError(await create(validBody(), { signAs }), 401, 'unauthorized');
    });

    it('when the query string was changed after signing', async () => {
      await expectError(await create(validBody(), { path: `${PATH}?x=2`, signAs: { path: `${PATH}?x=1` } }), 401, 'unauthorized');
    });
  });

  describe('forbidden (403)', () => {
    it('for a key without plugipay:portal:create', async () => {
      await expectError(await create(validBody(), { key: creds.noScopeKey }), 403, 'forbidden');
    });

    it('for Plugipay-On-Behalf-Of with a merchant key', async () => {
      const headers = { 'Plugipay-On-Behalf-Of': creds.otherMerchant.accountId };
      await expectError(await create(validBody(), { headers }), 403, 'forbidden');
    });

    it.each([
      ['a merchant it does not manage', () => creds.otherMerchant.accountId],
      ['an account that does not exist', () => 'acc_01HM56NZ00AAAAAAAAAAAAAAAA'],
      ['itself', () => creds.platform.accountId],
      ['a malformed id', () => 'not-an-id'],
    ])('for a platform key acting for %s', async (_, target) => {
      const res = await create({ ...validBody(), customerId: creds.customers.otherMerchant }, { key: creds.platform, headers: { 'Plugipay-On-Behalf-Of': target() } });
      await expectError(res, 403, 'forbidden');
    });
  });

  it('lets a platform key act for a merchant it manages', async () => {
    const res = await create(validBody(), { key: creds.platform, headers: { 'Plugipay-On-Behalf-Of': creds.platform.managedAccountId } });
    expect(res.status).toBe(201);
    expect((await res.json()).customerId).toBe(creds.customers.active);
  });

  describe('not_found (404), the same whether the customer exists elsewhere or not at all', () => {
    it.each([
      ['another merchant’s customer', () => creds.customers.otherMerchant],
      ['a customer that does not exist', () => 'cus_01HM56NZ00AAAAAAAAAAAAAAAA'],
    ])('for %s', async (_, customerId) => {
      const error = await expectError(await create({ ...validBody(), customerId: customerId() }), 404, 'not_found', 'customerId');
      expect(error.message).toBe(`No such customer: ${customerId()}.`);
    });

    it('for a platform key without On-Behalf-Of asking for its merchant’s customer', async () => {
      await expectError(await create(validBody(), { key: creds.platform }), 404, 'not_found', 'customerId');
    });

    it('for a cancel flow naming another customer’s subscription', async () => {
      const other = await create({ ...validBody(), customerId: creds.customers.canceling });
      expect(other.status).toBe(201);
      const res = await create({ ...validBody(), flow: { type: 'subscription_cancel', subscriptionId: 'sub_01HM56NZ00AAAAAAAAAAAAAAAA' } });
      await expectError(res, 404, 'not_found', 'flow.subscriptionId');
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body', async () => {
      const headers = { 'Idempotency-Key': `replay-${Date.now()}` };
      const first = await create(validBody(), { headers });
      const second = await create(validBody(), { headers });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
    });

    it('answers 409 for the same key with another body, and creates nothing', async () => {
      const headers = { 'Idempotency-Key': `conflict-${Date.now()}` };
      const first = await create(validBody(), { headers });
      expect(first.status).toBe(201);
      await expectError(await create({ ...validBody(), locale: 'id' }, { headers }), 409, 'idempotency_conflict', 'Idempotency-Key');
    });

    it('keeps keys apart between accounts', async () => {
      const headers = { 'Idempotency-Key': `shared-${Date.now()}` };
      const mine = await create(validBody(), { headers });
      const theirs = await create({ ...validBody(), customerId: creds.customers.otherMerchant }, { headers, key: creds.otherMerchant });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect((await mine.json()).id).not.toBe((await theirs.json()).id);
    });

    it('keeps a platform acting for a merchant apart from the merchant’s own keys (it never sees their replies)', async () => {
      const headers = { 'Idempotency-Key': `platform-${Date.now()}` };
      const merchants = await create(validBody(), { headers });
      const platforms = await create(validBody(), { key: creds.platform, headers: { ...headers, 'Plugipay-On-Behalf-Of': creds.platform.managedAccountId } });
      expect([merchants.status, platforms.status]).toEqual([201, 201]);
      expect(platforms.headers.get('idempotent-replayed')).toBeNull();
      const [a, b] = [await merchants.json(), await platforms.json()];
      expect(b.id).not.toBe(a.id);
      expect(b.url).not.toBe(a.url);
      const again = await create(validBody(), { key: creds.platform, headers: { ...headers, 'Plugipay-On-Behalf-Of': creds.platform.managedAccountId } });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await again.json()).id).toBe(b.id);
    });

    it('creates exactly one session for 50 concurrent requests with one key', async () => {
      const headers = { 'Idempotency-Key': `race-${Date.now()}` };
      const responses = await Promise.all(Array.from({ length: 50 }, () => create(validBody(), { headers })));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(new Set(bodies.map((b) => b.url)).size).toBe(1);
    });

    it('replays a client error too', async () => {
      const headers = { 'Idempotency-Key': `error-${Date.now()}` };
      const body = { ...validBody(), customerId: creds.customers.otherMerchant };
      const first = await expectError(await create(body, { headers }), 404, 'not_found');
      const second = await create(body, { headers });
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect((await second.json()).error).toEqual(first);
    });
  });
});
