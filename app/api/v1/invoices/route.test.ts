import { describe, expect, it } from 'vitest';
import { pdfText } from '@/lib/testing/pdf-text';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { apiCaller, type TBody } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();

const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const customer = async (token?: string) => {
  const id = (await api(billing(), 'POST', '/api/v1/customers', { email: `inv-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com` })).body.id as string;
  if (token) await api(billing(), 'POST', `/api/v1/customers/${id}/payment-methods`, { token });
  return id;
};
const oneTimePrice = async (currency: string, unitAmount: number) => {
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: 'Setup fee' })).body;
  return (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency, unitAmount })).body.id as string;
};

describe('one-off invoices', () => {
  it('a draft gathers items, is finalized with the next number and charged to the default card', async () => {
    const customerId = await customer('tok_visa');
    const vat = (await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'VAT', percentage: '20', inclusive: false })).body;
    const draft = await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'GBP', defaultTaxRates: [vat.id], description: 'Onboarding' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: null, total: 0, currency: 'GBP', collectionMethod: 'charge_automatically' });

    const fee = await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, price: await oneTimePrice('GBP', 5000) });
    expect(fee.body).toMatchObject({ object: 'invoice_item', id: expect.stringMatching(/^ii_/), invoice: draft.body.id, description: 'Setup fee', amount: 5000, taxRates: [vat.id] });
    const hours = await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, amount: 1250, currency: 'GBP', quantity: 3, description: 'Training hour', taxRates: [] });
    expect(hours.body).toMatchObject({ invoice: draft.body.id, amount: 3750, taxRates: [] });
    // £50.00 + 20 % VAT and 3 × £12.50 untaxed: £97.50.
    expect((await api(billing(), 'GET', `/api/v1/invoices/${draft.body.id}`)).body).toMatchObject({ status: 'draft', subtotal: 8750, tax: 1000, total: 9750 });

    const finalized = await api(billing(), 'POST', `/api/v1/invoices/${draft.body.id}/finalize`);
    expect(finalized.body).toMatchObject({ status: 'paid', total: 9750, amountPaid: 9750, number: expect.stringMatching(/^[A-Z0-9]{8}-\d{4}$/) });
    expect((await api(billing(), 'GET', `/api/v1/payments?invoice=${draft.body.id}`)).body.data).toEqual([expect.objectContaining({ status: 'succeeded', amount: 9750 })]);
    expect((await api(billing(), 'POST', `/api/v1/invoices/${draft.body.id}/finalize`)).body.error).toMatchObject({ code: 'invalid_state' });
    expect((await api(billing(), 'POST', `/api/v1/invoices/${draft.body.id}/void`)).body.error).toMatchObject({ code: 'invalid_state' });
    expect((await api(billing(), 'POST', `/api/v1/invoices/${draft.body.id}/pay`)).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it('send_invoice waits for the customer; pay takes a named card, a decline leaves it open; void and uncollectible end it', async () => {
    const customerId = await customer('tok_chargeCustomerFail');
    const good = (await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_mastercard' })).body;
    const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'USD', collectionMethod: 'send_invoice', daysUntilDue: 30 })).body;
    await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount: 4200, currency: 'USD', description: 'Consulting' });
    const open = (await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`)).body;
    expect(open).toMatchObject({ status: 'open', amountDue: 4200 });
    expect(new Date(open.dueDate).getTime() - new Date(open.issuedAt).getTime()).toBe(30 * 86_400_000);

    const declined = await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/pay`);
    expect(declined.body.error).toMatchObject({ code: 'validation_error', param: 'paymentMethod' });
    expect(declined.body.error.message).toContain('card_declined');
    expect((await api(billing(), 'GET', `/api/v1/invoices/${draft.id}`)).body.status).toBe('open');
    expect((await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/pay`, { paymentMethod: good.id })).body).toMatchObject({ status: 'paid', amountPaid: 4200 });

    const second = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'USD', collectionMethod: 'send_invoice', daysUntilDue: 7 })).body;
    await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: second.id, amount: 100, currency: 'USD', description: 'Late fee' });
    await api(billing(), 'POST', `/api/v1/invoices/${second.id}/finalize`);
    expect((await api(billing(), 'POST', `/api/v1/invoices/${second.id}/mark-uncollectible`)).body.status).toBe('uncollectible');
    expect((await api(billing(), 'POST', `/api/v1/invoices/${second.id}/void`)).body).toMatchObject({ status: 'void', voidedAt: expect.any(String) });
    expect((await api(billing(), 'POST', `/api/v1/invoices/${second.id}/pay`)).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it.each([
    ['a price and an amount', { amount: 100, currency: 'EUR', description: 'x', price: 'price_01JD8X3YQ9T5W7V2K4M6N8P0R2' }, 'price'],
    ['an amount without a description', { amount: 100, currency: 'EUR' }, 'description'],
    ['an amount without a currency', { amount: 100, description: 'x' }, 'currency'],
    ['a fractional amount', { amount: 1.5, currency: 'EUR', description: 'x' }, 'amount'],
  ])('an item with %s is refused', async (_, body, param) => {
    const res = await api(billing(), 'POST', '/api/v1/invoice-items', { customer: await customer(), ...body });
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
  });

  it('one invoice, one currency and one customer; an empty draft cannot be finalized; another account sees nothing', async () => {
    const customerId = await customer();
    const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'EUR' })).body;
    expect((await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`)).body.error).toMatchObject({ code: 'invalid_state' });
    const usd = await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount: 100, currency: 'USD', description: 'x' });
    expect(usd.body.error).toMatchObject({ code: 'validation_error', param: 'currency' });
    const elsewhere = await api(billing(), 'POST', '/api/v1/invoice-items', { customer: await customer(), invoice: draft.id, amount: 100, currency: 'EUR', description: 'x' });
    expect(elsewhere.body.error).toMatchObject({ code: 'not_found', param: 'invoice' });
    const recurring = (await api(billing(), 'POST', '/api/v1/prices', { product: (await api(billing(), 'POST', '/api/v1/products', { name: 'Monthly' })).body.id, currency: 'EUR', unitAmount: 100, recurring: { interval: 'month' } })).body.id;
    expect((await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, price: recurring })).body.error).toMatchObject({ code: 'validation_error', param: 'price' });
    expect((await api(billing(), 'GET', `/api/v1/invoices/${draft.id}`)).body).toMatchObject({ lines: [], total: 0 });

    const other = server.creds.otherMerchant;
    for (const path of ['finalize', 'pay', 'void', 'mark-uncollectible']) expect((await api(other, 'POST', `/api/v1/invoices/${draft.id}/${path}`)).status).toBe(404);
    expect((await api(other, 'POST', '/api/v1/invoice-items', { customer: customerId, amount: 1, currency: 'EUR', description: 'x' })).status).toBe(404);
    expect((await api(other, 'POST', '/api/v1/invoices', { customer: customerId, currency: 'EUR' })).status).toBe(404);
  });
});

