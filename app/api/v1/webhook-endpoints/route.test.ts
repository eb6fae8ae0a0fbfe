import { describe, expect, it } from 'vitest';
import { mintPortalSession } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

const api = (key: { keyId: string; secret: string }, method: string, path: string, body?: unknown) => signedFetch(server.baseUrl, { method, path, key, body });

describe('webhook endpoints', () => {
  it('are created with a secret shown once, listed without it, rotated, and deleted', async () => {
    const key = server.fixtures.featureAccount;
    const created = await api(key, 'POST', '/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/plugipay', events: ['plugipay.subscription.canceled.v1'] });
    expect(created.status).toBe(201);
    const endpoint = await created.json();
    expect(endpoint).toMatchObject({ id: expect.stringMatching(/^we_[0-9A-HJKMNP-TV-Z]{26}$/), url: 'https://hooks.example.com/plugipay', events: ['plugipay.subscription.canceled.v1'] });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const list = await (await api(key, 'GET', '/api/v1/webhook-endpoints?limit=100')).json();
    expect(list.object).toBe('list');
    const listed = list.data.find((e: { id: string }) => e.id === endpoint.id);
    expect(listed).toMatchObject({ id: endpoint.id, url: endpoint.url });
    expect(JSON.stringify(list)).not.toContain(endpoint.secret);

    const rotated = await (await api(key, 'POST', `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);

    expect((await api(key, 'DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(200);
    const after = await (await api(key, 'GET', '/api/v1/webhook-endpoints?limit=100')).json();
    expect(after.data.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
  });

  it('belong to one account: another account’s key gets 404', async () => {
    const mine = await (await api(server.fixtures.featureAccount, 'POST', '/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/a', events: ['*'] })).json();
    expect((await api(server.creds.otherMerchant, 'DELETE', `/api/v1/webhook-endpoints/${mine.id}`)).status).toBe(404);
    expect((await api(server.creds.otherMerchant, 'POST', `/api/v1/webhook-endpoints/${mine.id}/rotate-secret`)).status).toBe(404);
    const theirs = await (await api(server.creds.otherMerchant, 'GET', '/api/v1/webhook-endpoints?limit=100')).json();
    expect(theirs.data.map((e: { id: string }) => e.id)).not.toContain(mine.id);
  });

  it.each([
    ['plain http off localhost', { url: 'http://hooks.example.com/x', events: ['*'] }, 'url'],
    ['a relative URL', { url: '/hooks', events: ['*'] }, 'url'],
    ['credentials in the URL', { url: 'https://u:p@hooks.example.com/', events: ['*'] }, 'url'],
    ['an unknown event type', { url: 'https://hooks.example.com/', events: ['plugipay.nothing.v1'] }, 'events.0'],
    ['no event types', { url: 'https://hooks.example.com/', events: [] }, 'events'],
  ])('refuse %s', async (_, body, param) => {
    const res = await api(server.fixtures.featureAccount, 'POST', '/api/v1/webhook-endpoints', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation_error', param });
  });

  it('are managed by a platform for a merchant it manages, and only for one', async () => {
    const onBehalf = { 'Plugipay-On-Behalf-Of': server.creds.platform.managedAccountId };
    const created = await signedFetch(server.baseUrl, { method: 'POST', path: '/api/v1/webhook-endpoints', key: server.creds.platform, headers: onBehalf, body: { url: 'https://hooks.example.com/managed', events: ['*'] } });
    expect(created.status).toBe(201);
    const endpoint = await created.json();
    const listFor = async (headers: Record<string, string>) =>
      ((await (await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/webhook-endpoints?limit=100', key: server.creds.platform, headers })).json()).data as { id: string }[]).map((e) => e.id);
    expect(await listFor(onBehalf)).toContain(endpoint.id);
    expect(await listFor({})).not.toContain(endpoint.id);
    const other = await signedFetch(server.baseUrl, { method: 'POST', path: '/api/v1/webhook-endpoints', key: server.creds.platform, headers: { 'Plugipay-On-Behalf-Of': server.creds.otherMerchant.accountId }, body: { url: 'https://hooks.example.com/x', events: ['*'] } });
    expect(other.status).toBe(403);
    expect((await signedFetch(server.baseUrl, { method: 'DELETE', path: `/api/v1/webhook-endpoints/${endpoint.id}`, key: server.creds.platform, headers: onBehalf })).status).toBe(200);
  });

  it('are capped per account, even when created concurrently, and listed a page at a time', async () => {
    const key = server.creds.otherMerchant;
    const ids = async (query = '?limit=100') => ((await (await api(key, 'GET', `/api/v1/webhook-endpoints${query}`)).json()).data as { id: string }[]).map((e) => e.id);
    const create = () => api(key, 'POST', '/api/v1/webhook-endpoints', { url: 'https://hooks.example.com/cap', events: ['plugipay.payment_method.updated.v1'] });
    const mine: string[] = [];
    try {
      for (let count = (await ids()).length; count < 14; count++) {
        const res = await create();
        expect(res.status).toBe(201);
        mine.push((await res.json()).id);
      }
      const raced = await Promise.all(Array.from({ length: 5 }, create));
      expect(raced.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
      for (const res of raced) {
        const body = await res.json();
        if (res.status === 201) mine.push(body.id);
        else expect(body.error).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('16 webhook endpoints') });
      }
      expect((await create()).status).toBe(409);

      const all = await ids();
      expect(all).toHaveLength(16);
      const pages: string[][] = [];
      let cursor = '';
      for (;;) {
        const page = await (await api(key, 'GET', `/api/v1/webhook-endpoints?limit=5${cursor}`)).json();
        pages.push(page.data.map((e: { id: string }) => e.id));
        if (!page.hasMore) break;
        cursor = `&startingAfter=${page.data.at(-1).id}`;
      }
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 1]);
      expect(pages.flat()).toEqual(all);
    } finally {
      for (const id of mine) await api(key, 'DELETE', `/api/v1/webhook-endpoints/${id}`);
    }
  });

  it('need the webhooks scope', async () => {
    expect((await api(server.creds.noScopeKey, 'GET', '/api/v1/webhook-endpoints?limit=100')).status).toBe(403);
  });
});

describe('GET /api/v1/events', () => {
  it('lists the account’s events newest first, filtered by type, a page at a time', async () => {
    const account = server.fixtures.featureAccount;
    for (let i = 0; i < 3; i++) await mintPortalSession(server.baseUrl, account, { customerId: server.fixtures.customers.apiFeatures });
    const first = await (await api(account, 'GET', '/api/v1/events?limit=2&type=plugipay.portal_session.created.v1')).json();
    expect(first).toMatchObject({ object: 'list', hasMore: true });
    expect(first.data).toHaveLength(2);
    for (const event of first.data) {
      expect(event).toMatchObject({ id: expect.stringMatching(/^evt_/), type: 'plugipay.portal_session.created.v1', account: account.accountId });
      expect(event.data.object).toMatchObject({ object: 'portal_session', customerId: server.fixtures.customers.apiFeatures });
      // The link is a credential: events never carry it.
      expect(event.data.object.url).toBeUndefined();
    }
    expect(first.data[0].id > first.data[1].id).toBe(true);
    const next = await (await api(account, 'GET', `/api/v1/events?limit=2&type=plugipay.portal_session.created.v1&startingAfter=${first.data[1].id}`)).json();
    expect(next.data[0].id < first.data[1].id).toBe(true);
  });

  it('never shows another account’s events', async () => {
    const other = await (await api(server.creds.otherMerchant, 'GET', '/api/v1/events?limit=100')).json();
    expect(other.data.every((e: { account: string }) => e.account === server.creds.otherMerchant.accountId)).toBe(true);
  });

  it('refuses an unknown filter', async () => {
    const res = await api(server.fixtures.featureAccount, 'GET', '/api/v1/events?type=nope');
    expect(res.status).toBe(400);
  });
});
