import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { readFixtures, startTestServer, type TTestServer } from '@/lib/testing/test-server';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';

// An instance out of demo mode, allowing one private address: endpoints must not reach internal services.
describe('webhook endpoints in production mode', () => {
  let server: TTestServer;
  let key: { keyId: string; secret: string };
  beforeAll(async () => {
    server = await startTestServer({ env: { PLUGIPAY_MODE: 'production', PORTAL_BASE_URL: 'https://portal.example.test', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    key = readFixtures(server.dataDir).webhookAccount;
  }, 120_000);
  afterAll(() => server?.stop());

  const create = (url: string) => signedFetch(server.baseUrl, { path: '/api/v1/webhook-endpoints', key, body: { url, events: ['*'] } });

  it.each([
    ['a private network', 'https://10.1.2.3/hooks'],
    ['the cloud metadata address (link-local)', 'https://169.254.169.254/latest/meta-data'],
    ['loopback outside the allow-list', 'https://127.0.0.2/hooks'],
    ['IPv6 loopback', 'https://[::1]/hooks'],
    ['a private address inside IPv6', 'https://[::ffff:10.0.0.1]/hooks'],
    ['carrier-grade NAT', 'https://100.64.0.1/hooks'],
    ['unique-local IPv6', 'https://[fd00::1]/hooks'],
    ['a name that does not resolve', 'https://no-such-host.invalid/hooks'],
    ['an IPv4-compatible IPv6 loopback', 'https://[::127.0.0.1]/hooks'],
    ['a 6to4 form of loopback', 'https://[2002:7f00:1::1]/hooks'],
    ['a NAT64 form of loopback', 'https://[64:ff9b::7f00:1]/hooks'],
  ])('refuse %s, saving nothing and saying nothing of what it resolves to', async (_, url) => {
    const res = await create(url);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'validation_error', param: 'url', message: 'url: the host is not a public internet address that webhooks may reach.' });
    const list = await (await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/webhook-endpoints?limit=100', key })).json();
    expect(list.data.map((e: { url: string }) => e.url)).not.toContain(url);
  });

  it('accept a public address, and a private one the allow-list names, which then receives its events', async () => {
    expect((await create('https://93.184.215.14/hooks')).status).toBe(201);
    const receiver = await startWebhookReceiver();
    try {
      const res = await signedFetch(server.baseUrl, { path: '/api/v1/webhook-endpoints', key, body: { url: receiver.url, events: ['plugipay.portal_session.created.v1'] } });
      expect(res.status).toBe(201);
      const fixtures = readFixtures(server.dataDir);
      await signedFetch(server.baseUrl, { path: '/api/v1/portal-sessions', key, body: { customerId: fixtures.customers.webhookCard, returnUrl: 'https://shop.example/billing' } });
      const [webhook] = await receiver.waitFor(1);
      expect(webhook!.event.type).toBe('plugipay.portal_session.created.v1');
    } finally {
      await receiver.close();
    }
  });
});
