import { describe, expect, it } from 'vitest';
import { apiCaller } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const newCustomer = async () => (await api(billing(), 'POST', '/api/v1/customers', { email: `cards-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com` })).body.id as string;
const cardsOf = async (customerId: string) => (await api(billing(), 'GET', `/api/v1/customers/${customerId}/payment-methods?limit=100`)).body.data as { id: string; isDefault: boolean; card: { brand: string } }[];

describe('payment methods through the API', () => {
  it('attach from tokens, move the default, detach, each with its event', async () => {
    const customerId = await newCustomer();
    const visa = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_visa', billingDetails: { name: 'Ada Lovelace' } });
    expect(visa.status).toBe(201);
    expect(visa.body).toMatchObject({
      id: expect.stringMatching(/^pm_/), object: 'payment_method', customer: customerId, type: 'card', isDefault: true, detached: false,
      card: { brand: 'visa', last4: '4242', expMonth: 12, fingerprint: expect.any(String) }, billingDetails: { name: 'Ada Lovelace' },
    });
    const mastercard = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_mastercard', makeDefault: true });
    expect(mastercard.body).toMatchObject({ isDefault: true, card: { brand: 'mastercard', last4: '4444' } });
    expect((await cardsOf(customerId)).map((c) => [c.id, c.isDefault])).toEqual([[mastercard.body.id, true], [visa.body.id, false]]);

    const back = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods/${visa.body.id}/default`);
    expect(back.body).toMatchObject({ id: visa.body.id, isDefault: true });
    const detached = await api(billing(), 'DELETE', `/api/v1/customers/${customerId}/payment-methods/${visa.body.id}`);
    expect(detached.body).toMatchObject({ id: visa.body.id, detached: true, isDefault: false });
    expect((await cardsOf(customerId)).map((c) => c.id)).toEqual([mastercard.body.id]);
    expect((await api(billing(), 'DELETE', `/api/v1/customers/${customerId}/payment-methods/${visa.body.id}`)).status).toBe(404);

    const events = async (type: string) =>
      ((await api(billing(), 'GET', `/api/v1/events?type=${type}&limit=100`)).body.data as { data: { object: { id: string; customer: string } } }[]).filter((e) => e.data.object.customer === customerId).map((e) => e.data.object.id);
    expect((await events('plugipay.payment_method.attached.v1')).sort()).toEqual([visa.body.id, mastercard.body.id].sort());
    expect(await events('plugipay.payment_method.detached.v1')).toEqual([visa.body.id]);
    expect(await events('plugipay.payment_method.updated.v1')).toEqual([visa.body.id]);
  });

  it.each([
    ['a card the processor declines', { token: 'tok_chargeDeclined' }, 'token', /card_declined/],
    ['a card with insufficient funds', { token: 'tok_insufficientFunds' }, 'token', /insufficient_funds/],
    ['a token the processor never issued', { token: 'tok_unknown' }, 'token', /./],
    ['a card number', { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' }, 'number', /never go through this API/],
  ])('refuse %s and store nothing', async (_, body, param, message) => {
    const customerId = await newCustomer();
    const res = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
    expect(res.body.error.message).toMatch(message);
    expect(await cardsOf(customerId)).toEqual([]);
  });

  it('refuse the same card twice', async () => {
    const customerId = await newCustomer();
    expect((await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_amex' })).status).toBe(201);
    const again = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_amex' });
    expect(again.body.error).toMatchObject({ code: 'validation_error', param: 'token' });
    expect(await cardsOf(customerId)).toHaveLength(1);
  });

  it('belong to one customer of one account', async () => {
    const customerId = await newCustomer();
    const otherCustomerId = await newCustomer();
    const card = (await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_visa' })).body;
    const other = server.creds.otherMerchant;
    expect((await api(other, 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_visa' })).status).toBe(404);
    expect((await api(other, 'GET', `/api/v1/customers/${customerId}/payment-methods`)).status).toBe(404);
    expect((await api(other, 'DELETE', `/api/v1/customers/${customerId}/payment-methods/${card.id}`)).status).toBe(404);
    // The right account but the wrong customer: the card is not that customer's.
    expect((await api(billing(), 'DELETE', `/api/v1/customers/${otherCustomerId}/payment-methods/${card.id}`)).status).toBe(404);
    expect((await api(billing(), 'POST', `/api/v1/customers/${otherCustomerId}/payment-methods/${card.id}/default`)).status).toBe(404);
    expect((await cardsOf(customerId)).map((c) => c.id)).toEqual([card.id]);
  });
});
