import { afterAll, describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody, type TKey } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
const seconds = (iso: string) => Date.parse(iso) / 1000;
// Visible text only: the RSC payload in <script> carries client messages that are not on the page.
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// Periods of March 2026 (31 days); the 16th at noon is exactly half of it.
const START = '2026-03-01T00:00:00Z';
const MIDDLE = '2026-03-16T12:00:00Z';

const configure = (key: TKey, subscriptionUpdate: Record<string, unknown>) => api(key, 'PATCH', '/api/v1/portal-configuration', { features: { subscriptionUpdate } });
afterAll(() => configure(billing(), { enabled: false, products: [] }));

/** A catalog of three monthly plans ($10, $30, $50) and a yearly Pro price, in a currency of its own per test. */
async function catalog(key: TKey = billing()) {
  const plan = async (name: string, amounts: [number, 'month' | 'year'][]) => {
    const product = (await api(key, 'POST', '/api/v1/products', { name: `${name} ${uniqueTag()}`, description: `${name} plan` })).body;
    const prices: TBody[] = [];
    for (const [unitAmount, interval] of amounts) prices.push((await api(key, 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount, recurring: { interval } })).body);
    return { product, prices };
  };
  const basic = await plan('Basic', [[1000, 'month']]);
  const pro = await plan('Pro', [[3000, 'month'], [30000, 'year']]);
  const team = await plan('Team', [[5000, 'month']]);
  const offered = [basic, pro].map((p) => ({ product: p.product.id, prices: p.prices.map((price) => price.id) }));
  return { basic: basic.prices[0]!, pro: pro.prices[0]!, proYearly: pro.prices[1]!, team: team.prices[0]!, basicName: basic.product.name as string, proName: pro.product.name as string, offered };
}

