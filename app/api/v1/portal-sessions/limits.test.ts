import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mintPortalSession, openLink } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { describeRunningServer, readCredentials, readFixtures, startTestServer, type TTestServer } from '@/lib/testing/test-server';

const PATH = '/api/v1/portal-sessions';
const onPostgres = Boolean(process.env.DATABASE_URL);

describe('revoked keys', () => {
  it('are refused with 401, like a wrong signature', async () => {
    const { revokedKey } = readFixtures(inject('dataDir'));
    const creds = readCredentials(inject('credentialsPath'));
    const res = await signedFetch(inject('baseUrl'), { path: PATH, key: revokedKey, body: { customerId: creds.customers.active, returnUrl: 'https://a.example' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
});

describe('rate limits', () => {
  let main: TTestServer;
  let limited: TTestServer;
  // An instance with a low limit; on PostgreSQL it shares the main instance's database and counters.
  beforeAll(async () => {
    main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
    limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '4' }, ...(onPostgres ? { shareWith: main } : {}) });
  }, 120_000);
  afterAll(() => limited?.stop());

  it('limit a key’s requests per minute with 429 and Retry-After, counting every instance', async () => {
    const fixtures = readFixtures(onPostgres ? main.dataDir : limited.dataDir);
    const body = { customerId: readCredentials(limited.credentialsPath).customers.active, returnUrl: 'https://a.example' };
    // Start in a fresh window, so that the five requests fall in one minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // On PostgreSQL the first two go through the other instance (limit 600) and still count here.
      const target = onPostgres && i < 2 ? main.baseUrl : limited.baseUrl;
      statuses.push((await signedFetch(target, { path: PATH, key: fixtures.rateLimitKey, body })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
    const refused = await signedFetch(limited.baseUrl, { path: PATH, key: fixtures.rateLimitKey, body });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', requestId: expect.stringMatching(/^req_/) });
    // Another key is not affected.
    expect((await signedFetch(limited.baseUrl, { path: PATH, key: fixtures.otherRateLimitKey, body })).status).toBe(201);
  }, 90_000);
});

describe.runIf(onPostgres)('two instances on one PostgreSQL database', () => {
  let main: TTestServer;
  let second: TTestServer;
  beforeAll(async () => {
    main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
    second = await startTestServer({ shareWith: main });
  }, 120_000);
  afterAll(() => second?.stop());

  it('create one session for 50 concurrent requests with one Idempotency-Key spread over both', async () => {
    const creds = readCredentials(main.credentialsPath);
    const headers = { 'Idempotency-Key': `two-instances-${Date.now()}` };
    const body = { customerId: creds.customers.active, returnUrl: 'https://a.example' };
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signedFetch(i % 2 ? main.baseUrl : second.baseUrl, { path: PATH, key: creds.merchant, body, headers })),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
  });

  it('let exactly one of 50 concurrent opens of a link win, spread over both', async () => {
    const creds = readCredentials(main.credentialsPath);
    const session = await mintPortalSession(main.baseUrl, creds.merchant, { customerId: readFixtures(main.dataDir).customers.apiRace });
    const path = new URL(session.url).pathname;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => openLink(`${i % 2 ? main.baseUrl : second.baseUrl}${path}`)));
    const statuses = results.map((r) => r.res.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(49);
    expect(results.filter((r) => r.setCookie)).toHaveLength(1);
  });
});

const REDIS_URL = process.env.PLUGIPAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('rate limits kept in Redis', () => {
  let limited: TTestServer | undefined;
  beforeAll(async () => {
    if (!(await redisReachable())) {
      console.warn(`Redis is not reachable at ${REDIS_URL}; set PLUGIPAY_TEST_REDIS_URL to test the Redis rate-limit store.`);
      return;
    }
    const main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
    limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2', REDIS_URL }, ...(onPostgres ? { shareWith: main } : {}) });
  }, 120_000);
  afterAll(() => limited?.stop());

  it('count in Redis when REDIS_URL is set', async (ctx) => {
    if (!limited) return ctx.skip();
    const main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
    const fixtures = readFixtures(onPostgres ? main.dataDir : limited.dataDir);
    const creds = readCredentials(limited.credentialsPath);
    const body = { customerId: creds.customers.active, returnUrl: 'https://a.example' };
    // A key of its own in Redis's counters: the other instances count this key in the database.
    const key = fixtures.otherRateLimitKey;
    // Count once the instance's Redis connection is up (a busy machine may take longer than its
    // 500 ms connect timeout): hits counted while it connects go to the database instead.
    await expect.poll(async () => (await (await fetch(`${limited!.baseUrl}/api/health`)).json()).rateLimits, { timeout: 20_000 }).toEqual({ kind: 'redis', ok: true });
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await signedFetch(limited.baseUrl, { path: PATH, key, body })).status);
    expect(statuses).toEqual([201, 201, 429]);
  }, 90_000);
});
