import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { isAddressAllowed, type TAddressPolicy } from './address-policy';
import { sendWebhook } from './send-webhook';

const strict: TAddressPolicy = { allowAll: false, allowedNetworks: [] };
const allowing = (...cidrs: string[]): TAddressPolicy => ({ allowAll: false, allowedNetworks: cidrs.map((c) => ipaddr.parseCIDR(c)) });

describe('isAddressAllowed', () => {
  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(isAddressAllowed(address, strict)).toBe(true);
  });

  it.each([
    '127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1',
    '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not an address',
    // IPv4-compatible (::/96), 6to4 and NAT64 forms of loopback, and IPv6 outside global unicast
    '::127.0.0.1', '::7f00:1', '2002:7f00:1::1', '64:ff9b::7f00:1', '100::1', '4000::1',
  ])('refuses %s', (address) => {
    expect(isAddressAllowed(address, strict)).toBe(false);
  });

  it('allows what an allowed network covers, and nothing beside it', () => {
    const policy = allowing('10.20.0.0/16', 'fd00::/8');
    expect(isAddressAllowed('10.20.3.4', policy)).toBe(true);
    expect(isAddressAllowed('::ffff:10.20.3.4', policy)).toBe(true);
    expect(isAddressAllowed('fd00::5', policy)).toBe(true);
    expect(isAddressAllowed('10.21.0.1', policy)).toBe(false);
    expect(isAddressAllowed('127.0.0.1', policy)).toBe(false);
  });

  it('allows everything in demo mode', () => {
    expect(isAddressAllowed('127.0.0.1', { allowAll: true, allowedNetworks: [] })).toBe(true);
  });
});

describe('sendWebhook', () => {
  async function withReceiver(run: (port: number, hits: () => number) => Promise<void>) {
    let count = 0;
    const server = http.createServer((_, res) => {
      count++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await run((server.address() as AddressInfo).port, () => count);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it('refuses a name that resolves to loopback as it connects, and an address literal before', async () => {
    await withReceiver(async (port, hits) => {
      const byName = await sendWebhook(`http://localhost:${port}/`, '{}', {}, strict);
      expect(byName).toMatchObject({ status: undefined, error: expect.stringMatching(/not a public internet address/) });
      const byAddress = await sendWebhook(`http://127.0.0.1:${port}/`, '{}', {}, strict);
      expect(byAddress.error).toMatch(/not a public internet address/);
      expect(hits()).toBe(0);
      expect((await sendWebhook(`http://127.0.0.1:${port}/`, '{}', {}, allowing('127.0.0.0/8'))).status).toBe(200);
      expect(hits()).toBe(1);
    });
  });
});
