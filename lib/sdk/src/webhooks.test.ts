import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PlugipaySignatureVerificationError } from './errors.js';
import { verifyWebhook } from './webhooks.js';

const secret = 'whsec_test';
const body = JSON.stringify({ id: 'evt_1', type: 'plugipay.subscription.canceled.v1', createdAt: '2026-01-01T00:00:00Z', account: 'acc_1', data: { object: { id: 'sub_1' } } });
const sign = (s: string, t: number, b = body) => createHmac('sha256', s).update(`${t}.${b}`).digest('hex');
const now = () => Math.floor(Date.now() / 1000);

describe('verifyWebhook', () => {
  it('returns the event when the signature verifies', () => {
    const t = now();
    expect(verifyWebhook({ body, signature: `t=${t},v1=${sign(secret, t)}`, secret }).data.object).toEqual({ id: 'sub_1' });
  });

  it('accepts any one of several v1 signatures (secret rotation)', () => {
    const t = now();
    expect(verifyWebhook({ body, signature: `t=${t},v1=${sign('old', t)},v1=${sign(secret, t)}`, secret }).id).toBe('evt_1');
  });

  it.each([
    ['a tampered body', (t: number) => ({ body: body.replace('sub_1', 'sub_2'), signature: `t=${t},v1=${sign(secret, t)}` })],
    ['a stale timestamp', (t: number) => ({ body, signature: `t=${t - 301},v1=${sign(secret, t - 301)}` })],
    ['a rotated-out secret', (t: number) => ({ body, signature: `t=${t},v1=${sign('whsec_old', t)}` })],
    ['a timestamp changed after signing', (t: number) => ({ body, signature: `t=${t + 1},v1=${sign(secret, t)}` })],
    ['a malformed header', () => ({ body, signature: 'garbage' })],
    ['an empty header', () => ({ body, signature: '' })],
  ])('refuses %s', (_, make) => {
    expect(() => verifyWebhook({ ...make(now()), secret })).toThrow(PlugipaySignatureVerificationError);
  });
});
