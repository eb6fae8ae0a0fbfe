import { createHmac } from 'node:crypto';
import { signedFetch } from './signed-fetch';

export type TKey = { keyId: string; secret: string };

/** Mints a portal session through the API and returns it (url included). */
export async function mintPortalSession(baseUrl: string, key: TKey, body: Record<string, unknown>) {
  const res = await signedFetch(baseUrl, { path: '/api/v1/portal-sessions', key, body: { returnUrl: 'https://yourapp.com/account/billing?from=portal', ...body } });
  if (res.status !== 201) throw new Error(`minting a portal session failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; url: string; returnUrl: string; expiresAt: string; customerId: string };
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
