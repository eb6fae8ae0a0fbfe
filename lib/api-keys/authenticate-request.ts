import 'server-only';
import { ApiError } from '../api/errors';
import { getConfig } from '../config/get-config';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { rawRows } from '../db/raw-rows';
import { EDGE_HEADERS } from '../server/request-edge';
import { MAX_FUTURE_SKEW_SECONDS, parseAuthorizationHeader, signaturesMatch, signRequest, SIGNATURE_TOLERANCE_SECONDS } from './request-signature';
import { revealApiKeySecret } from './reveal-api-key-secret';

export type TAuthenticatedKey = { keyId: string; accountId: string; scopes: string[] };

// Compared against when the key is unknown, so that an unknown key costs the same HMAC as a known one.
const DECOY_SECRET = 'pps_decoy_secret_for_unknown_keys';

const unauthorized = (message: string) => new ApiError('unauthorized', message);

/**
 * The request target exactly as the client sent it, which is what the client signed (the server
 * passes it on; Next.js's own URL re-serializes the query). Its path must be the one routed.
 */
export function requestTarget(request: Request): string {
  const url = new URL(request.url);
  const sent = request.headers.get(EDGE_HEADERS.target);
  if (sent === null) return url.pathname + url.search;
  if (new URL(sent, url.origin).pathname !== url.pathname) throw unauthorized('The request signature is invalid, or the key is unknown or revoked.');
  return sent;
}

/**
 * Verifies a merchant request's HMAC signature (docs/api.md). Every failure is 401 and none of them
 * says whether the key exists.
 */
export async function authenticateRequest(
  request: Request,
  body: string,
  now: number = Date.now(),
): Promise<TAuthenticatedKey> {
  const auth = parseAuthorizationHeader(request.headers.get('authorization'));
  if (!auth) {
    throw unauthorized('Missing or malformed Authorization header; expected "Plugipay-HMAC-SHA256 keyId=…,timestamp=…,signature=…".');
  }
  const age = now / 1000 - Number(auth.timestamp);
  if (age > SIGNATURE_TOLERANCE_SECONDS || age < -MAX_FUTURE_SKEW_SECONDS) {
    throw unauthorized(
      `The request timestamp is more than ${age > 0 ? `${SIGNATURE_TOLERANCE_SECONDS} seconds behind` : `${MAX_FUTURE_SKEW_SECONDS} seconds ahead of`} the server clock.`,
    );
  }
  const parts = { timestamp: auth.timestamp, method: request.method, pathWithQuery: requestTarget(request), body };

  // On the driver: every merchant request makes this read (docs/decisions.md, "Raw SQL on hot paths").
  const [key] = await rawRows<{ id: string; accountId: string; scopes: string[]; secretCiphertext: string; revokedAt: Date | null }>(Prisma.sql`
    SELECT "id", "accountId", "scopes", "secretCiphertext", "revokedAt" FROM "ApiKey" WHERE "id" = ${auth.keyId}`);
  const secret = key && !key.revokedAt ? revealApiKeySecret(key, getConfig().masterKey) : DECOY_SECRET;
  const valid = signaturesMatch(signRequest(secret, parts), auth.signature);
  if (!key || key.revokedAt || !valid) throw unauthorized('The request signature is invalid, or the key is unknown or revoked.');

  await recordKeyUse(key.id, now);
  return { keyId: key.id, accountId: key.accountId, scopes: key.scopes };
}

// When this process last wrote each key's lastUsedAt: a busy key costs one write a minute per
// instance, not a statement per request.
const recordedAt = new Map<string, number>();

async function recordKeyUse(keyId: string, now: number): Promise<void> {
  if (now - (recordedAt.get(keyId) ?? -Infinity) < 60_000) return;
  recordedAt.set(keyId, now);
  if (recordedAt.size > 10_000) recordedAt.clear();
  // Another instance may have written it within the minute: then this changes nothing.
  await getPrisma().apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - 60_000) } }] },
    data: { lastUsedAt: new Date(now) },
  });
}
