import { describe, expect, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';
import { signedFetch } from '@/lib/testing/signed-fetch';

// The edges of the merchant API that an attacker probes: what the signature covers, text that no
// column can store, paths and methods that do not exist, and scopes for reading.
const server = runningServer();
const merchant = () => server.creds.merchant;

async function expectError(res: Response, status: number, code: string, param?: string) {
  expect(res.headers.get('content-type')).toContain('application/json');
  const { error } = await res.json();
  expect({ status: res.status, code: error.code }).toEqual({ status, code });
  expect(error.requestId).toMatch(/^req_/);
  expect(res.headers.get('plugipay-request-id')).toBe(error.requestId);
  if (param !== undefined) expect(error.param).toBe(param);
  return error;
}

describe('the request signature covers the request target exactly as sent', () => {
  it('refuses a query parameter added after signing, __proto__ included', async () => {
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?__proto__=x', key: merchant(), signAs: { path: '/api/v1/events' } }), 401, 'unauthorized');
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?limit=1', key: merchant(), signAs: { path: '/api/v1/events' } }), 401, 'unauthorized');
    // Signed as sent, an unknown parameter is named.
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?__proto__=x', key: merchant() }), 400, 'validation_error', '__proto__');
  });

  it('verifies %20 as %20 and + as +, never one for the other', async () => {
    const type = 'plugipay.portal_session.created.v1';
    const asSent = await signedFetch(server.baseUrl, { method: 'GET', path: `/api/v1/events?type=${type}&limit=%201`, key: merchant() });
    expect(asSent.status).toBe(200);
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: `/api/v1/events?type=${type}&limit=%201`, key: merchant(), signAs: { path: `/api/v1/events?type=${type}&limit=+1` } }), 401, 'unauthorized');
  });

  it('refuses a parameter given twice', async () => {
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?limit=1&limit=100', key: merchant() }), 400, 'validation_error', 'limit');
  });

  it('accepts a client clock a little fast, and refuses one more than a minute ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?limit=1', key: merchant(), timestamp: now + 30 })).status).toBe(200);
    await expectError(await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?limit=1', key: merchant(), timestamp: now + 90 }), 401, 'unauthorized');
    expect((await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/events?limit=1', key: merchant(), timestamp: now - 200 })).status).toBe(200);
  });
});

