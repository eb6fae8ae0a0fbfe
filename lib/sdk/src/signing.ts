import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// The request signature of docs/api.md. Kept free of server code so the SDK can be published alone.
export function signRequest(
  secret: string,
  { timestamp, method, pathWithQuery, body }: { timestamp: string; method: string; pathWithQuery: string; body: string },
): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return createHmac('sha256', secret).update(`${timestamp}\n${method.toUpperCase()}\n${pathWithQuery}\n${bodyHash}`, 'utf8').digest('hex');
}

export function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

export function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
