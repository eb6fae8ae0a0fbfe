import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LINK_PREVIEW_AGENTS } from '@/lib/portal-login/link-preview-agents';
import { forgeToken, mintPortalSession, openLink, portalFetch, tokenKeys, tokenOf } from '@/lib/testing/portal-links';
import { describeRunningServer, readCredentials, readFixtures, type TTestServer } from '@/lib/testing/test-server';
import type { TDemoCredentials } from '@/prisma/seed/seed-demo-data';

let server: TTestServer;
let creds: TDemoCredentials;
beforeAll(() => {
  server = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
  creds = readCredentials(server.credentialsPath);
});
const mint = (body: Record<string, unknown> = {}, key = creds.merchant) => mintPortalSession(server.baseUrl, key, { customerId: creds.customers.active, ...body });

describe('opening a portal link', () => {
  it('the first open sets the portal cookie and sends the customer to the portal with 303', async () => {
    const session = await mint();
    const { res, setCookie } = await openLink(session.url);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${server.baseUrl}/portal`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const attributes = setCookie!.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^plugipay_portal=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
    const maxAge = Number(attributes.find((a) => a.startsWith('Max-Age='))!.slice(8));
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    // Plain http on localhost: a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
  });

  it('a second open gets 410, a page that says so in the merchant’s name, and no cookie', async () => {
    const session = await mint();
    expect((await openLink(session.url)).res.status).toBe(303);
    const again = await openLink(session.url);
    expect(again.res.status).toBe(410);
    expect(again.setCookie).toBeNull();
    const html = await again.res.text();
    expect(html).toContain('This link has already been used');
    expect(html).toContain('Acme Cloud');
    expect(html).toContain('href="https://yourapp.com"');
    expect(html).not.toContain('ava.active@example.com');
  });

  it('a second open from the browser that holds that link’s live login goes back into the portal; from anywhere else it is 410', async () => {
    const first = await mint();
    const { cookie } = await openLink(first.url);
    const again = await openLink(first.url, { Cookie: cookie! });
    expect(again.res.status).toBe(303);
    expect(again.res.headers.get('location')).toBe(`${server.baseUrl}/portal`);
    expect(again.setCookie).toBeNull();
    expect((await openLink(`${first.url}?tab=invoices`, { Cookie: cookie! })).res.headers.get('location')).toBe(`${server.baseUrl}/portal/invoices`);
    expect((await openLink(first.url)).res.status).toBe(410);

    // A later link for the customer ends that login: neither cookie reopens the first link now.
    const second = await mint();
    const { cookie: secondCookie } = await openLink(second.url);
    expect((await openLink(first.url, { Cookie: secondCookie! })).res.status).toBe(410);
    expect((await openLink(first.url, { Cookie: cookie! })).res.status).toBe(410);
  });

  it('50 concurrent opens give exactly one 303', async () => {
    const session = await mint();
    const results = await Promise.all(Array.from({ length: 50 }, () => openLink(session.url)));
    const statuses = results.map((r) => r.res.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(49);
    expect(results.filter((r) => r.setCookie)).toHaveLength(1);
  });

  it('several links of one customer opened at once all open, and only the last login stays live', async () => {
    const customerId = readFixtures(inject('dataDir')).customers.apiOpenRace;
    const sessions = await Promise.all(Array.from({ length: 6 }, () => mint({ customerId })));
    const opened = await Promise.all(sessions.map((s) => openLink(s.url)));
    expect(opened.map((o) => o.res.status)).toEqual(Array(6).fill(303));
    const live = await Promise.all(opened.map(async (o) => (await portalFetch(server.baseUrl, '/portal', o.cookie)).status));
    expect(live.filter((s) => s === 200)).toHaveLength(1);
    expect(live.filter((s) => s === 401)).toHaveLength(5);
  });

  it('speaks the customer’s language on the used-link page', async () => {
    const session = await mint({ customerId: creds.customers.idr });
    await openLink(session.url);
    const again = await openLink(session.url);
    expect(await again.res.text()).toContain('Tautan ini sudah digunakan');
  });
});

describe('tokens that are not genuine', () => {
  const parts = ['version', 'key id', 'session id', 'expiry', 'signature'];
  it.each(parts.map((part, index) => [part, index]))('a token with one character changed in its %s opens nothing', async (_, index) => {
    const session = await mint();
    const token = tokenOf(session.url);
    const pieces = token.split('.');
    const piece = pieces[index as number]!;
    const position = piece.length - 1;
    const swapped = piece[position] === 'A' ? 'B' : 'A';
    pieces[index as number] = piece.slice(0, position) + (index === 3 ? String((Number(piece[position]) + 1) % 10) : swapped);
    const { res, setCookie } = await openLink(`${server.baseUrl}/p/${pieces.join('.')}`);
    expect(res.status).toBe(404);
    expect(setCookie).toBeNull();
    expect(await res.text()).toContain('This link is not valid');
    // The genuine link was not touched.
    expect((await openLink(session.url)).res.status).toBe(303);
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, -5)],
    ['cut in half', (t: string) => t.slice(0, t.length / 2)],
    ['oversized', (t: string) => t + 'A'.repeat(5000)],
    ['empty-ish', () => 'x'],
  ])('a %s token opens nothing', async (_, mangle) => {
    const session = await mint();
    const { res, setCookie } = await openLink(`${server.baseUrl}/p/${mangle(tokenOf(session.url))}`);
    expect([400, 404]).toContain(res.status);
    expect(setCookie).toBeNull();
    expect((await openLink(session.url)).res.status).toBe(303);
  });

  it('an expired token (the clock past its expiry) gets 410 and leaves the session unused', async () => {
    const session = await mint();
    const keys = tokenKeys(server.env);
    const expired = forgeToken({ kid: 't2', key: keys.t2!, sessionId: session.id, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    const { res, setCookie } = await openLink(`${server.baseUrl}/p/${expired}`);
    expect(res.status).toBe(410);
    expect(setCookie).toBeNull();
    expect(await res.text()).toContain('This link has expired');
    expect((await openLink(session.url)).res.status).toBe(303);
  });

  it('a token signed with the previous key still opens during a rotation; one signed with an unknown key does not', async () => {
    const keys = tokenKeys(server.env);
    const exp = Math.floor(Date.now() / 1000) + 120;
    const first = await mint();
    const stranger = forgeToken({ kid: 't9', key: keys.t2!, sessionId: first.id, expiresAt: exp });
    expect((await openLink(`${server.baseUrl}/p/${stranger}`)).res.status).toBe(404);
    const wrongKey = forgeToken({ kid: 't1', key: keys.t2!, sessionId: first.id, expiresAt: exp });
    expect((await openLink(`${server.baseUrl}/p/${wrongKey}`)).res.status).toBe(404);
    const old = forgeToken({ kid: 't1', key: keys.t1!, sessionId: first.id, expiresAt: exp });
    expect((await openLink(`${server.baseUrl}/p/${old}`)).res.status).toBe(303);
  });
});

describe('link previews', () => {
  it('HEAD answers a preview and does not consume the link', async () => {
    const session = await mint();
    const res = await fetch(session.url, { method: 'HEAD', redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect((await openLink(session.url)).res.status).toBe(303);
  });

  const agents: [string, string][] = [
    ['Slack', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['Microsoft Teams', 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com'],
    ['Discord', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['WhatsApp', 'WhatsApp/2.23.20.0'],
    ['Telegram', 'TelegramBot (like TwitterBot)'],
    ['X/Twitter', 'Twitterbot/1.0'],
    ['Facebook', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['LinkedIn', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['Google', 'Mozilla/5.0 (compatible; Google-PageRenderer; +https://developers.google.com/)'],
    ['Apple', 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Applebot/0.1'],
  ];
  it.each(agents)('%s’s previewer gets the preview page, no cookie, and the link stays unused', async (_, userAgent) => {
    const session = await mint();
    const { res, setCookie } = await openLink(session.url, { 'User-Agent': userAgent });
    expect(res.status).toBe(200);
    expect(setCookie).toBeNull();
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const html = await res.text();
    expect(html).toContain('Open your billing portal');
    expect(html).toContain('Acme Cloud');
    expect(html).not.toContain('ava.active@example.com');
    expect(html).not.toContain('Ava Active');
    expect((await openLink(session.url)).res.status).toBe(303);
  });

  it('lists every previewer the contract names', () => {
    expect(LINK_PREVIEW_AGENTS.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Slack', 'Microsoft Teams', 'Discord', 'WhatsApp', 'Telegram', 'X/Twitter', 'Facebook', 'LinkedIn', 'Skype', 'Google', 'Apple']),
    );
  });

  it('a browser’s GET is not mistaken for a previewer', async () => {
    const session = await mint();
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    expect((await openLink(session.url, { 'User-Agent': chrome })).res.status).toBe(303);
  });
});

describe('deep links', () => {
  it.each([
    ['invoices', '/portal/invoices'],
    ['receipts', '/portal/receipts'],
    ['payment-method', '/portal/payment-method'],
    ['subscription', '/portal/subscription'],
    ['overview', '/portal'],
    ['settings', '/portal'],
    ['constructor', '/portal'],
  ])('?tab=%s lands on %s', async (tab, path) => {
    const session = await mint();
    const { res } = await openLink(`${session.url}?tab=${tab}`);
    expect(res.headers.get('location')).toBe(`${server.baseUrl}${path}`);
  });

  it('a flow chosen at creation wins over ?tab=', async () => {
    const session = await mint({ flow: { type: 'payment_method_update' } });
    const { res } = await openLink(`${session.url}?tab=invoices`);
    expect(res.headers.get('location')).toBe(`${server.baseUrl}/portal/flow/payment-method`);
  });
});