describe('text that no column can store', () => {
  const nul = 'a\u0000b';
  const lone = 'a\ud800b';

  it.each([
    ['displayName', 'PATCH', '/api/v1/checkout-settings', (v: string) => ({ displayName: v }), 'displayName'],
    ['returnUrl', 'POST', '/api/v1/portal-sessions', (v: string) => ({ customerId: 'cus_01HM56NZ00AAAAAAAAAAAAAAAA', returnUrl: `https://yourapp.com/${v}` }), 'returnUrl'],
    ['a webhook url', 'POST', '/api/v1/webhook-endpoints', (v: string) => ({ url: `https://hooks.example.com/${v}`, events: ['*'] }), 'url'],
    ['an event type', 'POST', '/api/v1/webhook-endpoints', (v: string) => ({ url: 'https://hooks.example.com/x', events: [v] }), 'events.0'],
  ])('is refused in %s with 400 naming the field', async (_, method, path, body, param) => {
    for (const value of [nul, lone]) {
      await expectError(await signedFetch(server.baseUrl, { method, path, rawBody: JSON.stringify(body(value)), key: server.fixtures.featureAccount }), 400, 'validation_error', param);
    }
    // And nothing changed.
    const settings = await (await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/checkout-settings', key: server.fixtures.featureAccount })).json();
    expect(settings.displayName).not.toContain('\u0000');
  });

  it('is refused in the portal’s card name and cancel comment before anything reaches the processor', async () => {
    const session = await mintPortalSession(server.baseUrl, merchant(), { customerId: server.fixtures.customers.apiUnsafeText });
    const { cookie } = await openLink(session.url);
    const call = (path: string, body: unknown) =>
      portalFetch(server.baseUrl, path, cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const cardsBefore = (await (await portalFetch(server.baseUrl, '/portal/payment-method', cookie)).text()).match(/ending in/g)?.length ?? 0;
    for (const value of [nul, lone]) {
      await expectError(await call('/portal/api/payment-methods', { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123', name: value }), 400, 'validation_error', 'name');
    }
    const cardsAfter = (await (await portalFetch(server.baseUrl, '/portal/payment-method', cookie)).text()).match(/ending in/g)?.length ?? 0;
    expect(cardsAfter).toBe(cardsBefore);
    const page = await (await portalFetch(server.baseUrl, '/portal/subscription', cookie)).text();
    const subscriptionId = page.match(/sub_[0-9A-HJKMNP-TV-Z]{26}/)![0];
    await expectError(await call('/portal/api/subscription/cancel', { subscriptionId, comment: lone }), 400, 'validation_error', 'comment');
  });
});

describe('returnUrl', () => {
  it('is stored and returned as the parsed URL: line breaks cannot reach the Location header, and Done still leads back', async () => {
    const res = await signedFetch(server.baseUrl, {
      path: '/api/v1/portal-sessions',
      rawBody: JSON.stringify({ customerId: server.fixtures.customers.apiReturnUrl, returnUrl: 'https://evil.example/\r\nSet-Cookie: x=1\u2028' }),
      key: merchant(),
    });
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(session.returnUrl).toBe('https://evil.example/Set-Cookie:%20x=1%E2%80%A8');
    const { cookie } = await openLink(session.url);
    const done = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST', headers: { Origin: server.baseUrl } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(session.returnUrl);
    expect(done.headers.get('set-cookie')).not.toMatch(/x=1/);
  });
});

describe('paths and methods the API does not have', () => {
  it('answer an unknown route with 404 in the error model, for every method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      await expectError(await fetch(`${server.baseUrl}/api/v1/no-such-thing`, { method }), 404, 'not_found');
    }
  });

  it('answer a method a route lacks with 405 and Allow', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/portal-sessions`, { method: 'PUT' });
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    await expectError(res, 405, 'method_not_allowed');
    const list = await fetch(`${server.baseUrl}/api/v1/webhook-endpoints`, { method: 'PATCH' });
    expect(list.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    await expectError(list, 405, 'method_not_allowed');
  });

  it('answer TRACE with 405, never 500', async () => {
    const api = await rawRequest('TRACE /api/v1/events HTTP/1.1');
    expect(api.status).toBe(405);
    expect(api.body).toContain('"method_not_allowed"');
    expect(api.headers).toMatch(/plugipay-request-id: req_/i);
    expect((await rawRequest('TRACE / HTTP/1.1')).status).toBe(405);
  });

  it('answer a path that is not valid percent-encoded UTF-8 with 400: JSON under /api, a page elsewhere', async () => {
    const api = await rawRequest('GET /api/v1/events/%FF HTTP/1.1');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error).toMatchObject({ code: 'validation_error', requestId: expect.stringMatching(/^req_/) });
    for (const path of ['/p/%FF%FE', '/portal/receipts/%FF']) {
      const page = await rawRequest(`GET ${path} HTTP/1.1`);
      expect(page.status).toBe(400);
      expect(page.headers).toMatch(/content-type: text\/html/i);
      expect(page.headers).toMatch(/plugipay-request-id: req_/i);
      expect(page.body).toContain('<h1>Bad request</h1>');
    }
  });
});

describe('reading settings', () => {
  it('needs plugipay:settings:read', async () => {
    for (const path of ['/api/v1/checkout-settings', '/api/v1/portal-configuration']) {
      await expectError(await signedFetch(server.baseUrl, { method: 'GET', path, key: server.creds.noScopeKey }), 403, 'forbidden');
      expect((await signedFetch(server.baseUrl, { method: 'GET', path, key: merchant() })).status).toBe(200);
    }
  });
});

/** One HTTP/1.1 exchange over a socket, for request lines that fetch() will not send. */
async function rawRequest(requestLine: string): Promise<{ status: number; headers: string; body: string }> {
  const { connect } = await import('node:net');
  const url = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${requestLine}\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('the bench’s floor routes', () => {
  it.each(['/api/bench/floor', '/api/bench/floor-pdf', '/bench/floor', '/api/bench/engine-backlog', '/api/bench/memory'])('are not there in a server started without BENCH_FLOORS: %s is 404', async (path) => {
    const res = await fetch(`${server.baseUrl}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type') ?? '').not.toContain('application/pdf');
    expect(await res.text()).not.toMatch(/Floor|"ok":true/);
  });
});