describe('refunds', () => {
  it('give money back in parts, never more than was paid, and only for money taken', async () => {
    const customerId = await customer('tok_visa');
    const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'EUR' })).body;
    await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount: 1000, currency: 'EUR', description: 'Workshop' });
    await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    const [payment] = (await api(billing(), 'GET', `/api/v1/payments?invoice=${draft.id}`)).body.data;

    const part = await api(billing(), 'POST', '/api/v1/refunds', { payment: payment.id, amount: 400, reason: 'requested_by_customer' });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ object: 'refund', id: expect.stringMatching(/^re_/), payment: payment.id, amount: 400, currency: 'EUR', reason: 'requested_by_customer' });
    expect((await api(billing(), 'GET', `/api/v1/payments/${payment.id}`)).body).toMatchObject({ status: 'succeeded', amountRefunded: 400 });
    // The customer sees it on the receipt, in the portal and its PDF.
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId, locale: 'en' })).url);
    expect(await (await portalFetch(server.baseUrl, `/portal/receipts/${payment.id}`, cookie)).text()).toContain('€4.00 of €10.00 refunded');
    const pdf = await portalFetch(server.baseUrl, `/portal/receipts/${payment.id}/pdf`, cookie);
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ')).toContain('Refunded €4.00');
    const over = await api(billing(), 'POST', '/api/v1/refunds', { payment: payment.id, amount: 601 });
    expect(over.body.error).toMatchObject({ code: 'invalid_state', param: 'amount' });
    const rest = await api(billing(), 'POST', '/api/v1/refunds', { payment: payment.id });
    expect(rest.body.amount).toBe(600);
    expect((await api(billing(), 'GET', `/api/v1/payments/${payment.id}`)).body).toMatchObject({ status: 'refunded', amountRefunded: 1000 });
    // Its PDF is drawn again for what it now says, not served as it was drawn before.
    const refundedPdf = await portalFetch(server.baseUrl, `/portal/receipts/${payment.id}/pdf`, cookie);
    expect((await pdfText(new Uint8Array(await refundedPdf.arrayBuffer()))).replace(/\s+/g, ' ')).toContain('Refunded €10.00');
    expect((await api(billing(), 'POST', '/api/v1/refunds', { payment: payment.id, amount: 1 })).body.error).toMatchObject({ code: 'invalid_state' });
    expect((await api(billing(), 'GET', `/api/v1/refunds?payment=${payment.id}`)).body.data.map((r: TBody) => r.amount)).toEqual([600, 400]);
    expect((await api(server.creds.otherMerchant, 'POST', '/api/v1/refunds', { payment: payment.id, amount: 1 })).status).toBe(404);
    expect((await api(server.creds.otherMerchant, 'GET', `/api/v1/refunds/${part.body.id}`)).status).toBe(404);
    const events = (await api(billing(), 'GET', '/api/v1/events?type=plugipay.refund.created.v1&limit=100')).body.data.filter((e: TBody) => e.data.object.payment === payment.id);
    expect(events).toHaveLength(2);
  });

  it('refuse a failed payment', async () => {
    const customerId = await customer('tok_chargeCustomerFail');
    const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency: 'EUR' })).body;
    await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount: 1000, currency: 'EUR', description: 'Workshop' });
    await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    const [failed] = (await api(billing(), 'GET', `/api/v1/payments?invoice=${draft.id}`)).body.data;
    expect(failed.status).toBe('failed');
    expect((await api(billing(), 'POST', '/api/v1/refunds', { payment: failed.id })).body.error).toMatchObject({ code: 'invalid_state' });
  });
});
