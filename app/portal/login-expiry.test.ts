import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { describeRunningServer, readCredentials, readFixtures, startTestServer, type TTestServer } from '@/lib/testing/test-server';

// An instance whose logins last a minute, the shortest allowed, to watch one run out: its clock is
// moved ahead through SERVER_CLOCK_OFFSET_FILE instead of waiting a minute.
let server: TTestServer;
let main: TTestServer;
let clockFile: string;
const runAhead = (ms: number) => writeFileSync(clockFile, String(ms));
beforeAll(async () => {
  main = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
  clockFile = path.join(main.dataDir, `login-expiry-clock-${process.pid}`);
  runAhead(0);
  server = await startTestServer({ env: { PORTAL_LOGIN_TTL_SECONDS: '60', SERVER_CLOCK_OFFSET_FILE: clockFile }, ...(process.env.DATABASE_URL ? { shareWith: main } : {}) });
}, 120_000);
afterAll(() => server?.stop());

describe('a login past its deadline', () => {
  it('is refused on the server even though the browser still sends the cookie', async () => {
    const creds = readCredentials(server.credentialsPath);
    // A customer of this test alone: no other login can replace this one meanwhile.
    const { customers } = readFixtures(process.env.DATABASE_URL ? main.dataDir : server.dataDir);
    const session = await mintPortalSession(server.baseUrl, creds.merchant, { customerId: customers.loginExpiry });
    const { cookie, setCookie } = await openLink(session.url);
    expect(setCookie).toContain('Max-Age=60');
    expect((await portalFetch(server.baseUrl, '/portal', cookie)).status).toBe(200);
    // Still valid just before the deadline, so the refusal below is the deadline's doing.
    runAhead(55_000);
    expect((await portalFetch(server.baseUrl, '/portal', cookie)).status).toBe(200);
    runAhead(61_000);
    const res = await portalFetch(server.baseUrl, '/portal', cookie);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('loginExpiry@example.com');
  });
});
