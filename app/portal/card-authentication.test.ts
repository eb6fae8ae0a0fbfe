import { describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

// 3-D Secure: the test processor's card 4000 0027 6000 3184 (token tok_threeDSecureRequired) makes
// its bank ask the customer to confirm every payment and every save made with them present; charged
// without them (renewals, the API), it is declined with authentication_required.
const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const THREE_D_SECURE = '4000002760003184';
const futureYear = new Date().getUTCFullYear() + 2;

async function customerWith(token: string) {
  const c = (await api(billing(), 'POST', '/api/v1/customers', { email: `3ds-${uniqueTag()}@example.com`, name: 'Bank Checked' })).body;
  expect((await api(billing(), 'POST', `/api/v1/customers/${c.id}/payment-methods`, { token })).status).toBe(201);
  return c.id as string;
}

/** A subscription whose first charge, made without the customer, needed their bank: incomplete, its invoice open. */
async function subscriptionAwaitingAuthentication(token = 'tok_threeDSecureRequired') {
  const customerId = await customerWith(token);
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: `Checked ${uniqueTag()}` })).body;
  const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount: 1200, recurring: { interval: 'month' } })).body;
  const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: price.id }] })).body;
  const [invoice] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}`)).body.data;
  return { customerId, sub: sub as TBody, invoice: invoice as TBody };
}

async function portalOf(customerId: string, body: Record<string, unknown> = {}) {
  const session = await mintPortalSession(server.baseUrl, billing(), { customerId, locale: 'en', ...body });
  const { cookie } = await openLink(session.url);
  const post = async (path: string, payload: unknown) => {
    const r = await portalFetch(server.baseUrl, path, cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    return { status: r.status, body: (await r.json()) as TBody };
  };
  const get = async (path: string) => {
    const r = await portalFetch(server.baseUrl, path, cookie);
    return { status: r.status, location: r.headers.get('location'), text: r.status === 200 ? textOf(await r.text()) : '' };
  };
  return { post, get, cookie };
}

/** The customer's answer on the test bank's page: the form it shows, posted. */
async function answerBank(bankUrl: string, decision: 'succeeded' | 'failed') {
  const r = await fetch(`${server.baseUrl}${bankUrl}/decide`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ decision }) });
  return { status: r.status, location: r.headers.get('location') };
}
const bankPage = async (bankUrl: string) => textOf(await (await fetch(`${server.baseUrl}${bankUrl}`)).text());

const invoiceOf = async (id: string) => (await api(billing(), 'GET', `/api/v1/invoices/${id}`)).body;
const paymentsOf = async (customerId: string) => (await api(billing(), 'GET', `/api/v1/payments?customer=${customerId}`)).body.data as TBody[];
const cardsOf = async (customerId: string) => (await api(billing(), 'GET', `/api/v1/customers/${customerId}/payment-methods`)).body.data as TBody[];

describe('3-D Secure when paying an invoice', () => {
  it('declines a charge made without the customer, then charges the amount they confirm with their bank, once', async () => {
    const { customerId, sub, invoice } = await subscriptionAwaitingAuthentication();
    expect(sub.status).toBe('incomplete');
    expect(await paymentsOf(customerId)).toMatchObject([{ status: 'failed', failureCode: 'authentication_required', amount: 1200 }]);
    const actionEvents = ((await api(billing(), 'GET', '/api/v1/events?type=plugipay.invoice.payment_action_required.v1&limit=100')).body.data as TBody[]).filter((e) => e.data.object.id === invoice.id);
    expect(actionEvents).toHaveLength(1);
    // A plain decline asks nothing of the customer's bank.
    const declined = await subscriptionAwaitingAuthentication('tok_chargeCustomerFail');
    const declinedEvents = ((await api(billing(), 'GET', '/api/v1/events?type=plugipay.invoice.payment_action_required.v1&limit=100')).body.data as TBody[]).filter((e) => e.data.object.id === declined.invoice.id);
    expect(declined.invoice.status).toBe('open');
    expect(declinedEvents).toHaveLength(0);

    const portal = await portalOf(customerId);
    const asked = await portal.post(`/portal/api/invoices/${invoice.id}/pay`, {});
    expect(asked).toMatchObject({ status: 202, body: { status: 'requires_action', redirectTo: expect.stringMatching(/^\/test-processor\/challenge\/3ds_[\w-]{22}$/) } });
    // Nothing is charged or counted while the bank waits.
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'open', amountPaid: 0, attemptCount: invoice.attemptCount });
    expect(await paymentsOf(customerId)).toHaveLength(1);

    const bankUrl = asked.body.redirectTo as string;
    expect(await bankPage(bankUrl)).toContain('asks to charge $12.00 to your Visa card ending in 3184.');
    const answered = await answerBank(bankUrl, 'succeeded');
    expect(answered).toMatchObject({ status: 303, location: expect.stringMatching(/^\/portal\/challenge\/cch_[0-9A-Z]{26}$/) });

    const back = await portal.get(answered.location!);
    expect(back).toMatchObject({ status: 303, location: `/portal/invoices/${invoice.id}?authentication=invoice_paid` });
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 1200 });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
    expect((await paymentsOf(customerId)).filter((p) => p.status === 'succeeded')).toMatchObject([{ amount: 1200, card: { last4: '3184' } }]);
    expect((await portal.get(back.location!)).text).toContain('Thank you. The invoice is paid.');

    // Coming back again, or answering the bank again, charges nothing more.
    expect((await portal.get(answered.location!)).location).toBe(back.location);
    expect(await bankPage(bankUrl)).toContain('This check has already been answered or has expired.');
    await answerBank(bankUrl, 'succeeded');
    expect((await paymentsOf(customerId)).filter((p) => p.status === 'succeeded')).toHaveLength(1);
  });

  it('charges nothing when the customer fails the check or comes back without answering, and says so', async () => {
    const { customerId, invoice } = await subscriptionAwaitingAuthentication();
    const portal = await portalOf(customerId);

    const failedAsk = await portal.post(`/portal/api/invoices/${invoice.id}/pay`, {});
    const failed = await answerBank(failedAsk.body.redirectTo, 'failed');
    const failedBack = await portal.get(failed.location!);
    expect(failedBack.location).toBe(`/portal/invoices/${invoice.id}?authentication=authentication_failed`);
    expect((await portal.get(failedBack.location!)).text).toContain('Your bank did not confirm it. Nothing was charged or saved');

    // Back to the merchant from the bank's page without answering: the challenge is abandoned.
    const abandonedAsk = await portal.post(`/portal/api/invoices/${invoice.id}/pay`, {});
    const bankHtml = await (await fetch(`${server.baseUrl}${abandonedAsk.body.redirectTo}`)).text();
    const cancelHref = /href="(\/portal\/challenge\/cch_[0-9A-Z]{26})"/.exec(bankHtml)?.[1];
    expect(textOf(bankHtml)).toContain('Back to ');
    const abandonedBack = await portal.get(cancelHref!);
    expect(abandonedBack.location).toBe(`/portal/invoices/${invoice.id}?authentication=authentication_abandoned`);
    // An answer given afterwards stands for nothing.
    await answerBank(abandonedAsk.body.redirectTo, 'succeeded');
    expect((await portal.get(cancelHref!)).location).toBe(abandonedBack.location);

    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'open', amountPaid: 0 });
    expect((await paymentsOf(customerId)).filter((p) => p.status === 'succeeded')).toHaveLength(0);
  });

  it("is settled by its own customer only; paid meanwhile with another card, the confirmed charge is not made", async () => {
    const { customerId, invoice } = await subscriptionAwaitingAuthentication();
    const portal = await portalOf(customerId);
    const asked = await portal.post(`/portal/api/invoices/${invoice.id}/pay`, {});
    const answered = await answerBank(asked.body.redirectTo, 'succeeded');

    // Another customer of the same account reaching this return URL settles nothing.
    const stranger = await portalOf(await customerWith('tok_visa'));
    expect((await stranger.get(answered.location!)).location).toBe('/portal');
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: 'open' });

    const other = (await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_mastercard' })).body;
    expect((await portal.post(`/portal/api/invoices/${invoice.id}/pay`, { paymentMethodId: other.id })).body.status).toBe('paid');
    expect((await portal.get(answered.location!)).location).toBe(`/portal/invoices/${invoice.id}?authentication=invoice_not_open`);
    expect((await paymentsOf(customerId)).filter((p) => p.status === 'succeeded')).toMatchObject([{ card: { last4: '4444' } }]);
  });
});

const save = (portal: Awaited<ReturnType<typeof portalOf>>) =>
  portal.post('/portal/api/payment-methods', { number: THREE_D_SECURE, expMonth: 12, expYear: futureYear, cvc: '123', name: 'Bank Checked', makeDefault: true });

describe('3-D Secure when saving a card', () => {
  it('saves the card only once the customer passes their bank; a failed check saves nothing', async () => {
    const customerId = await customerWith('tok_visa');
    const portal = await portalOf(customerId);

    const refused = await save(portal);
    expect(refused).toMatchObject({ status: 202, body: { status: 'requires_action' } });
    expect(await bankPage(refused.body.redirectTo)).toContain('asks to save your Visa card ending in 3184 for future payments.');
    const failedBack = await portal.get((await answerBank(refused.body.redirectTo, 'failed')).location!);
    expect(failedBack.location).toBe('/portal/payment-method?authentication=authentication_failed');
    expect((await cardsOf(customerId)).map((c) => c.card.last4)).toEqual(['4242']);

    const asked = await save(portal);
    const back = await portal.get((await answerBank(asked.body.redirectTo, 'succeeded')).location!);
    expect(back.location).toBe('/portal/payment-method?authentication=card_saved');
    const cards = await cardsOf(customerId);
    expect(cards.find((c) => c.card.last4 === '3184')).toMatchObject({ isDefault: true, billingDetails: { name: 'Bank Checked' } });
    const page = (await portal.get(back.location!)).text;
    expect(page).toContain('Your card was saved.');
    expect(page).toContain('Visa ending in 3184');
  });

  it('completes a payment-method flow on return from the bank, back to the merchant', async () => {
    const customerId = await customerWith('tok_visa');
    const portal = await portalOf(customerId, { flow: { type: 'payment_method_update' }, returnUrl: 'https://merchant.example/after-3ds' });
    const asked = await save(portal);
    const back = await portal.get((await answerBank(asked.body.redirectTo, 'succeeded')).location!);
    expect(back.location).toBe('https://merchant.example/after-3ds');
    expect((await cardsOf(customerId)).map((c) => c.card.last4).sort()).toEqual(['3184', '4242']);
    // The flow is over: its login opens nothing now.
    expect((await portal.get('/portal/flow/payment-method')).status).not.toBe(200);
  });
});

describe('a new card saved to pay an invoice', () => {
  it('comes back from the bank to that invoice with the new card offered first; another customer’s invoice is refused', async () => {
    const { customerId, invoice } = await subscriptionAwaitingAuthentication();
    const portal = await portalOf(customerId);
    const newCard = { number: THREE_D_SECURE, expMonth: 11, expYear: futureYear, cvc: '123' };

    const strangers = await subscriptionAwaitingAuthentication();
    expect((await portal.post('/portal/api/payment-methods', { ...newCard, forInvoice: strangers.invoice.id })).status).toBe(404);
    expect(await cardsOf(customerId)).toHaveLength(1);

    const asked = await portal.post('/portal/api/payment-methods', { ...newCard, forInvoice: invoice.id });
    const back = await portal.get((await answerBank(asked.body.redirectTo, 'succeeded')).location!);
    const saved = (await cardsOf(customerId)).find((c) => c.card.expMonth === 11)!;
    expect(back.location).toBe(`/portal/invoices/${invoice.id}?authentication=card_saved&payWith=${saved.id}`);
    const page = (await portalFetch(server.baseUrl, back.location!, portal.cookie).then((r) => r.text()));
    // "Pay with" offers the new card first.
    expect(/<select[^>]*>\s*<option value="([^"]+)"[^>]*>([^<]+)</.exec(page)?.slice(1)).toEqual([saved.id, 'Visa ending in 3184']);
  });
});

describe('the test bank', () => {
  it('knows only its own challenges and takes only its two answers', async () => {
    expect((await fetch(`${server.baseUrl}/test-processor/challenge/3ds_AAAAAAAAAAAAAAAAAAAAAA/decide`, { method: 'POST', body: new URLSearchParams({ decision: 'succeeded' }) })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/test-processor/challenge/3ds_notone`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/test-processor/challenge/..%2F..%2Fetc`)).status).toBe(404);
    const customerId = await customerWith('tok_visa');
    const asked = await save(await portalOf(customerId));
    expect((await fetch(`${server.baseUrl}${asked.body.redirectTo}/decide`, { method: 'POST', body: new URLSearchParams({ decision: 'maybe' }) })).status).toBe(400);
  });
});
