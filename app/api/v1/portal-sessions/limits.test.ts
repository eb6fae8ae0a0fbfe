import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

// A second instance: with a low rate limit, and on PostgreSQL sharing the first instance's database.
describe('across instances', () => {
  let main: TTestServer;
  let second: TTestServer;
  beforeAll(async () => {
    main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
    second = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '4' }, ...(onPostgres ? { shareWith: main } : {}) });
  }, 120_000);
  afterAll(() => second?.stop());

  it('limits a key’s requests per minute with 429 and Retry-After, counting every instance', async () => {
    const { rateLimitKey } = readFixtures(onPostgres ? main.dataDir : second.dataDir);
    const body = { customerId: readCredentials(second.credentialsPath).customers.active, returnUrl: 'https://a.example' };
    // Wait for a fresh window, so that the five requests fall in one minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // On PostgreSQL the first two go through the other instance (limit 600) and still count here.
      const target = onPostgres && i < 2 ? main.baseUrl : second.baseUrl;
      statuses.push((await signedFetch(target, { path: PATH, key: rateLimitKey, body })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
    const limited = await signedFetch(second.baseUrl, { path: PATH, key: rateLimitKey, body });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited', requestId: expect.stringMatching(/^req_/) });
    // Another key is not affected.
    const creds = readCredentials(second.credentialsPath);
    expect((await signedFetch(second.baseUrl, { path: PATH, key: creds.merchant, body })).status).toBe(201);
  }, 90_000);

  it.runIf(onPostgres)('creates one session for 50 concurrent requests with one Idempotency-Key spread over two instances', async () => {
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
});
