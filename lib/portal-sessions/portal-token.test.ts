import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids/new-id';
import { signPortalToken, verifyPortalToken } from './portal-token';

const k1 = { kid: 'k1', key: randomBytes(32) };
const k2 = { kid: 'k2', key: randomBytes(32) };
const sessionId = newId('portalSession');
const now = Date.UTC(2026, 10, 25, 8, 0, 0);
const expiresAt = new Date(now + 5 * 60_000);

describe('portal link tokens', () => {
  it('verify with the key that signed them, until they expire', () => {
    const token = signPortalToken({ sessionId, expiresAt }, k1);
    expect(verifyPortalToken(token, [k1], now)).toEqual({ ok: true, sessionId, expiresAt });
    expect(verifyPortalToken(token, [k1], expiresAt.getTime() - 1).ok).toBe(true);
    expect(verifyPortalToken(token, [k1], expiresAt.getTime())).toEqual({ ok: false, reason: 'expired', sessionId });
    expect(verifyPortalToken(token, [k1], now + 3600_000).ok).toBe(false);
  });

  it('keep verifying with the old key after rotation, until the old key is removed', () => {
    const old = signPortalToken({ sessionId, expiresAt }, k1);
    expect(verifyPortalToken(old, [k2, k1], now).ok).toBe(true);
    expect(verifyPortalToken(old, [k2], now)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(verifyPortalToken(signPortalToken({ sessionId, expiresAt }, k2), [k2, k1], now).ok).toBe(true);
  });

  it('refuse a key id that names another key’s secret', () => {
    const token = signPortalToken({ sessionId, expiresAt }, { kid: 'k2', key: k1.key });
    expect(verifyPortalToken(token, [k1, k2], now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuse any single-character change', () => {
    const token = signPortalToken({ sessionId, expiresAt }, k1);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCDEFGHJKMNPQRSTVWXYZ0123456789abcdefxyz-_.'), (index, char) => {
        fc.pre(token[index] !== char);
        const changed = token.slice(0, index) + char + token.slice(index + 1);
        expect(verifyPortalToken(changed, [k1], now).ok).toBe(false);
      }),
    );
  });

  it('refuse truncated, extended and oversized tokens as malformed', () => {
    const token = signPortalToken({ sessionId, expiresAt }, k1);
    for (const bad of [token.slice(0, -1), token.slice(0, 20), `${token}A`, `${token}.x`, 'A'.repeat(10_000), '']) {
      expect(verifyPortalToken(bad, [k1], now).ok).toBe(false);
    }
  });
});
