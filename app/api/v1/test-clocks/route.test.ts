import { describe, expect, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { runningServer } from '@/lib/testing/running-server';
import { PlugipayClient } from '@/lib/sdk/src/plugipay';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;

const DAY = 86_400;
const seconds = (iso: string) => Date.parse(iso) / 1000;
const T0 = '2026-01-31T10:00:00.000Z';

async function clockAt(iso = T0) {
  const res = await api(billing(), 'POST', '/api/v1/test-clocks', { frozenTime: seconds(iso), name: `clock ${uniqueTag()}` });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
async function advance(clock: string, to: number) {
  const res = await api(billing(), 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: to });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ status: 'ready', frozenTime: to });
}
async function customerOn(testClock: string | undefined, token?: string) {
  const c = (await api(billing(), 'POST', '/api/v1/customers', { email: `engine-${uniqueTag()}@example.com`, ...(testClock ? { testClock } : {}) })).body;
  const card = token ? (await api(billing(), 'POST', `/api/v1/customers/${c.id}/payment-methods`, { token })).body : null;
  return { customerId: c.id as string, cardId: card?.id as string | undefined };
}
async function monthlyPrice(unitAmount = 1000, currency = 'EUR') {
  const product = (await api(billing(), 'POST', '/api/v1/products', { name: `Engine plan ${uniqueTag()}` })).body;
  return (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency, unitAmount, recurring: { interval: 'month' } })).body.id as string;
}
async function subscribe(body: TBody) {
  const res = await api(billing(), 'POST', '/api/v1/subscriptions', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const invoicesOf = async (subscription: string) => (await api(billing(), 'GET', `/api/v1/invoices?subscription=${subscription}&limit=100`)).body.data as TBody[];
const subscriptionNow = async (id: string) => (await api(billing(), 'GET', `/api/v1/subscriptions/${id}`)).body;

/** Every event of `type` about the object `id` (its `field`), newest first, paging back through the account's events. */
async function eventsAbout(type: string, id: string, field = 'id') {
  const found: TBody[] = [];
  for (let after = ''; ;) {
    const page = (await api(billing(), 'GET', `/api/v1/events?type=${type}&limit=100${after && `&startingAfter=${after}`}`)).body;
    found.push(...(page.data as TBody[]).filter((e) => e.data.object[field] === id));
    if (!page.hasMore) return found;
    after = page.data.at(-1).id;
  }
}

describe('billing engine on a test clock', () => {
  it('renews a monthly subscription for a year at its anchor day, each invoice taxed, numbered and paid, and leaves real-time customers alone', async () => {
    const clock = await clockAt();
    const { customerId } = await customerOn(clock, 'tok_visa');
    const priceId = await monthlyPrice(1000);
    const vat = (await api(billing(), 'POST', '/api/v1/tax-rates', { displayName: 'VAT', percentage: '21', inclusive: false })).body;
    const sub = await subscribe({ customer: customerId, items: [{ price: priceId, quantity: 2 }], defaultTaxRates: [vat.id] });
    expect(sub).toMatchObject({ currentPeriodStart: T0, currentPeriodEnd: '2026-02-28T10:00:00.000Z' });
    const bystander = await customerOn(undefined, 'tok_visa');
    const realSub = await subscribe({ customer: bystander.customerId, items: [{ price: priceId }] });

    await advance(clock, seconds('2027-01-31T10:00:00.000Z'));

    const invoices = (await invoicesOf(sub.id)).reverse();
    // The first invoice at subscribing, then one per month end: Feb 28, Mar 31, Apr 30, … Jan 31.
    expect(invoices).toHaveLength(13);
    expect(invoices.map((i) => i.periodStart.slice(0, 10))).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31',
      '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31',
    ]);
    for (const [n, invoice] of invoices.entries()) {
      // 2 × €10.00 + 21 % VAT = €24.20, every month.
      expect(invoice).toMatchObject({ status: 'paid', subtotal: 2000, tax: 420, total: 2420, amountPaid: 2420, amountDue: 0 });
      expect(invoice.lines).toEqual([expect.objectContaining({ quantity: 2, amount: 2000, taxRates: [vat.id], period: { start: invoice.periodStart, end: invoice.periodEnd } })]);
      if (n > 0) {
        expect(invoice.periodStart).toBe(invoices[n - 1]!.periodEnd);
        expect(Number(invoice.number.split('-')[1])).toBeGreaterThan(Number(invoices[n - 1]!.number.split('-')[1]));
      }
    }
    const payments = (await api(billing(), 'GET', `/api/v1/payments?customer=${customerId}&limit=100`)).body.data as TBody[];
    expect(payments.map((p) => [p.status, p.amount])).toEqual(Array.from({ length: 13 }, () => ['succeeded', 2420]));
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'active', currentPeriodStart: '2027-01-31T10:00:00.000Z', currentPeriodEnd: '2027-02-28T10:00:00.000Z' });
    expect(await eventsAbout('plugipay.invoice.paid.v1', sub.id, 'subscription')).toHaveLength(13);

    // What comes next is what the engine will charge: the upcoming invoice of the next period.
    const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body;
    expect(upcoming).toMatchObject({ total: 2420, periodStart: '2027-02-28T10:00:00.000Z', periodEnd: '2027-03-31T10:00:00.000Z' });

    // The portal shows the year of receipts.
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId })).url);
    const receipts = await (await portalFetch(server.baseUrl, '/portal/invoices', cookie)).text();
    expect(receipts.match(/€24\.20/g)?.length).toBeGreaterThanOrEqual(10);

    expect(await invoicesOf(realSub.id)).toHaveLength(1);
    expect(await subscriptionNow(realSub.id)).toMatchObject({ currentPeriodEnd: realSub.currentPeriodEnd });
  });

  it('retries a declined renewal on the account’s schedule, and a card made default pays it at once', async () => {
    const clock = await clockAt('2026-03-01T00:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_visa');
    const sub = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice(1500) }] });
    const failing = (await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_chargeCustomerFail', makeDefault: true })).body;
    expect(failing.id).toMatch(/^pm_/);

    await advance(clock, seconds('2026-04-01T01:00:00.000Z'));
    let [renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: 'open', attemptCount: 1, nextPaymentAttempt: '2026-04-04T00:00:00.000Z', periodStart: '2026-04-01T00:00:00.000Z' });
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'past_due' });

    // Day 3 after the first failure: declined again; the next try is on day 5.
    await advance(clock, seconds('2026-04-04T12:00:00.000Z'));
    [renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: 'open', attemptCount: 2, nextPaymentAttempt: '2026-04-06T00:00:00.000Z' });
    expect(await eventsAbout('plugipay.invoice.payment_failed.v1', renewal!.id)).toHaveLength(2);

    // The customer adds a good card as their default: the open invoice is paid then and there.
    const good = await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_mastercard', makeDefault: true });
    expect(good.status).toBe(201);
    [renewal] = await invoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: 'paid', amountDue: 0, nextPaymentAttempt: null, paidAt: '2026-04-04T12:00:00.000Z' });
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'active', defaultPaymentMethod: good.body.id });
    const updates = await eventsAbout('plugipay.subscription.updated.v1', sub.id);
    expect(updates.map((e) => e.data.object.status)).toEqual(expect.arrayContaining(['active', 'past_due']));
    expect(updates[0]!.data.object.status).toBe('active');

    // Nothing more is tried on a paid invoice, and the next renewal charges the new card.
    await advance(clock, seconds('2026-05-01T01:00:00.000Z'));
    const [may, april] = await invoicesOf(sub.id);
    expect(april).toMatchObject({ id: renewal!.id, status: 'paid', attemptCount: 3 });
    expect(may).toMatchObject({ status: 'paid', attemptCount: 1 });
  });

  it('cancels the subscription when the last retry fails, and bills it no more', async () => {
    const clock = await clockAt('2026-03-01T00:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_chargeCustomerFail');
    const sub = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice(900) }], trialPeriodDays: 10 });
    expect(sub.status).toBe('trialing');

    await advance(clock, seconds('2026-03-08T00:00:00.000Z'));
    expect(await eventsAbout('plugipay.subscription.trial_will_end.v1', sub.id)).toHaveLength(1);
    expect(await invoicesOf(sub.id)).toHaveLength(0);

    // The trial ends on Mar 11; its first invoice fails, then on Mar 14, 16 and 18.
    await advance(clock, seconds('2026-05-01T00:00:00.000Z'));
    const invoices = await invoicesOf(sub.id);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ status: 'open', attemptCount: 4, nextPaymentAttempt: null, periodStart: '2026-03-11T00:00:00.000Z', total: 900 });
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'canceled', endedAt: '2026-03-18T00:00:00.000Z' });
    expect(await eventsAbout('plugipay.subscription.canceled.v1', sub.id)).toHaveLength(1);
    expect(await eventsAbout('plugipay.subscription.trial_will_end.v1', sub.id)).toHaveLength(1);
  });

  it('ends a subscription whose first invoice is still unpaid 23 hours on as incomplete_expired, voiding the invoice; one paid in time goes on', async () => {
    const clock = await clockAt();
    const priceId = await monthlyPrice(1000);
    const lapsing = await customerOn(clock, 'tok_chargeCustomerFail');
    const rescued = await customerOn(clock, 'tok_chargeCustomerFail');
    const never = await subscribe({ customer: lapsing.customerId, items: [{ price: priceId }] });
    const saved = await subscribe({ customer: rescued.customerId, items: [{ price: priceId }] });
    expect([never.status, saved.status]).toEqual(['incomplete', 'incomplete']);

    await advance(clock, seconds(T0) + 22 * 3600);
    expect((await subscriptionNow(never.id)).status).toBe('incomplete');
    // A good card made default within the window pays the first invoice at once.
    expect((await api(billing(), 'POST', `/api/v1/customers/${rescued.customerId}/payment-methods`, { token: 'tok_visa', makeDefault: true })).status).toBe(201);
    expect((await subscriptionNow(saved.id)).status).toBe('active');

    await advance(clock, seconds(T0) + 23 * 3600);
    expect(await subscriptionNow(never.id)).toMatchObject({ status: 'incomplete_expired', endedAt: '2026-02-01T09:00:00.000Z', cancelAtPeriodEnd: false });
    const [voided] = await invoicesOf(never.id);
    expect(voided).toMatchObject({ status: 'void', amountDue: 0, amountPaid: 0 });
    expect(await eventsAbout('plugipay.invoice.voided.v1', voided!.id)).toHaveLength(1);
    expect((await eventsAbout('plugipay.subscription.updated.v1', never.id)).map((e) => e.data.object.status)).toContain('incomplete_expired');
    expect((await subscriptionNow(saved.id)).status).toBe('active');

    // Ended: out of the default list, listed by its status, refused a change, and billed no more.
    expect((await api(billing(), 'GET', `/api/v1/subscriptions?customer=${lapsing.customerId}`)).body.data).toEqual([]);
    expect((await api(billing(), 'GET', `/api/v1/subscriptions?customer=${lapsing.customerId}&status=incomplete_expired`)).body.data.map((s: TBody) => s.id)).toEqual([never.id]);
    expect((await api(billing(), 'DELETE', `/api/v1/subscriptions/${never.id}`)).status).toBe(409);
    await advance(clock, seconds('2026-03-05T10:00:00.000Z'));
    expect(await invoicesOf(never.id)).toHaveLength(1);
    expect((await invoicesOf(saved.id)).map((i) => i.status)).toEqual(['paid', 'paid']);
  });

  it('follows the account’s own schedule: one retry after 2 days, then unpaid; later invoices wait for the customer', async () => {
    const plugipay = new PlugipayClient({ ...billing(), baseUrl: server.baseUrl, maxRetries: 0 });
    expect((await plugipay.settings.retrieveBilling()).dunning).toEqual({ retryDays: [3, 5, 7], finalAction: 'cancel' });
    await expect(plugipay.settings.updateBilling({ dunning: { retryDays: [5, 2] } })).rejects.toMatchObject({ param: 'dunning.retryDays' });
    expect((await api(server.fixtures.billingReadKey, 'PATCH', '/api/v1/billing-settings', { dunning: { finalAction: 'mark_unpaid' } })).status).toBe(403);
    expect((await plugipay.settings.updateBilling({ dunning: { retryDays: [2], finalAction: 'mark_unpaid' } })).dunning).toEqual({ retryDays: [2], finalAction: 'mark_unpaid' });
    try {
      const clock = await clockAt('2026-07-01T00:00:00.000Z');
      const { customerId } = await customerOn(clock, 'tok_chargeCustomerFail');
      const invoiced = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice(700) }], collectionMethod: 'send_invoice', daysUntilDue: 14 });
      const charged = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice(800) }], trialPeriodDays: 1 });

      await advance(clock, seconds('2026-07-05T00:00:00.000Z'));
      expect(await subscriptionNow(charged.id)).toMatchObject({ status: 'unpaid' });
      const [first] = await invoicesOf(charged.id);
      expect(first).toMatchObject({ status: 'open', attemptCount: 2, nextPaymentAttempt: null });

      // Unpaid, it still renews, but its invoices are not charged until the customer pays.
      await advance(clock, seconds('2026-08-03T00:00:00.000Z'));
      const [august] = await invoicesOf(charged.id);
      expect(august).toMatchObject({ status: 'open', attemptCount: 0, nextPaymentAttempt: null, periodStart: '2026-08-02T00:00:00.000Z' });
      expect(await subscriptionNow(charged.id)).toMatchObject({ status: 'unpaid' });

      // send_invoice renewals wait for the customer with a due date; nothing is charged, nothing is past due.
      const [renewal] = await invoicesOf(invoiced.id);
      expect(renewal).toMatchObject({ status: 'open', attemptCount: 0, nextPaymentAttempt: null, periodStart: '2026-08-01T00:00:00.000Z', dueDate: '2026-08-15T00:00:00.000Z' });
      expect(await subscriptionNow(invoiced.id)).toMatchObject({ status: 'active' });
    } finally {
      await plugipay.settings.updateBilling({ dunning: { retryDays: [3, 5, 7], finalAction: 'cancel' } });
    }
  });

  it('prorates a plan change to the second: credited and charged on the next invoice, or invoiced at once', async () => {
    const clock = await clockAt('2026-03-01T00:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_visa');
    const [basic, pro] = [await monthlyPrice(1000), await monthlyPrice(3000)];
    const sub = await subscribe({ customer: customerId, items: [{ price: basic }] });
    await advance(clock, seconds('2026-03-16T12:00:00.000Z'));

    // The preview of the change is what the change then bills, and it changes nothing.
    const upcomingPath = `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`;
    const proposal = encodeURIComponent(JSON.stringify([{ id: sub.items[0].id, price: pro }]));
    const preview = (await api(billing(), 'GET', `${upcomingPath}&items=${proposal}`)).body;
    expect((await subscriptionNow(sub.id)).items[0].price.id).toBe(basic);
    expect((await api(billing(), 'GET', upcomingPath)).body.total).toBe(1000);
    expect((await api(billing(), 'GET', `${upcomingPath}&items=${proposal}&prorationDate=${seconds('2026-04-02T00:00:00.000Z')}`)).body.error).toMatchObject({ code: 'validation_error', param: 'prorationDate' });
    expect((await api(billing(), 'GET', `${upcomingPath}&items=%5Bnope`)).body.error).toMatchObject({ code: 'validation_error', param: 'items' });
    // Later in the period the credit and the charge are smaller: a quarter of it is left on March 24, 06:00.
    const later = (await api(billing(), 'GET', `${upcomingPath}&items=${proposal}&prorationDate=${seconds('2026-03-24T06:00:00.000Z')}`)).body;
    expect(later.lines.map((l: TBody) => l.amount)).toEqual([3000, -250, 750]);

    // Half of March is left: €5.00 back for Basic, €15.00 for Pro, billed with April's €30.00.
    const changed = await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: sub.items[0].id, price: pro }] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body;
    expect(upcoming.lines.map((l: TBody) => [l.amount, l.proration])).toEqual([[3000, false], [-500, true], [1500, true]]);
    expect(upcoming.lines[1].period).toEqual({ start: '2026-03-16T12:00:00.000Z', end: '2026-04-01T00:00:00.000Z' });
    expect(upcoming.total).toBe(4000);
    expect(upcoming.lines).toEqual(preview.lines);
    expect(await invoicesOf(sub.id)).toHaveLength(1);

    await advance(clock, seconds('2026-04-01T01:00:00.000Z'));
    const [april] = await invoicesOf(sub.id);
    expect(april).toMatchObject({ status: 'paid', total: 4000, billingReason: 'subscription_cycle' });
    expect(april!.lines.map((l: TBody) => l.description)).toEqual([expect.stringContaining('Engine plan'), expect.stringMatching(/^Unused time on 1 × .* after 2026-03-16$/), expect.stringMatching(/^Remaining time on 1 × .* after 2026-03-16$/)]);
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body.total).toBe(3000);

    // always_invoice: three seats instead of one on April 16 (15 of 30 days left) is charged now.
    await advance(clock, seconds('2026-04-16T00:00:00.000Z'));
    const itemId = (await subscriptionNow(sub.id)).items[0].id;
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: itemId, quantity: 3 }], prorationBehavior: 'always_invoice' })).status).toBe(200);
    const [now] = await invoicesOf(sub.id);
    expect(now).toMatchObject({ billingReason: 'subscription_update', status: 'paid', total: 3000, periodStart: '2026-04-16T00:00:00.000Z', periodEnd: '2026-05-01T00:00:00.000Z' });
    expect(now!.lines.map((l: TBody) => l.amount)).toEqual([-1500, 4500]);

    // Back to one seat with always_invoice is a credit: nothing is charged now; May's invoice takes it off.
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: itemId, quantity: 1 }], prorationBehavior: 'always_invoice' })).status).toBe(200);
    expect(await invoicesOf(sub.id)).toHaveLength(3);
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body.total).toBe(3000 - 4500 + 1500);

    // none: the change simply applies from the next renewal.
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: itemId, price: basic }], prorationBehavior: 'none' })).status).toBe(200);
    const after = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body;
    expect(after.lines.map((l: TBody) => [l.price, l.amount, l.proration])).toEqual([[basic, 1000, false], [pro, -4500, true], [pro, 1500, true]]);
  });

  it('keeps a credit worth more than the next invoice as the customer’s balance, spends it on their next invoices in its currency, and gives it back when one is voided', async () => {
    const clock = await clockAt('2026-03-01T00:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_visa');
    const [basic, pro] = [await monthlyPrice(1200), await monthlyPrice(3000)];
    const sub = await subscribe({ customer: customerId, items: [{ price: pro, quantity: 3 }] });
    await advance(clock, seconds('2026-03-16T12:00:00.000Z'));
    const upcomingPath = `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`;

    // Half of March left: €45.00 back for three Pro seats, €6.00 for one Basic, with April's €12.00: €27.00 of credit.
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: sub.items[0].id, price: basic, quantity: 1 }] })).status).toBe(200);
    expect((await api(billing(), 'GET', upcomingPath)).body).toMatchObject({ total: -2700, startingBalance: 0, endingBalance: -2700, amountDue: 0 });
    await advance(clock, seconds('2026-04-01T01:00:00.000Z'));
    const [april] = await invoicesOf(sub.id);
    expect(april).toMatchObject({ total: -2700, status: 'paid', amountDue: 0, amountPaid: 0, startingBalance: 0, endingBalance: -2700 });
    const upcoming = (await api(billing(), 'GET', upcomingPath)).body;
    expect(upcoming).toMatchObject({ total: 1200, startingBalance: -2700, endingBalance: -1500, amountDue: 0 });
    expect((await api(billing(), 'GET', `/api/v1/customers/${customerId}`)).body.balances).toEqual({ EUR: -2700 });

    // The portal's "Next charge" spends the credit as the renewal will.
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId })).url);
    const overview = await (await portalFetch(server.baseUrl, '/portal', cookie)).text();
    expect(overview).toContain('Next charge: €0.00');
    expect(overview).toContain('Credit applied');

    // Another customer of the account has no credit; this one's is not spent in another currency.
    const other = await customerOn(clock, 'tok_visa');
    const otherSub = await subscribe({ customer: other.customerId, items: [{ price: basic }] });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${other.customerId}&subscription=${otherSub.id}`)).body).toMatchObject({ startingBalance: 0, amountDue: 1200 });
    const oneOff = async (currency: string, amount: number) => {
      const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: customerId, currency, collectionMethod: 'send_invoice', daysUntilDue: 14 })).body;
      await api(billing(), 'POST', '/api/v1/invoice-items', { customer: customerId, invoice: draft.id, amount, currency, description: 'Extra work' });
      return (await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`)).body;
    };
    expect(await oneOff('USD', 2000)).toMatchObject({ status: 'open', startingBalance: 0, endingBalance: 0, amountDue: 2000 });

    // A one-off invoice spends all of it and is due for the rest; voided, it gives the credit back.
    const spending = await oneOff('EUR', 5000);
    expect(spending).toMatchObject({ status: 'open', startingBalance: -2700, endingBalance: 0, amountDue: 2300 });
    expect((await api(billing(), 'GET', upcomingPath)).body).toMatchObject({ startingBalance: 0, amountDue: 1200 });
    expect((await api(billing(), 'POST', `/api/v1/invoices/${spending.id}/void`)).body.status).toBe('void');
    expect((await api(billing(), 'GET', upcomingPath)).body).toMatchObject({ startingBalance: -2700, amountDue: 0 });

    // May and June spend €12.00 each; July the last €3.00, and the card pays the rest; August is the card's alone.
    await advance(clock, seconds('2026-08-01T01:00:00.000Z'));
    const [august, july, june, may] = await invoicesOf(sub.id);
    expect([may, june, july, august].map((i) => [i!.status, i!.total, i!.startingBalance, i!.endingBalance, i!.amountPaid])).toEqual([
      ['paid', 1200, -2700, -1500, 0],
      ['paid', 1200, -1500, -300, 0],
      ['paid', 1200, -300, 0, 900],
      ['paid', 1200, 0, 0, 1200],
    ]);
    const paymentsOf = async (invoice: TBody) => (await api(billing(), 'GET', `/api/v1/payments?invoice=${invoice.id}`)).body.data;
    expect(await paymentsOf(june!)).toEqual([]);
    expect(await paymentsOf(july!)).toEqual([expect.objectContaining({ status: 'succeeded', amount: 900 })]);
    expect((await api(billing(), 'GET', `/api/v1/customers/${customerId}`)).body.balances).toEqual({});
  });

  it('pauses collection: renewals go on but are voided or kept as drafts, until it resumes by itself or when asked', async () => {
    const clock = await clockAt('2026-01-10T00:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_visa');
    const sub = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice(1100) }] });
    const path = `/api/v1/subscriptions/${sub.id}`;
    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void', resumesAt: '2026-01-01T00:00:00Z' } })).body.error).toMatchObject({ param: 'pauseCollection.resumesAt' });
    const paused = await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void', resumesAt: '2026-03-20T00:00:00Z' } });
    expect(paused.body).toMatchObject({ status: 'paused', pauseCollection: { behavior: 'void', resumesAt: '2026-03-20T00:00:00.000Z' } });

    // Feb 10 and Mar 10 are voided; collection resumes on Mar 20 and Apr 10 is charged.
    await advance(clock, seconds('2026-04-10T01:00:00.000Z'));
    const invoices = (await invoicesOf(sub.id)).reverse();
    expect(invoices.map((i) => [i.periodStart.slice(0, 10), i.status])).toEqual([['2026-01-10', 'paid'], ['2026-02-10', 'void'], ['2026-03-10', 'void'], ['2026-04-10', 'paid']]);
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'active', pauseCollection: null });
    expect((await eventsAbout('plugipay.invoice.voided.v1', sub.id, 'subscription')).length).toBe(2);

    // Kept as drafts until resumed by hand: a draft has no number, and nothing is charged.
    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'keep_as_draft' } })).body.status).toBe('paused');
    await advance(clock, seconds('2026-05-11T00:00:00.000Z'));
    const [may] = await invoicesOf(sub.id);
    expect(may).toMatchObject({ status: 'draft', number: null, periodStart: '2026-05-10T00:00:00.000Z', attemptCount: 0 });
    expect((await api(billing(), 'POST', `${path}/resume`)).body).toMatchObject({ status: 'active', pauseCollection: null });
    await advance(clock, seconds('2026-06-10T01:00:00.000Z'));
    expect((await invoicesOf(sub.id))[0]).toMatchObject({ status: 'paid', periodStart: '2026-06-10T00:00:00.000Z' });

    // Only a live subscription pauses; an ended one says so.
    await api(billing(), 'DELETE', path);
    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void' } })).body.error).toMatchObject({ code: 'invalid_state' });
  });

  it('ends a subscription set to cancel at its period’s end, without another invoice', async () => {
    const clock = await clockAt('2026-06-15T08:00:00.000Z');
    const { customerId } = await customerOn(clock, 'tok_visa');
    const sub = await subscribe({ customer: customerId, items: [{ price: await monthlyPrice() }], cancelAtPeriodEnd: true });
    await advance(clock, seconds('2026-09-01T00:00:00.000Z'));
    expect(await invoicesOf(sub.id)).toHaveLength(1);
    expect(await subscriptionNow(sub.id)).toMatchObject({ status: 'canceled', endedAt: '2026-07-15T08:00:00.000Z', cancelAtPeriodEnd: false });
  });

  it('refuses what a clock cannot do, and keeps each account’s clocks its own', async () => {
    const clock = await clockAt();
    const other = server.creds.otherMerchant;
    expect((await api(other, 'GET', `/api/v1/test-clocks/${clock}`)).status).toBe(404);
    expect((await api(other, 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds(T0) + DAY })).status).toBe(404);
    expect((await api(other, 'POST', '/api/v1/customers', { email: 'x@example.com', testClock: clock })).body).toMatchObject({ error: { code: 'not_found', param: 'testClock' } });

    const backwards = await api(billing(), 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds(T0) });
    expect(backwards).toMatchObject({ status: 400, body: { error: { code: 'validation_error', param: 'frozenTime' } } });
    const tooFar = await api(billing(), 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds('2031-03-01T00:00:00.000Z') });
    expect(tooFar).toMatchObject({ status: 400, body: { error: { param: 'frozenTime' } } });
    const millis = await api(billing(), 'POST', '/api/v1/test-clocks', { frozenTime: Date.parse(T0) });
    expect(millis).toMatchObject({ status: 400, body: { error: { param: 'frozenTime' } } });
    expect((await api(billing(), 'GET', `/api/v1/test-clocks/${clock}`)).body).toMatchObject({ object: 'test_clock', status: 'ready', frozenTime: seconds(T0) });
    expect((await api(server.fixtures.billingReadKey, 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds(T0) + DAY })).status).toBe(403);
  });
});