/** A customer on a test clock with a card, subscribed at START to `price`; the clock then stands at MIDDLE. */
async function subscriber(price: TBody, quantity = 1, key: TKey = billing()) {
  const clock = (await api(key, 'POST', '/api/v1/test-clocks', { frozenTime: seconds(START) })).body.id;
  const customer = (await api(key, 'POST', '/api/v1/customers', { email: `plan-${uniqueTag()}@example.com`, name: 'Switcher', testClock: clock })).body;
  expect((await api(key, 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' })).status).toBe(201);
  const sub = (await api(key, 'POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: price.id, quantity }] })).body;
  expect(sub.status).toBe('active');
  const advance = async (iso: string) => expect((await api(key, 'POST', `/api/v1/test-clocks/${clock}/advance`, { frozenTime: seconds(iso) })).status).toBe(200);
  await advance(MIDDLE);
  return { customerId: customer.id as string, sub, advance };
}

async function portalOf(customerId: string, body: Record<string, unknown> = {}, key: TKey = billing()) {
  const session = await mintPortalSession(server.baseUrl, key, { customerId, locale: 'en', ...body });
  const { cookie, res } = await openLink(session.url);
  const page = async (path: string) => {
    const r = await portalFetch(server.baseUrl, path, cookie);
    return { status: r.status, text: textOf(await r.text()), location: r.headers.get('location') };
  };
  const post = async (path: string, payload: unknown) => {
    const r = await portalFetch(server.baseUrl, path, cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    return { status: r.status, body: (await r.json()) as TBody };
  };
  const change = (subscriptionId: string, price: string, extra: Record<string, unknown> = {}) =>
    post('/portal/api/subscription/change', { subscriptionId, price, prorationDate: seconds(MIDDLE), ...extra });
  return { page, post, change, landing: res.headers.get('location') };
}

const eventsFor = async (type: string, id: string) =>
  ((await api(billing(), 'GET', `/api/v1/events?type=${type}&limit=100`)).body.data as TBody[]).filter((e) => e.data.object.id === id);

describe('changing plan in the portal', () => {
  it('previews an upgrade to the cent, bills exactly that at once (always_invoice), and tells the merchant', async () => {
    const plans = await catalog();
    expect((await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'always_invoice', downgradeTiming: 'period_end', quantity: { enabled: false } })).status).toBe(200);
    const { customerId, sub } = await subscriber(plans.basic);
    const portal = await portalOf(customerId);

    expect((await portal.page(`/portal/subscription/${sub.id}`)).text).toContain('Change plan');
    const choices = (await portal.page(`/portal/subscription/${sub.id}/change`)).text;
    expect(choices).toContain(`${plans.basicName} Basic plan $10.00 per month Current plan`);
    expect(choices).toContain(`${plans.proName} Pro plan $30.00 per month`);
    // Another billing period is a choice; a plan not offered is not.
    expect(choices).toContain('$300.00 per year');
    expect(choices).not.toContain('$50.00');

    const preview = (await portal.page(`/portal/subscription/${sub.id}/change/confirm?price=${plans.pro.id}`)).text;
    expect(preview).toContain('Due today $10.00');
    expect(preview).toMatch(/Unused time on 1 × Basic .* -\$5\.00/);
    expect(preview).toMatch(/Remaining time on 1 × Pro .* \$15\.00/);
    expect(preview).toContain('Charged to Visa ending in 4242');
    expect(preview).toContain('Next invoice, Apr 1, 2026 $30.00');

    // Refused, and nothing changes: the current plan, a price not offered, seats that may not change, a preview gone stale.
    expect((await portal.change(sub.id, plans.basic.id)).body.error).toMatchObject({ code: 'validation_error', message: 'same_plan', param: 'price' });
    expect((await portal.change(sub.id, plans.team.id)).body.error).toMatchObject({ message: 'plan_not_offered' });
    expect((await portal.change(sub.id, plans.pro.id, { quantity: 2 })).body.error).toMatchObject({ message: 'seats_fixed', param: 'quantity' });
    expect((await portal.change(sub.id, plans.pro.id, { prorationDate: seconds(MIDDLE) - 7200 })).body.error).toMatchObject({ message: 'stale_preview' });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.items[0].price.id).toBe(plans.basic.id);

    const changed = await portal.change(sub.id, plans.pro.id);
    expect(changed).toMatchObject({ status: 200, body: { timing: 'now', invoice: { status: 'paid', total: 1000, currency: 'USD' } } });
    const after = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(after.items.map((i: TBody) => [i.price.id, i.quantity])).toEqual([[plans.pro.id, 1]]);
    const payments = (await api(billing(), 'GET', `/api/v1/payments?customer=${customerId}`)).body.data as TBody[];
    expect(payments.map((p) => [p.amount, p.status])).toEqual([[1000, 'succeeded'], [1000, 'succeeded']]);
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body).toMatchObject({ total: 3000, periodStart: '2026-04-01T00:00:00.000Z' });
    const updates = await eventsFor('plugipay.subscription.updated.v1', sub.id);
    expect(updates.map((e) => e.data.object.items[0].price.id)).toContain(plans.pro.id);
  });

  it('bills a preview made in the second the period began (prorationDate is whole seconds, the period’s start is not) from the start itself', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'always_invoice', downgradeTiming: 'period_end', quantity: { enabled: false } });
    // On the real clock, so the period starts at a moment with milliseconds.
    const customer = (await api(billing(), 'POST', '/api/v1/customers', { email: `plan-${uniqueTag()}@example.com`, name: 'Quick Switcher' })).body;
    await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' });
    const sub = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customer.id, items: [{ price: plans.basic.id }] })).body;
    const firstSecond = Math.floor(Date.parse(sub.currentPeriodStart) / 1000);
    const upcoming = (date: number) => api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customer.id}&subscription=${sub.id}&items=${encodeURIComponent(JSON.stringify([{ id: sub.items[0].id, price: plans.pro.id }]))}&prorationDate=${date}`);
    expect((await upcoming(firstSecond - 1)).body.error).toMatchObject({ code: 'validation_error', param: 'prorationDate' });
    expect((await upcoming(firstSecond)).status).toBe(200);

    const portal = await portalOf(customer.id);
    const changed = await portal.change(sub.id, plans.pro.id, { prorationDate: firstSecond });
    // The whole of Basic unused, the whole of Pro to come: $30.00 − $10.00.
    expect(changed).toMatchObject({ status: 200, body: { timing: 'now', invoice: { status: 'paid', total: 2000 } } });
  });

  it('changes nothing when the charge for an upgrade is declined: the plan, the period and the waiting prorations stay, the invoice is voided, the decline is on record', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'always_invoice', downgradeTiming: 'period_end', quantity: { enabled: true, min: 1, max: 5 } });
    const { customerId, sub } = await subscriber(plans.basic);
    // Seats added through the API earlier wait for the next invoice (create_prorations).
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { items: [{ id: sub.items[0].id, quantity: 2 }] })).status).toBe(200);
    const before = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body;
    expect(upcoming.total).toBe(2500);
    expect((await api(billing(), 'POST', `/api/v1/customers/${customerId}/payment-methods`, { token: 'tok_chargeCustomerFail', makeDefault: true })).status).toBe(201);
    const portal = await portalOf(customerId);

    const refused = await portal.change(sub.id, plans.proYearly.id, { quantity: 2 });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_error', message: 'card_declined', param: 'paymentMethodId' } } });
    const after = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(after).toMatchObject({ status: 'active', currentPeriodStart: before.currentPeriodStart, currentPeriodEnd: before.currentPeriodEnd, billingCycleAnchor: before.billingCycleAnchor, items: before.items });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body).toMatchObject({ total: upcoming.total, lines: upcoming.lines });
    const invoices = (await api(billing(), 'GET', `/api/v1/invoices?customer=${customerId}&status=void`)).body.data as TBody[];
    expect(invoices.map((i) => [i.billingReason, i.total, i.nextPaymentAttempt])).toEqual([['subscription_update', 59500, null]]);
    const payments = (await api(billing(), 'GET', `/api/v1/payments?customer=${customerId}`)).body.data as TBody[];
    expect(payments.filter((p) => p.invoice === invoices[0]!.id).map((p) => [p.status, p.failureCode])).toEqual([['failed', 'card_declined']]);
    expect((await eventsFor('plugipay.invoice.voided.v1', invoices[0]!.id)).length).toBe(1);
    expect((await eventsFor('plugipay.subscription.updated.v1', sub.id)).at(0)!.data.object.items).toEqual(before.items);

    // Through the API, the same change keeps it with its invoice open unless asked to be all or nothing.
    const patch = { items: [{ id: sub.items[0].id, price: plans.pro.id }], prorationBehavior: 'always_invoice', paymentBehavior: 'error_if_incomplete' };
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { ...patch, metadata: { a: '1' } })).body.error).toMatchObject({ code: 'validation_error', param: 'paymentBehavior' });
    expect((await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, patch)).body.error).toMatchObject({ code: 'validation_error', param: 'paymentBehavior', message: expect.stringContaining('card_declined') });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.items).toEqual(before.items);
    const kept = await api(billing(), 'PATCH', `/api/v1/subscriptions/${sub.id}`, { ...patch, paymentBehavior: undefined });
    expect(kept.body).toMatchObject({ status: 'past_due', items: [{ price: { id: plans.pro.id } }] });
  });

  it('moves to a yearly plan at once: a new period from now, billed in full less the unused time, as previewed', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'create_prorations', downgradeTiming: 'period_end', quantity: { enabled: false } });
    const { customerId, sub } = await subscriber(plans.basic);
    const portal = await portalOf(customerId);

    const preview = (await portal.page(`/portal/subscription/${sub.id}/change/confirm?price=${plans.proYearly.id}`)).text;
    expect(preview).toContain('Due today $295.00');
    expect(preview).toMatch(/Unused time on 1 × Basic .* -\$5\.00/);
    expect(preview).toContain('Next invoice, Mar 16, 2027 $300.00');

    const changed = await portal.change(sub.id, plans.proYearly.id);
    expect(changed).toMatchObject({ status: 200, body: { timing: 'now', invoice: { status: 'paid', total: 29500 } } });
    const after = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(after).toMatchObject({ currentPeriodStart: MIDDLE.replace('Z', '.000Z'), currentPeriodEnd: '2027-03-16T12:00:00.000Z', billingCycleAnchor: MIDDLE.replace('Z', '.000Z') });
    const invoice = (await api(billing(), 'GET', `/api/v1/invoices/${changed.body.invoice.id}`)).body;
    expect(invoice).toMatchObject({ billingReason: 'subscription_update', periodStart: MIDDLE.replace('Z', '.000Z'), periodEnd: '2027-03-16T12:00:00.000Z', amountPaid: 29500 });
    expect(invoice.lines.map((l: TBody) => l.amount)).toEqual([30000, -500]);
    expect(invoice.lines[1].description).toBe(`Unused time on 1 × ${plans.basicName} after 2026-03-16`);
    // The proration line in the reader's language and date format; the API keeps Stripe's English.
    const inJapanese = (await (await portalOf(customerId, { locale: 'ja' })).page(`/portal/invoices/${invoice.id}`)).text;
    expect(inJapanese).toContain(`2026/03/16以降の 1 × ${plans.basicName} の未使用期間`);
    expect(inJapanese).not.toContain('Unused time');
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body).toMatchObject({ total: 30000, periodStart: '2027-03-16T12:00:00.000Z' });
  });

  it('moves to a shorter billing period at the period’s end, where downgrades wait, and renews on it from there', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'create_prorations', downgradeTiming: 'period_end', quantity: { enabled: false } });
    const { customerId, sub, advance } = await subscriber(plans.proYearly);
    const portal = await portalOf(customerId);
    expect((await portal.change(sub.id, plans.pro.id)).body).toMatchObject({ timing: 'period_end', effectiveAt: '2027-03-01T00:00:00.000Z' });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body).toMatchObject({ total: 3000, periodStart: '2027-03-01T00:00:00.000Z' });

    await advance('2027-03-02T00:00:00Z');
    const renewed = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(renewed).toMatchObject({ currentPeriodStart: '2027-03-01T00:00:00.000Z', currentPeriodEnd: '2027-04-01T00:00:00.000Z', scheduledChange: null });
    expect(renewed.items[0].price.id).toBe(plans.pro.id);
    const [latest] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}&limit=1`)).body.data;
    expect(latest).toMatchObject({ total: 3000, periodStart: '2027-03-01T00:00:00.000Z', periodEnd: '2027-04-01T00:00:00.000Z', status: 'paid' });
  });

  it('schedules a downgrade for the period’s end, shows it, undoes it, and the renewal bills the plan it names', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'create_prorations', downgradeTiming: 'period_end' });
    const { customerId, sub, advance } = await subscriber(plans.pro);
    const portal = await portalOf(customerId);

    const preview = (await portal.page(`/portal/subscription/${sub.id}/change/confirm?price=${plans.basic.id}`)).text;
    expect(preview).toContain('Due today $0.00');
    expect(preview).toContain('Your plan changes on Apr 1, 2026, when the period you have paid for ends.');
    expect(preview).toContain('Next invoice, Apr 1, 2026 $10.00');

    expect((await portal.change(sub.id, plans.basic.id)).body).toMatchObject({ timing: 'period_end', effectiveAt: '2026-04-01T00:00:00.000Z', invoice: null });
    const scheduled = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(scheduled.items[0].price.id).toBe(plans.pro.id);
    expect(scheduled.scheduledChange).toEqual({ items: [{ price: plans.basic.id, quantity: 1 }], effectiveAt: '2026-04-01T00:00:00.000Z' });
    const page = (await portal.page(`/portal/subscription/${sub.id}`)).text;
    expect(page).toContain(`Changes to ${plans.basicName} ($10.00 per month) on Apr 1, 2026`);
    expect(page).toContain('Next charge: $10.00 on Apr 1, 2026');
    expect(page).toContain('Keep current plan');

    expect((await portal.post('/portal/api/subscription/keep-plan', { subscriptionId: sub.id })).status).toBe(200);
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.scheduledChange).toBeNull();
    expect((await portal.page(`/portal/subscription/${sub.id}`)).text).toContain('Next charge: $30.00 on Apr 1, 2026');
    expect((await portal.post('/portal/api/subscription/keep-plan', { subscriptionId: sub.id })).body.error).toMatchObject({ code: 'invalid_state' });

    expect((await portal.change(sub.id, plans.basic.id)).status).toBe(200);
    await advance('2026-04-01T00:00:01Z');
    const renewed = (await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body;
    expect(renewed).toMatchObject({ scheduledChange: null, currentPeriodStart: '2026-04-01T00:00:00.000Z' });
    expect(renewed.items[0].price.id).toBe(plans.basic.id);
    const [april] = (await api(billing(), 'GET', `/api/v1/invoices?subscription=${sub.id}&limit=1`)).body.data as TBody[];
    expect(april).toMatchObject({ status: 'paid', total: 1000 });
  });

  it('changes seats within bounds, the difference going to the next invoice (create_prorations)', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'create_prorations', downgradeTiming: 'now', quantity: { enabled: true, min: 1, max: 10 } });
    const { customerId, sub } = await subscriber(plans.pro);
    const portal = await portalOf(customerId);
    expect((await portal.page(`/portal/subscription/${sub.id}/change`)).text).toContain('Seats From 1 to 10');

    const preview = (await portal.page(`/portal/subscription/${sub.id}/change/confirm?price=${plans.pro.id}&quantity=3`)).text;
    expect(preview).toContain('Due today $0.00');
    expect(preview).toContain('the difference for the rest of this period is settled on your next invoice');
    // 3 seats for a month ($90) and, for the half month left, two more seats ($45 - $15 = $30).
    expect(preview).toContain('Next invoice, Apr 1, 2026 $120.00');

    expect((await portal.change(sub.id, plans.pro.id, { quantity: 11 })).body.error).toMatchObject({ message: 'seats_out_of_range' });
    expect((await portal.change(sub.id, plans.pro.id, { quantity: 3 })).body).toMatchObject({ timing: 'now', invoice: null });
    expect((await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}`)).body.total).toBe(12000);
  });

  it('is absent and refused when off, and never reaches another customer’s subscription', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, quantity: { enabled: false } });
    const { customerId, sub } = await subscriber(plans.basic);
    const other = await subscriber(plans.basic);
    const portal = await portalOf(customerId);
    expect((await portal.change(other.sub.id, plans.pro.id)).status).toBe(404);
    expect((await portal.page(`/portal/subscription/${other.sub.id}/change`)).status).toBe(404);
    expect((await portal.page(`/portal/subscription/${other.sub.id}/change/confirm?price=${plans.pro.id}`)).status).toBe(404);

    await configure(billing(), { enabled: false });
    try {
      expect((await portal.page(`/portal/subscription/${sub.id}`)).text).not.toContain('Change plan');
      expect((await portal.page(`/portal/subscription/${sub.id}/change`)).status).toBe(404);
      expect((await portal.change(sub.id, plans.pro.id)).status).toBe(403);
      expect((await api(billing(), 'POST', '/api/v1/portal-sessions', { customerId, returnUrl: 'https://merchant.example/', flow: { type: 'subscription_update', subscriptionId: sub.id } })).body.error)
        .toMatchObject({ code: 'validation_error', param: 'flow.type' });
    } finally {
      await configure(billing(), { enabled: true });
    }
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.items[0].price.id).toBe(plans.basic.id);
  });

  it('deep-links to the plans or to one plan’s confirmation, does only that, and returns to the merchant', async () => {
    const plans = await catalog();
    await configure(billing(), { enabled: true, products: plans.offered, prorationBehavior: 'create_prorations', downgradeTiming: 'now', quantity: { enabled: false } });
    const { customerId, sub } = await subscriber(plans.basic);
    const second = (await api(billing(), 'POST', '/api/v1/subscriptions', { customer: customerId, items: [{ price: plans.basic.id }] })).body;
    const returnUrl = 'https://merchant.example/billing?changed=1';

    const update = await portalOf(customerId, { returnUrl, flow: { type: 'subscription_update', subscriptionId: sub.id } });
    expect(new URL(update.landing!, server.baseUrl).pathname).toBe(`/portal/subscription/${sub.id}/change`);
    expect((await update.page('/portal')).location).toContain(`/portal/subscription/${sub.id}/change`);
    expect((await update.page(`/portal/subscription/${sub.id}/change/confirm?price=${plans.pro.id}`)).text).toContain('Next invoice, Apr 1, 2026');
    expect((await update.change(second.id, plans.pro.id)).status).toBe(403);
    expect((await update.change(sub.id, plans.pro.id)).body).toMatchObject({ timing: 'now', redirectTo: returnUrl });

    const mint = (flow: Record<string, unknown>, customer = customerId) => api(billing(), 'POST', '/api/v1/portal-sessions', { customerId: customer, returnUrl, flow });
    const confirmFlow = { type: 'subscription_update_confirm', subscriptionId: second.id, items: [{ price: plans.pro.id }] };
    expect((await mint(confirmFlow)).body.flow).toEqual({ ...confirmFlow, items: [{ price: plans.pro.id, quantity: 1 }], afterCompletion: { type: 'redirect' } });
    expect((await mint({ ...confirmFlow, items: [{ price: plans.team.id }] })).body.error).toMatchObject({ code: 'validation_error', param: 'flow.items.0.price' });
    expect((await mint({ ...confirmFlow, items: [{ price: plans.basic.id }] })).body.error).toMatchObject({ param: 'flow.items.0.price' });
    expect((await mint(confirmFlow, other(await subscriber(plans.basic)))).body.error).toMatchObject({ code: 'not_found', param: 'flow.subscriptionId' });

    const confirm = await portalOf(customerId, { returnUrl, flow: confirmFlow });
    expect(new URL(confirm.landing!, server.baseUrl).pathname).toBe(`/portal/subscription/${second.id}/change/confirm`);
    const page = (await confirm.page(`/portal/subscription/${second.id}/change/confirm?price=${plans.basic.id}`)).text;
    expect(page).toContain(`New plan ${plans.proName}`);
    expect((await confirm.page(`/portal/subscription/${second.id}/change`)).status).toBe(307);
    expect((await confirm.change(second.id, plans.basic.id)).status).toBe(403);
    expect((await confirm.change(second.id, plans.pro.id)).body).toMatchObject({ redirectTo: returnUrl });
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${second.id}`)).body.items[0].price.id).toBe(plans.pro.id);
  });
});

