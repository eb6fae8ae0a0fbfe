import { createHmac } from 'node:crypto';

/**
 * The Plugipay-Signature header (../shared/CONTRACT.md "Webhooks"): `t=<unix seconds>` and one
 * `v1=<hex HMAC-SHA256(secret, t + "." + body)>` per secret that is valid now (two during a rotation).
 */
export function webhookSignatureHeader(body: string, secrets: string[], timestamp: number): string {
  const signed = `${timestamp}.${body}`;
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed, 'utf8').digest('hex')}`)].join(',');
}
