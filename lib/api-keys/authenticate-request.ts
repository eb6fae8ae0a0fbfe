import 'server-only';
import { ApiError } from '../api/errors';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { parseAuthorizationHeader, signaturesMatch, signRequest, SIGNATURE_TOLERANCE_SECONDS } from './request-signature';
import { revealApiKeySecret } from './reveal-api-key-secret';

export type TAuthenticatedKey = { keyId: string; accountId: string; scopes: string[] };

// Compared against when the key is unknown, so that an unknown key costs the same HMAC as a known one.
const DECOY_SECRET = 'pps_decoy_secret_for_unknown_keys';

const unauthorized = (message: string) => new ApiError('unauthorized', message);

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
  if (Math.abs(now / 1000 - Number(auth.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    throw unauthorized(`The request timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from the server clock.`);
  }
  const url = new URL(request.url);
  const parts = { timestamp: auth.timestamp, method: request.method, pathWithQuery: url.pathname + url.search, body };

  const prisma = getPrisma();
  const key = await prisma.apiKey.findUnique({
    where: { id: auth.keyId },
    select: { id: true, accountId: true, scopes: true, secretCiphertext: true, revokedAt: true },
  });
  const secret = key && !key.revokedAt ? revealApiKeySecret(key, getConfig().masterKey) : DECOY_SECRET;
  const valid = signaturesMatch(signRequest(secret, parts), auth.signature);
  if (!key || key.revokedAt || !valid) throw unauthorized('The request signature is invalid, or the key is unknown or revoked.');

  // Recorded at most once a minute per key, so that busy keys do not write on every request.
  await prisma.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - 60_000) } }] },
    data: { lastUsedAt: new Date(now) },
  });
  return { keyId: key.id, accountId: key.accountId, scopes: key.scopes };
}
