import { describe, expect, it } from 'vitest';
import { truncateIp, truncateUserAgent } from './client-fingerprint';

describe('audit fingerprints', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['not an ip', null],
    [null, null],
  ])('truncates %s to %s', (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });

  it('keeps at most 200 characters of a user agent', () => {
    expect(truncateUserAgent('x'.repeat(500))).toHaveLength(200);
  });
});
