import { createHmac } from 'node:crypto';
import { PlugipayClient } from '../sdk/src/plugipay';

export type TKey = { keyId: string; secret: string };

type TMintInput = { customerId: string; returnUrl?: string; locale?: string; flow?: Parameters<PlugipayClient['portalSessions']['create']>[0]['flow'] };

/** Mints a portal session the way a merchant does, through the SDK, and returns it (url included). */
export async function mintPortalSession(baseUrl: string, key: TKey, { returnUrl = 'https://yourapp.com/account/billing?from=portal', ...input }: TMintInput) {
  const plugipay = new PlugipayClient({ ...key, baseUrl, maxRetries: 0 });
  return plugipay.portalSessions.create({ returnUrl, ...input });
}

export function tokenOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

/** A token for a session signed with a key of the test's choosing, as the server would sign it. */
export function forgeToken({ kid, key, sessionId, expiresAt }: { kid: string; key: Buffer; sessionId: string; expiresAt: number }): string {
  const payload = `v1.${kid}.${sessionId}.${expiresAt}`;
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The server's link signing keys, from its environment. */
export function tokenKeys(env: NodeJS.ProcessEnv): Record<string, Buffer> {
  return Object.fromEntries((env.PORTAL_TOKEN_KEYS ?? '').split(',').map((entry) => {
    const [kid, key] = entry.split(':') as [string, string];
    return [kid, Buffer.from(key, 'base64')];
  }));
}

/** Opens a link like a browser would on the first hop, without following the redirect. */
export async function openLink(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { redirect: 'manual', headers });
  const setCookie = res.headers.get('set-cookie');
  const cookie = setCookie?.split(';')[0];
  return { res, setCookie, cookie };
}

/** A portal page or route with the login cookie, as the browser would send it. */
export function portalFetch(baseUrl: string, path: string, cookie: string | undefined, init: RequestInit = {}) {
  return fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init, headers: { ...(cookie ? { Cookie: cookie } : {}), ...(init.headers as Record<string, string>) } });
}
