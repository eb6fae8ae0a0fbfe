import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, isId, newId, type TIdKind } from './new-id';

const CONTRACT_PREFIXES: Partial<Record<TIdKind, string>> = {
  account: 'acc_',
  customer: 'cus_',
  portalSession: 'pls_',
  subscription: 'sub_',
  invoice: 'inv_',
  payment: 'pay_',
  paymentMethod: 'pm_',
  webhookEndpoint: 'we_',
  event: 'evt_',
  apiKey: 'key_',
  request: 'req_',
};

describe('newId', () => {
  it.each(Object.entries(CONTRACT_PREFIXES))('makes %s ids with the contract prefix %s and a ULID', (kind, prefix) => {
    const id = newId(kind as TIdKind);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id.slice(prefix.length)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isId(kind as TIdKind, id)).toBe(true);
  });

  it('refuses ids of another kind, or malformed', () => {
    const customer = newId('customer');
    expect(isId('account', customer)).toBe(false);
    expect(isId('customer', customer.slice(0, -1))).toBe(false);
    expect(isId('customer', customer.toLowerCase())).toBe(false);
    expect(isId('customer', `${customer}0`)).toBe(false);
    expect(isId('customer', 42)).toBe(false);
  });

  it('sorts ids in the order they were created, within one millisecond too', () => {
    const ids = Array.from({ length: 1000 }, () => newId('event'));
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts ids by their creation time, whatever the times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), { minLength: 2, maxLength: 50 }), (times) => {
        const made = times.map((t) => ({ t, id: newId('invoice', t) }));
        const byId = [...made].sort((a, b) => (a.id < b.id ? -1 : 1)).map((m) => m.t);
        expect(byId).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });

  it('draws the random part afresh for each millisecond: no two ids share it, past any pool of random bytes', () => {
    // 1,000 ids at distinct times draw 16,000 random characters, several refills of the pool.
    const randomParts = Array.from({ length: 1000 }, (_, i) => newId('customer', Date.UTC(2026, 0, 1) + i).slice(-16));
    expect(new Set(randomParts).size).toBe(randomParts.length);
    // Each of the 32 characters turns up in every position: none is stuck or out of reach.
    for (let position = 0; position < 16; position++) {
      expect(new Set(randomParts.map((part) => part[position])).size).toBe(32);
    }
  });

  it('has one prefix per kind', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
