import { PlugipaySignatureVerificationError } from './errors.js';
import { equalHex, hmacHex } from './signing.js';
import type { PlugipayEvent } from './types.js';

export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  body: string;
  /** The Plugipay-Signature header: t=<unix seconds>,v1=<hex>[,v1=<hex>…]. */
  signature: string;
  secret: string;
  /** How old a signature may be, in seconds (default 300). */
  toleranceSeconds?: number;
}

function fail(message: string): never {
  throw new PlugipaySignatureVerificationError({ code: 'signature_verification_failed', status: 400, message });
}

/**
 * Checks a webhook's signature and age and returns the event. Throws
 * PlugipaySignatureVerificationError otherwise. During a secret rotation the header carries one
 * v1= per valid secret; any of them matching is enough.
 */
export function verifyWebhook<T = Record<string, unknown>>({ body, signature, secret, toleranceSeconds = 300 }: VerifyWebhookInput): PlugipayEvent<T> {
  if (typeof signature !== 'string' || signature === '') fail('Missing Plugipay-Signature header.');
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of signature.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d+$/.test(v)) timestamp = v;
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) signatures.push(v);
  }
  if (!timestamp || signatures.length === 0) fail('Malformed Plugipay-Signature header.');
  const expected = hmacHex(secret, `${timestamp}.${body}`);
  if (!signatures.some((s) => equalHex(expected, s))) fail('No signature matches the body with this secret.');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) fail('The signature timestamp is outside the tolerance.');
  try {
    return JSON.parse(body) as PlugipayEvent<T>;
  } catch {
    return fail('The body is not JSON.');
  }
}
