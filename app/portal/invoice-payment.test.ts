import { describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody, type TKey } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function customer(key: TKey, token: string) {
  const c = (await api(key, 'POST', '/api/v1/customers', { email: `pay-${uniqueTag()}@example.com`, name: 'Payer' })).body;
  expect((await api(key, 'POST', `/api/v1/customers/${c.id}/payment-methods`, { token })).status).toBe(201);
  return c.id as string;
}
/** A subscription whose first charge was declined: incomplete, its invoice open. */
async function declinedSubscription() {
  const customerId = await customer(billing(), 'tok_chargeCustomerFail');
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: `Owed ${uniqueTag()}` })).body;
  const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount: 1200, recurring: { interval: 'month' } })).body;
  const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: price.id }] })).body;
  expect(sub.status).toBe('incomplete');
  const [invoice] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data;
  return { customerId, sub, invoice: invoice as TBody };
}
/** An invoice sent to the customer to pay within 30 days, or (charged) one whose charge was declined. */
async function sentInvoice(key: TKey, customerId: string, terms: Record<string, unknown> = { collectionMethod: 'send_invoice', daysUntilDue: 30 }) {
  const draft = (await api(key, 'POST', '/api/v1/invoices', { customer: customerId, currency: 'USD', ...terms })).body;
  expect((await api(key, 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount: 2500, currency: 'USD', description: 'Consulting' })).status).toBe(201);
  const open = (await api(key, 'POST', `/api/v1/invoices/${draft.id}/finalize`)).body;
  expect(open.status).toBe('open');
  return open as TBody;
}
async function portalOf(key: TKey, customerId: string, body: Record<string, unknown> = {}) {
  const session = await mintPortalSession(server.baseUrl, key, { customerId, locale: 'en', ...body });
  const { cookie, res } = await openLink(session.url);
  const page = async (path: string) => {
    const r = await portalFetch(server.baseUrl, path, cookie);
    return { status: r.status, text: textOf(await r.text()) };
  };
  const pay = async (invoiceId: string, payload: unknown = {}) => {
    const r = await portalFetch(server.baseUrl, `/portal/api/invoices/${invoiceId}/pay`, cookie, {
      method: 'POST',
      headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: r.status, body: (await r.json()) as TBody };
  };
  return { page, pay, landing: res.headers.get('location') };
}
const eventsFor = async (type: string, id: string) =>
  ((await api(billing(), 'GET', `/api/v1/events?type=${type}&limit=100`)).body.data as TBody[]).filter((e) => e.data.object.id === id);

describe('paying what is owed in the portal', () => {
  it('shows a past-due banner; a decline says so and changes nothing; another card pays it and the subscription is active again', async () => {
    const { customerId, sub, invoice } = await declinedSubscription();
    const portal = await portalOf(billing(), customerId);
    const overview = (await portal.page('/portal')).text;
    expect(overview).toContain(`A payment of $12.00 for invoice ${invoice.number} is past due.`);
    expect(overview).toMatch(/Pay \$12\.00 .*Charged to Visa ending in \d{4}/);

    const declined = await portal.pay(invoice.id);
    expect(declined.status).toBe(400);
    expect(declined.body.error).toMatchObject({ code: 'validation_error', message: 'card_declined', param: 'paymentMethodId' });
    expect((await api(billing(), 'GET', `/api/v1/invoices/${invoice.id}`)).body).toMatchObject({ status: 'open', amountPaid: 0 });

    const good = (await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_mastercard' })).body;
    const paid = await portal.pay(invoice.id, { paymentMethodId: good.id });
    expect(paid).toMatchObject({ status: 200, body: { invoiceId: invoice.id, status: 'paid', paymentId: expect.stringMatching(/^pay_/) } });
    expect((await api(billing(), 'GET', `/api/v1/invoices/${invoice.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 1200 });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
    expect(await eventsFor('plugipay.invoice.paid.v1', invoice.id)).toHaveLength(1);
    expect((await eventsFor('plugipay.subscription.updated.v1', sub.id)).map((e) => e.data.object.status)).toContain('active');
    expect((await portal.page('/portal')).text).not.toContain('past due');

    expect((await portal.pay(invoice.id, { paymentMethodId: good.id })).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it('offers "Pay now" on an open invoice sent to the customer, and pays it with the default card', async () => {
    const customerId = await customer(billing(), 'tok_visa');
    const invoice = await sentInvoice(billing(), customerId);
    const portal = await portalOf(billing(), customerId);
    expect((await portal.page('/portal')).text).not.toContain('past due');
    expect((await portal.page('/portal/invoices')).text).toMatch(new RegExp(`Pay now \\( ?${invoice.number} ?\\)`));
    expect((await portal.page(`/portal/invoices/${invoice.id}`)).text).toContain('Pay $25.00');
    expect((await portal.pay(invoice.id)).body).toMatchObject({ status: 'paid' });
    const after = (await portal.page(`/portal/invoices/${invoice.id}`)).text;
    expect(after).not.toContain('Pay $25.00');
    expect(after).toContain('Paid');
  });

  it('counts an invoice past due by the customer’s billing time: a test clock’s, not the real one', async () => {
    // A year before the real date: the invoice's due date has passed in real time, not on the clock.
    const frozenTime = Math.floor(Date.now() / 1000) - 365 * 86_400;
    const clock = (await api(billing(), 'POST', '/api/v1/test-clocks', { frozenTime })).body.id;
    const c = (await api(billing(), 'POST', '/api/v1/customers', { email: `due-${uniqueTag()}@example.com`, name: 'Clocked', testClock: clock })).body;
    const invoice = await sentInvoice(billing(), c.id, { collectionMethod: 'send_invoice', daysUntilDue: 30 });
    const portal = await portalOf(billing(), c.id);
    expect((await portal.page('/portal')).text).not.toContain('past due');
    expect((await api(billing(), 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: frozenTime + 31 * 86_400 })).status).toBe(200);
    expect((await portal.page('/portal')).text).toContain(`A payment of $25.00 for invoice ${invoice.number} is past due.`);
  });

  it('refuses another customer’s invoice and card, naming neither', async () => {
    const { invoice } = await declinedSubscription();
    const otherId = await customer(billing(), 'tok_visa');
    const other = await portalOf(billing(), otherId);
    expect((await other.pay(invoice.id)).status).toBe(404);
    const ownInvoice = await sentInvoice(billing(), otherId);
    const { customerId } = await declinedSubscription();
    const foreignCard = (await api(billing(), 'GET', `/api/v1/customers/${customerId}/payment-methods`)).body.data[0].id;
    expect((await other.pay(ownInvoice.id, { paymentMethodId: foreignCard })).status).toBe(404);
    expect((await api(billing(), 'GET', `/api/v1/invoices/${ownInvoice.id}`)).body.status).toBe('open');
    expect((await api(billing(), 'GET', `/api/v1/invoices/${invoice.id}`)).body.status).toBe('open');
  });

  it('a link made to pay one invoice lands on it, pays only it, and returns to the merchant', async () => {
    const customerId = await customer(billing(), 'tok_visa');
    const [first, second] = [await sentInvoice(billing(), customerId), await sentInvoice(billing(), customerId)];
    const returnUrl = 'https://merchant.example/billing?paid=1';
    const flow = await portalOf(billing(), customerId, { returnUrl, flow: { type: 'invoice_payment', invoiceId: first.id } });
    expect(new URL(flow.landing!, server.baseUrl).pathname).toBe('/portal/flow/pay');
    const page = (await flow.page('/portal/flow/pay')).text;
    expect(page).toContain(`Invoice ${first.number}`);
    expect(page).toContain('Pay $25.00');
    expect((await flow.page('/portal/invoices')).status).toBe(307);
    expect((await flow.pay(second.id)).status).toBe(403);
    expect((await flow.pay(first.id)).body).toMatchObject({ status: 'paid', redirectTo: returnUrl });
    expect((await api(billing(), 'GET', `/api/v1/invoices/${second.id}`)).body.status).toBe('open');

    const mint = (invoiceId: string, key: TKey = billing(), customerId_ = customerId) =>
      api(key, 'POST', '/api/v1/portal-sessions', { customerId: customerId_, returnUrl, flow: { type: 'invoice_payment', invoiceId } });
    expect((await mint(first.id)).body.error).toMatchObject({ code: 'validation_error', param: 'flow.invoiceId' });
    expect((await mint(second.id, billing(), await customer(billing(), 'tok_visa'))).body.error).toMatchObject({ code: 'not_found', param: 'flow.invoiceId' });
    const created = (await mint(second.id)).body;
    expect(created.flow).toEqual({ type: 'invoice_payment', invoiceId: second.id, afterCompletion: { type: 'redirect' } });
  });

  it('is absent and refused when the merchant turns it off', async () => {
    // The feature account's other switches are turned off by another test file at any moment, so
    // this looks where only this switch matters: the overview's past-due banner.
    const account = server.fixtures.featureAccount;
    const customerId = await customer(account, 'tok_chargeCustomerFail');
    const invoice = await sentInvoice(account, customerId, { collectionMethod: 'charge_automatically' });
    const portal = await portalOf(account, customerId);
    expect((await portal.page('/portal')).text).toContain('Pay $25.00');
    const setPayment = (enabled: boolean) => api(account, 'PATCH', '/api/v1/portal-configuration', { features: { invoicePayment: { enabled } } });
    try {
      expect((await setPayment(false)).body.features.invoicePayment).toEqual({ enabled: false });
      const overview = (await portal.page('/portal')).text;
      expect(overview).toContain(`A payment of $25.00 for invoice ${invoice.number} is past due.`);
      expect(overview).not.toContain('Pay $25.00');
      expect((await portal.pay(invoice.id)).status).toBe(403);
      const flow = await api(account, 'POST', '/api/v1/portal-sessions', { customerId, returnUrl: 'https://a.example', flow: { type: 'invoice_payment', invoiceId: invoice.id } });
      expect(flow.body.error).toMatchObject({ code: 'validation_error', param: 'flow.type' });
      expect((await api(account, 'GET', `/api/v1/invoices/${invoice.id}`)).body.status).toBe('open');
    } finally {
      await setPayment(true);
    }
  });
});
