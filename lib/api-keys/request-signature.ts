import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// The merchant API's request signature (../shared/CONTRACT.md, docs/api.md). Shared by the server's
// verification and the tests; the SDK carries its own copy so that it has no server imports.
export const AUTH_SCHEME = 'Plugipay-HMAC-SHA256';
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** A timestamp from the future is a client clock running fast; past this it is refused. */
export const MAX_FUTURE_SKEW_SECONDS = 60;

export type TSignedParts = { timestamp: string; method: string; pathWithQuery: string; body: string };

export function stringToSign({ timestamp, method, pathWithQuery, body }: TSignedParts): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${timestamp}\n${method.toUpperCase()}\n${pathWithQuery}\n${bodyHash}`;
}

export function signRequest(secret: string, parts: TSignedParts): string {
  return createHmac('sha256', secret).update(stringToSign(parts), 'utf8').digest('hex');
}

export function authorizationHeader(keyId: string, secret: string, parts: TSignedParts): string {
  return `${AUTH_SCHEME} keyId=${keyId},timestamp=${parts.timestamp},signature=${signRequest(secret, parts)}`;
}

const HEADER = /^Plugipay-HMAC-SHA256 keyId=(key_[0-9A-HJKMNP-TV-Z]{26}),timestamp=(\d{1,12}),signature=([0-9a-f]{64})$/;

export function parseAuthorizationHeader(header: string | null): { keyId: string; timestamp: string; signature: string } | undefined {
  const match = header?.trim().match(HEADER);
  if (!match) return undefined;
  return { keyId: match[1]!, timestamp: match[2]!, signature: match[3]! };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesMatch(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(givenHex, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
