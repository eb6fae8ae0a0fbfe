import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

export type TCookieSpec = { name: string; secure: boolean };

/**
 * The portal cookie. On https it is `__Host-` prefixed (Secure, Path=/, no Domain: the browser
 * enforces that it belongs to this exact host); on plain-http localhost it cannot be Secure.
 */
const SECURE_NAME = '__Host-plugipay_portal';
const PLAIN_NAME = 'plugipay_portal';

export function portalCookieSpec(portalBaseUrl: string): TCookieSpec {
  const secure = new URL(portalBaseUrl).protocol === 'https:';
  return { name: secure ? SECURE_NAME : PLAIN_NAME, secure };
}

/** Whether a request carries a portal cookie of either kind: without one there is no login to look up. */
export function hasPortalCookie(names: { has: (name: string) => boolean }): boolean {
  return names.has(SECURE_NAME) || names.has(PLAIN_NAME);
}

/**
 * Set when a login ends by "Done" or a finished flow, holding the portal session's id (not a
 * credential: it opens nothing). It lets the "session ended" page that Back leads to show the
 * merchant's name and the way back to them.
 */
export function endedCookieSpec(portalBaseUrl: string): TCookieSpec {
  const { name, secure } = portalCookieSpec(portalBaseUrl);
  return { name: `${name}_ended`, secure };
}

export function newCookieValue(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored; a leaked database does not hand out working cookies. */
export function hashCookieValue(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function setCookieHeader(spec: TCookieSpec, value: string, maxAgeSeconds: number): string {
  return [`${spec.name}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(spec.secure ? ['Secure'] : [])].join('; ');
}

export function clearCookieHeader(spec: TCookieSpec): string {
  return [`${spec.name}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(spec.secure ? ['Secure'] : [])].join('; ');
}

/** The cookie that remembers, for an hour, which portal session just ended in this browser. */
export function endedCookieHeader(portalBaseUrl: string, portalSessionId: string): string {
  return setCookieHeader(endedCookieSpec(portalBaseUrl), portalSessionId, 3600);
}
