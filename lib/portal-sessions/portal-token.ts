import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

// A portal link's token: v1.<kid>.<sessionId>.<expires, unix seconds>.<HMAC-SHA256, base64url>.
// It names its signing key so keys can rotate, and it is checked (format, key, signature, expiry)
// before anything reads the database.
const VERSION = 'v1';
export const MAX_TOKEN_LENGTH = 160;
const TOKEN = /^v1\.([a-z0-9_-]{1,16})\.(pls_[0-9A-HJKMNP-TV-Z]{26})\.(\d{10,12})\.([A-Za-z0-9_-]{43})$/;

export type TTokenKey = { kid: string; key: Buffer };

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signPortalToken({ sessionId, expiresAt }: { sessionId: string; expiresAt: Date }, signingKey: TTokenKey): string {
  const payload = `${VERSION}.${signingKey.kid}.${sessionId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(signingKey.key, payload).toString('base64url')}`;
}

export type TTokenCheck =
  | { ok: true; sessionId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'expired'; sessionId?: string };

export function verifyPortalToken(token: string, keys: TTokenKey[], now: number = Date.now()): TTokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, kid, sessionId, exp, signature] = match as unknown as [string, string, string, string, string];
  const key = keys.find((k) => k.kid === kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  // Compared as canonical text, not decoded bytes: base64 ignores the last character's spare bits,
  // and a token that differs by any character must not verify.
  const expected = Buffer.from(mac(key.key, `${VERSION}.${kid}.${sessionId}.${exp}`).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(exp) * 1000);
  if (expiresAt.getTime() <= now) return { ok: false, reason: 'expired', sessionId };
  return { ok: true, sessionId, expiresAt };
}