const other = (s: { customerId: string }) => s.customerId;

describe('the subscriptionUpdate configuration', () => {
  it('takes only the account’s own recurring, active prices under their products, and seat bounds that hold a number', async () => {
    const key = server.fixtures.featureAccount;
    const plans = await catalog(key);
    const foreign = await catalog();
    const patch = (subscriptionUpdate: Record<string, unknown>) => configure(key, subscriptionUpdate);
    expect((await patch({ products: [{ product: foreign.offered[0]!.product, prices: foreign.offered[0]!.prices }] })).body.error).toMatchObject({ code: 'not_found', param: 'features.subscriptionUpdate.products.0.product' });
    expect((await patch({ products: [{ product: plans.offered[0]!.product, prices: [plans.pro.id] }] })).body.error).toMatchObject({ code: 'validation_error', param: 'features.subscriptionUpdate.products.0.prices' });
    const oneTime = (await api(key, 'POST', '/api/v1/prices', { product: plans.offered[0]!.product, currency: 'USD', unitAmount: 500 })).body;
    expect((await patch({ products: [{ product: plans.offered[0]!.product, prices: [oneTime.id] }] })).body.error).toMatchObject({ code: 'validation_error' });
    expect((await patch({ quantity: { min: 5, max: 2 } })).body.error).toMatchObject({ code: 'validation_error', param: 'features.subscriptionUpdate.quantity' });

    const saved = (await patch({ products: plans.offered, quantity: { enabled: true, min: 2, max: 20 }, prorationBehavior: 'none', downgradeTiming: 'period_end' })).body;
    expect(saved.features.subscriptionUpdate).toEqual({ enabled: false, products: plans.offered, quantity: { enabled: true, min: 2, max: 20 }, prorationBehavior: 'none', downgradeTiming: 'period_end' });
    expect((await api(key, 'GET', '/api/v1/portal-configuration')).body.features.subscriptionUpdate.products).toEqual(plans.offered);
  });
});
