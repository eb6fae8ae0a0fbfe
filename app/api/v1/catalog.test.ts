import { describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const unique = uniqueTag;
const product = async (name = 'Pro plan') => (await api(billing(), 'POST', '/api/v1/products', { name })).body as { id: string };

describe('products and prices', () => {
  it('a product is created, updated, archived and listed by state', async () => {
    const created = await api(billing(), 'POST', '/api/v1/products', { name: 'Team plan', description: 'For teams', metadata: { tier: 'team' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^prod_/), object: 'product', name: 'Team plan', description: 'For teams', active: true, metadata: { tier: 'team' }, createdAt: expect.any(String) });
    const archived = await api(billing(), 'PATCH', `/api/v1/products/${created.body.id}`, { active: false, description: null });
    expect(archived.body).toMatchObject({ active: false, description: null, name: 'Team plan' });
    const inactive = (await api(billing(), 'GET', '/api/v1/products?active=false&limit=100')).body.data.map((p: { id: string }) => p.id);
    const active = (await api(billing(), 'GET', '/api/v1/products?active=true&limit=100')).body.data.map((p: { id: string }) => p.id);
    expect(inactive).toContain(created.body.id);
    expect(active).not.toContain(created.body.id);
  });

  it('a recurring price keeps its terms; only its labels and state change', async () => {
    const prod = await product();
    const created = await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'EUR', unitAmount: 1200, recurring: { interval: 'month' }, taxBehavior: 'exclusive', nickname: 'Monthly' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^price_/), object: 'price', product: prod.id, currency: 'EUR', unitAmount: 1200, type: 'recurring',
      recurring: { interval: 'month', intervalCount: 1 }, taxBehavior: 'exclusive', nickname: 'Monthly', lookupKey: null, active: true, metadata: {}, createdAt: expect.any(String),
    });
    for (const field of ['unitAmount', 'currency', 'recurring'] as const) {
      const change = { unitAmount: 1500, currency: 'USD', recurring: null }[field];
      const refused = await api(billing(), 'PATCH', `/api/v1/prices/${created.body.id}`, { [field]: change, nickname: 'Changed' });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'validation_error', param: field });
      expect(refused.body.error.message).toContain('active: false');
    }
    expect((await api(billing(), 'GET', `/api/v1/prices/${created.body.id}`)).body).toEqual(created.body);
    const archived = await api(billing(), 'PATCH', `/api/v1/prices/${created.body.id}`, { active: false });
    expect(archived.body).toMatchObject({ active: false, unitAmount: 1200 });
  });

  it('a one-time price in a zero-decimal currency, listed by product and type', async () => {
    const prod = await product('Setup fee');
    const price = (await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'IDR', unitAmount: 150000 })).body;
    expect(price).toMatchObject({ type: 'one_time', recurring: null, currency: 'IDR', unitAmount: 150000 });
    const listed = (await api(billing(), 'GET', `/api/v1/prices?product=${prod.id}&type=one_time`)).body;
    expect(listed.data.map((p: { id: string }) => p.id)).toEqual([price.id]);
    expect((await api(billing(), 'GET', `/api/v1/prices?product=${prod.id}&type=recurring`)).body.data).toEqual([]);
  });

  it('a lookup key names one price; it moves only when asked to', async () => {
    const prod = await product();
    const key = `pro_monthly_${unique()}`;
    const first = (await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'USD', unitAmount: 900, recurring: { interval: 'month' }, lookupKey: key })).body;
    const taken = await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'USD', unitAmount: 1000, recurring: { interval: 'month' }, lookupKey: key });
    expect(taken.status).toBe(400);
    expect(taken.body.error).toMatchObject({ param: 'lookupKey' });
    expect(taken.body.error.message).toContain(first.id);
    const moved = (await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'USD', unitAmount: 1000, recurring: { interval: 'month' }, lookupKey: key, transferLookupKey: true })).body;
    expect((await api(billing(), 'GET', `/api/v1/prices?lookupKey=${key}`)).body.data.map((p: { id: string }) => p.id)).toEqual([moved.id]);
    expect((await api(billing(), 'GET', `/api/v1/prices/${first.id}`)).body.lookupKey).toBeNull();
  });

  it.each([
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
    ['an unknown currency', { currency: 'EUX' }, 'currency'],
    ['a fractional amount', { unitAmount: 9.99 }, 'unitAmount'],
    ['a negative amount', { unitAmount: -1 }, 'unitAmount'],
    ['an amount over 12 digits', { unitAmount: 1_000_000_000_000 }, 'unitAmount'],
    ['an amount as a string', { unitAmount: '1200' }, 'unitAmount'],
    ['an unknown interval', { recurring: { interval: 'fortnight' } }, 'recurring.interval'],
    ['a period over three years', { recurring: { interval: 'month', intervalCount: 37 } }, 'recurring.intervalCount'],
  ])('a price with %s is refused and nothing is created', async (_, change, param) => {
    const prod = await product();
    const res = await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'EUR', unitAmount: 1200, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
    expect((await api(billing(), 'GET', `/api/v1/prices?product=${prod.id}`)).body.data).toEqual([]);
  });

  it('belong to one account: another merchant’s product cannot be priced, read or changed', async () => {
    const prod = await product();
    const price = (await api(billing(), 'POST', '/api/v1/prices', { product: prod.id, currency: 'EUR', unitAmount: 500 })).body;
    const other = server.creds.otherMerchant;
    const priced = await api(other, 'POST', '/api/v1/prices', { product: prod.id, currency: 'EUR', unitAmount: 1 });
    expect(priced.status).toBe(404);
    expect(priced.body.error).toMatchObject({ code: 'not_found', param: 'product' });
    expect((await api(other, 'GET', `/api/v1/products/${prod.id}`)).status).toBe(404);
    expect((await api(other, 'PATCH', `/api/v1/products/${prod.id}`, { name: 'x' })).status).toBe(404);
    expect((await api(other, 'GET', `/api/v1/prices/${price.id}`)).status).toBe(404);
    expect((await api(other, 'PATCH', `/api/v1/prices/${price.id}`, { active: false })).status).toBe(404);
    expect((await api(other, 'GET', `/api/v1/prices?product=${prod.id}`)).body.data).toEqual([]);
  });
});

