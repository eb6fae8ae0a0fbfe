import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PlugipayClient } from './client.js';
import { PlugipayApiError, PlugipayConnectionError, PlugipayRateLimitError, PlugipayValidationError } from './errors.js';

type TSeen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A fake API that answers each attempt with the next scripted response. */
async function fakeApi(script: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  const seen: TSeen[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const next = script[Math.min(seen.length - 1, script.length - 1)]!;
      res.writeHead(next.status, { 'Content-Type': 'application/json', 'Plugipay-Request-Id': `req_${seen.length}`, ...next.headers });
      res.end(next.body === undefined ? '' : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const client = (baseUrl: string, maxRetries = 3) => new PlugipayClient({ keyId: 'key_test', secret: 'pps_secret', baseUrl, maxRetries });
const input = { customerId: 'cus_01HM56NZ00AAAAAAAAAAAAAAAA', returnUrl: 'https://yourapp.com/done' };
const serverError = { status: 503, body: { error: { code: 'internal_error', message: 'down', requestId: 'req_x' } } };

describe('PlugipayClient retries', () => {
  it('retries 5xx with one Idempotency-Key and returns the eventual success', async () => {
    const api = await fakeApi([serverError, serverError, { status: 201, body: { id: 'pls_1' } }]);
    expect(await client(api.baseUrl).portalSessions.create(input)).toEqual({ id: 'pls_1' });
    expect(api.seen).toHaveLength(3);
    const keys = new Set(api.seen.map((s) => s.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.seen.every((s) => s.body === JSON.stringify(input))).toBe(true);
  });

  it('gives up after maxRetries and throws the server error', async () => {
    const api = await fakeApi([serverError]);
    const error = await client(api.baseUrl, 2).portalSessions.create(input).catch((e) => e);
    expect(error).toBeInstanceOf(PlugipayApiError);
    expect(error).toMatchObject({ status: 503, code: 'internal_error', requestId: 'req_x' });
    expect(api.seen).toHaveLength(3);
  });

  it('honours Retry-After on 429', async () => {
    const api = await fakeApi([{ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'rate_limited', message: 'slow' } } }, { status: 201, body: { id: 'pls_2' } }]);
    const started = Date.now();
    expect(await client(api.baseUrl).portalSessions.create(input)).toEqual({ id: 'pls_2' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.seen).toHaveLength(2);
  });

  it('throws a rate-limit error when 429 persists', async () => {
    const api = await fakeApi([{ status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 'rate_limited', message: 'slow' } } }]);
    await expect(client(api.baseUrl, 1).portalSessions.create(input)).rejects.toBeInstanceOf(PlugipayRateLimitError);
    expect(api.seen).toHaveLength(2);
  });

  it('never retries a 400, and reports its code, param and request id', async () => {
    const api = await fakeApi([{ status: 400, body: { error: { code: 'validation_error', message: 'bad', param: 'returnUrl', requestId: 'req_v' } } }]);
    const error = await client(api.baseUrl).portalSessions.create(input).catch((e) => e);
    expect(error).toBeInstanceOf(PlugipayValidationError);
    expect(error).toMatchObject({ code: 'validation_error', status: 400, param: 'returnUrl', requestId: 'req_v', message: 'bad' });
    expect(api.seen).toHaveLength(1);
  });

  it('retries network errors, then throws a connection error', async () => {
    const api = await fakeApi([]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await client(api.baseUrl, 1).portalSessions.create(input).catch((e) => e);
    expect(error).toBeInstanceOf(PlugipayConnectionError);
  });

  it('signs every request and sends On-Behalf-Of for a merchant-scoped client', async () => {
    const api = await fakeApi([{ status: 201, body: {} }]);
    await client(api.baseUrl).forMerchant('acc_managed').portalSessions.create(input);
    const auth = api.seen[0]!.headers.authorization!;
    expect(auth).toMatch(/^Plugipay-HMAC-SHA256 keyId=key_test,timestamp=\d+,signature=[0-9a-f]{64}$/);
    expect(api.seen[0]!.headers['plugipay-on-behalf-of']).toBe('acc_managed');
  });

  it('uses the caller’s Idempotency-Key and query string', async () => {
    const api = await fakeApi([{ status: 200, body: { object: 'list', data: [], hasMore: false } }]);
    await client(api.baseUrl).request({ method: 'GET', path: '/api/v1/events', query: { limit: 2, type: undefined } });
    expect(api.seen[0]!.url).toBe('/api/v1/events?limit=2');
    expect(api.seen[0]!.headers['idempotency-key']).toBeUndefined();
    await client(api.baseUrl).request({ method: 'POST', path: '/x', body: {}, idempotencyKey: 'mine' });
    expect(api.seen[1]!.headers['idempotency-key']).toBe('mine');
  });
});

describe('PlugipayClient lists and responses', () => {
  const page = (ids: string[], hasMore: boolean) => ({ status: 200, body: { object: 'list', data: ids.map((id) => ({ id, object: 'customer' })), hasMore } });

  it('iterates every page with for await, asking for each next page after the last id', async () => {
    const api = await fakeApi([page(['cus_3', 'cus_2'], true), page(['cus_1'], false)]);
    const seen: string[] = [];
    for await (const customer of client(api.baseUrl).customers.list({ limit: 2, email: 'a@example.com' })) seen.push(customer.id);
    expect(seen).toEqual(['cus_3', 'cus_2', 'cus_1']);
    expect(api.seen.map((s) => s.url)).toEqual(['/api/v1/customers?limit=2&email=a%40example.com', '/api/v1/customers?limit=2&email=a%40example.com&startingAfter=cus_2']);
  });

  it('awaits one page, with the response beside it but not in its JSON', async () => {
    const api = await fakeApi([page(['cus_9'], true)]);
    const first = await client(api.baseUrl).customers.list();
    expect(first.data.map((c) => c.id)).toEqual(['cus_9']);
    expect(first.lastResponse).toMatchObject({ requestId: 'req_1', statusCode: 200 });
    expect(JSON.stringify(first)).not.toContain('lastResponse');
    expect(api.seen).toHaveLength(1);
  });

  it('takes timeout, retries, idempotency key and on-behalf-of per request', async () => {
    const api = await fakeApi([serverError, { status: 201, body: { id: 'cus_1', object: 'customer' } }]);
    const error = await client(api.baseUrl, 3).customers.create({ email: 'a@example.com' }, { maxRetries: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(PlugipayApiError);
    expect(api.seen).toHaveLength(1);
    const created = await client(api.baseUrl).customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-42', onBehalfOf: 'acc_x', timeoutMs: 5_000 });
    expect(created.lastResponse.requestId).toBe('req_2');
    expect(api.seen[1]!.headers).toMatchObject({ 'idempotency-key': 'signup-42', 'plugipay-on-behalf-of': 'acc_x' });
  });

  it('does not wait out a Retry-After longer than its cap: the 429 is the caller’s', async () => {
    const api = await fakeApi([{ status: 429, headers: { 'Retry-After': '3600' }, body: { error: { code: 'rate_limited', message: 'slow' } } }]);
    const error = await client(api.baseUrl, 3).customers.retrieve('cus_1').catch((e) => e);
    expect(error).toBeInstanceOf(PlugipayRateLimitError);
    expect(api.seen).toHaveLength(1);
  });
});

