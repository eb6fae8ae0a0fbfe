import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintPortalSession } from '@/lib/testing/portal-links';
import { signedFetch } from '@/lib/testing/signed-fetch';
import { runningServer } from '@/lib/testing/running-server';

// The locale a link speaks, read from the preview a chat tool gets (it leaves the link unused, so
// one customer serves every case): session, then customer, then browser, then account, then English.
const server = runningServer();

async function languageOf(url: string, acceptLanguage?: string) {
  const res = await fetch(url, { headers: { 'User-Agent': 'Slackbot-LinkExpanding 1.0', ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}) } });
  expect(res.status).toBe(200);
  return { lang: /<html lang="([^"]+)" dir="(ltr|rtl)"/.exec(await res.text())?.slice(1), header: res.headers.get('content-language') };
}

describe('the locale of a portal link', () => {
  it('is the session’s when the merchant chose one, over the customer’s and the browser’s', async () => {
    const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.idr, locale: 'fr' });
    expect(await languageOf(session.url, 'de')).toEqual({ lang: ['fr', 'ltr'], header: 'fr' });
  });

  it('is the customer’s preferred one on "auto", over the browser’s', async () => {
    const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.idr });
    expect((await languageOf(session.url, 'de-DE,de;q=0.9')).lang).toEqual(['id', 'ltr']);
  });

  it.each([
    ['pt-PT,pt;q=0.9,en;q=0.5', 'pt-BR'],
    ['zh-TW', 'zh-CN'],
    ['ja-JP', 'ja'],
    ['nb-NO,nb;q=0.9,es;q=0.5', 'es'],
    ['en-GB', 'en'],
    ['de;q=0.2,fr;q=0.8', 'fr'],
  ])('follows the browser (%s → %s) when the customer has no preference', async (acceptLanguage, expected) => {
    const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.active });
    expect((await languageOf(session.url, acceptLanguage)).lang).toEqual([expected, 'ltr']);
  });

  describe('with an account default', () => {
    const key = () => server.fixtures.webhookAccount;
    beforeAll(async () => {
      const res = await signedFetch(server.baseUrl, { method: 'PATCH', path: '/api/v1/portal-configuration', key: key(), body: { defaultLocale: 'ja' } });
      expect(res.status).toBe(200);
    });
    afterAll(async () => {
      await signedFetch(server.baseUrl, { method: 'PATCH', path: '/api/v1/portal-configuration', key: key(), body: { defaultLocale: 'en' } });
    });

    it('falls back to it when the browser asks for no language we have, and to nothing else', async () => {
      const session = await mintPortalSession(server.baseUrl, key(), { customerId: server.fixtures.customers.webhookCard });
      expect((await languageOf(session.url, 'nb-NO')).lang).toEqual(['ja', 'ltr']);
      expect((await languageOf(session.url)).lang).toEqual(['ja', 'ltr']);
      expect((await languageOf(session.url, 'de')).lang).toEqual(['de', 'ltr']);
    });
  });
});