describe('tax rates', () => {
  it('keep their percentage exactly, to four decimals, and never change it', async () => {
    const vat = await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'VAT', percentage: '21', inclusive: false, country: 'NL' });
    expect(vat.status).toBe(201);
    expect(vat.body).toMatchObject({ object: 'tax_rate', displayName: 'VAT', percentage: '21.0000', inclusive: false, country: 'NL', active: true });
    const odd = await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'Odd', percentage: '7.6543', inclusive: true });
    expect(odd.body).toMatchObject({ percentage: '7.6543', inclusive: true, country: null });
    const refused = await api(billing(), 'PATCH', `/api/v1/tax-rates/${vat.body.id}`, { percentage: '19' });
    expect(refused.body.error).toMatchObject({ code: 'validation_error', param: 'percentage' });
    const renamed = await api(billing(), 'PATCH', `/api/v1/tax-rates/${vat.body.id}`, { displayName: 'BTW', active: false });
    expect(renamed.body).toMatchObject({ displayName: 'BTW', active: false, percentage: '21.0000' });
    expect((await api(server.creds.otherMerchant, 'GET', `/api/v1/tax-rates/${vat.body.id}`)).status).toBe(404);
    const inclusive = (await api(billing(), 'GET', '/api/v1/tax-rates?inclusive=true&limit=100')).body.data.map((t: { id: string }) => t.id);
    expect(inclusive).toContain(odd.body.id);
    expect(inclusive).not.toContain(vat.body.id);
  });

  it.each([
    ['five decimals', { percentage: '21.12345' }, 'percentage'],
    ['over 100', { percentage: '100.5' }, 'percentage'],
    ['a JSON number', { percentage: 21 }, 'percentage'],
    ['a country in lower case', { country: 'nl' }, 'country'],
  ])('refuse %s', async (_, change, param) => {
    const res = await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'VAT', percentage: '21', inclusive: false, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
  });
});

describe('coupons', () => {
  it('take a percentage or an amount in one currency, and once deleted are gone', async () => {
    const percent = await api(billing(), 'POST', '/api/v1/coupons', { name: 'Launch', percentOff: 25.5, duration: 'repeating', durationInMonths: 3 });
    expect(percent.status).toBe(201);
    expect(percent.body).toMatchObject({ object: 'coupon', percentOff: 25.5, amountOff: null, currency: null, duration: 'repeating', durationInMonths: 3, timesRedeemed: 0, valid: true });
    const amount = await api(billing(), 'POST', '/api/v1/coupons', { amountOff: 500, currency: 'EUR', duration: 'once', maxRedemptions: 10 });
    expect(amount.body).toMatchObject({ percentOff: null, amountOff: 500, currency: 'EUR', duration: 'once', maxRedemptions: 10 });

    expect((await api(server.creds.otherMerchant, 'DELETE', `/api/v1/coupons/${amount.body.id}`)).status).toBe(404);
    expect(await api(billing(), 'DELETE', `/api/v1/coupons/${amount.body.id}`)).toEqual({ status: 200, body: { id: amount.body.id, object: 'coupon', deleted: true } });
    expect((await api(billing(), 'GET', `/api/v1/coupons/${amount.body.id}`)).status).toBe(404);
    const listed = (await api(billing(), 'GET', '/api/v1/coupons?limit=100')).body.data.map((c: { id: string }) => c.id);
    expect(listed).toContain(percent.body.id);
    expect(listed).not.toContain(amount.body.id);
    const deletedEvents = (await api(billing(), 'GET', '/api/v1/events?type=plugipay.coupon.deleted.v1&limit=100')).body.data;
    expect(deletedEvents.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(amount.body.id);
  });

  it.each([
    ['both kinds of discount', { percentOff: 10, amountOff: 100, currency: 'EUR', duration: 'once' }, 'percentOff'],
    ['neither kind', { duration: 'once' }, 'percentOff'],
    ['an amount without a currency', { amountOff: 100, duration: 'once' }, 'currency'],
    ['a percentage with three decimals', { percentOff: 10.125, duration: 'once' }, 'percentOff'],
    ['a percentage over 100', { percentOff: 101, duration: 'once' }, 'percentOff'],
    ['repeating without months', { percentOff: 10, duration: 'repeating' }, 'durationInMonths'],
    ['months without repeating', { percentOff: 10, duration: 'forever', durationInMonths: 2 }, 'durationInMonths'],
    ['a redeem-by date in the past', { percentOff: 10, duration: 'once', redeemBy: '2020-01-01T00:00:00Z' }, 'redeemBy'],
  ])('refuse %s', async (_, body, param) => {
    const res = await api(billing(), 'POST', '/api/v1/coupons', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
  });
});
