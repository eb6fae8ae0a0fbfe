import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest as sdkSignRequest } from '../sdk/src/signing';
import { parseAuthorizationHeader, signRequest, signaturesMatch } from './request-signature';

describe('the request signature', () => {
  it('matches the worked example of docs/api.md', () => {
    const parts = {
      timestamp: '1795600000',
      method: 'POST',
      pathWithQuery: '/api/v1/portal-sessions',
      body: '{"customerId":"cus_01JD5X2Q8N3V7K9M4T6R1W0YZA","returnUrl":"https://yourapp.com/account/billing?from=portal"}',
    };
    expect(signRequest('pps_4mT9xYq2Lr8VbN3cKf6HwZs1JpD7eUa0gRiOtE5nWkM', parts)).toBe('ff26d5f36bf6a1efbe60c8957bef60e179da8837c524ca977aff7c3ed3938d07');
  });

  it('is computed the same by the SDK and the server, for any request', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'), fc.webPath(), fc.string(), fc.integer({ min: 0 }), (secret, method, path, body, ts) => {
        const parts = { timestamp: String(ts), method, pathWithQuery: path, body };
        expect(sdkSignRequest(secret, parts)).toBe(signRequest(secret, parts));
      }),
    );
  });

  it('parses only the exact header format', () => {
    const sig = 'a'.repeat(64);
    expect(parseAuthorizationHeader(`Plugipay-HMAC-SHA256 keyId=key_01HM56NZ00AAAAAAAAAAAAAAAA,timestamp=1795600000,signature=${sig}`)).toEqual({
      keyId: 'key_01HM56NZ00AAAAAAAAAAAAAAAA',
      timestamp: '1795600000',
      signature: sig,
    });
    for (const bad of [null, '', 'Bearer x', `Plugipay-HMAC-SHA256 keyId=key_x,timestamp=1,signature=${sig}`, `Plugipay-HMAC-SHA256 keyId=key_01HM56NZ00AAAAAAAAAAAAAAAA,timestamp=1,signature=${sig.toUpperCase()}`]) {
      expect(parseAuthorizationHeader(bad)).toBeUndefined();
    }
  });

  it('compares signatures of different lengths as unequal', () => {
    expect(signaturesMatch('ab'.repeat(32), 'ab'.repeat(32))).toBe(true);
    expect(signaturesMatch('ab'.repeat(32), 'ab'.repeat(31))).toBe(false);
    expect(signaturesMatch('ab'.repeat(32), 'ac'.repeat(32))).toBe(false);
  });
});
