import { describe, expect, it } from 'vitest';
import { clientAddress, hasDecodablePath } from './request-edge';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9');
  });

  it('is the address the outermost trusted proxy appended, never one the client wrote', () => {
    // client forged "1.2.3.4"; the one proxy appended the real peer 198.51.100.7
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    // two proxies: the outer appended 198.51.100.7, the inner 10.0.0.5
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.5', 2)).toBe('198.51.100.7');
  });

  it('falls back to the peer when the chain is shorter than the hops or not an address', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2');
  });
});

describe('hasDecodablePath', () => {
  it('refuses percent-encoding that is not UTF-8, and only in the path', () => {
    expect(hasDecodablePath('/p/%FF%FE')).toBe(false);
    expect(hasDecodablePath('/portal/receipts/%E0%A4%A')).toBe(false);
    expect(hasDecodablePath('/portal/receipts/caf%C3%A9?q=%FF')).toBe(true);
  });
});
