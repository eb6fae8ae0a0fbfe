import { describe, expect, it } from 'vitest';
import { addInterval } from '@/lib/billing-engine/add-interval';
import { apiCaller, uniqueTag, type TBody } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function customerWithCard() {
  const customer = (await api(billing(), 'POST', '/api/v1/customers', { email: `several-${uniqueTag()}@example.com`, name: 'Several' })).body;
  expect((await api(billing(), 'POST', `/api/v1/customers/${customer.id}/payment-methods`, { token: 'tok_visa' })).status).toBe(201);
  return customer.id as string;
}
async function subscribe(customer: string, name: string, unitAmount: number) {
  const product = (await api(billing(), 'POST', '/api/v1/products', { name })).body;
  const price = (await api(billing(), 'POST', '/api/v1/prices', { product: product.id, currency: 'USD', unitAmount, recurring: { interval: 'month' } })).body;
  const created = await api(billing(), 'POST', '/api/v1/subscriptions', { customer, items: [{ price: price.id }] });
  expect(created.status).toBe(201);
  return { ...(created.body as TBody), name } as TBody;
}
async function portalOf(customerId: string) {
  const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId, locale: 'en' })).url);
  return async (path: string) => {
    const res = await portalFetch(server.baseUrl, path, cookie);
    return { status: res.status, text: textOf(await res.text()) };
  };
}

describe('a customer with several subscriptions', () => {
  it('sees each on the overview with its own next charge, and each on a page of its own with its actions', async () => {
    const customerId = await customerWithCard();
    const design = await subscribe(customerId, `Design seats ${uniqueTag()}`, 1500);
    const storage = await subscribe(customerId, `Storage ${uniqueTag()}`, 700);
    const portal = await portalOf(customerId);

    const overview = (await portal('/portal')).text;
    expect(overview).toContain('Subscriptions');
    expect(overview).not.toContain('Current plan');
    for (const [sub, amount] of [[design, '$15.00'], [storage, '$7.00']] as const) {
      const upcoming = (await api(billing(), 'GET', `/api/v1/invoices/upcoming?customer=${customerId}&subscription=${sub.id}`)).body;
      expect(upcoming.total).toBe(Number(amount.slice(1).replace('.', '')));
      expect(overview).toContain(`${amount} per month`);
      expect(overview).toMatch(new RegExp(`Next charge: \\${amount.replace('.', '\\.')} on`));
    }

    const list = await portal('/portal/subscription');
    for (const { name } of [design, storage]) expect(list.text).toContain(name);
    const own = await portal(`/portal/subscription/${storage.id}`);
    // Each subscription's cancel names it (the id its button sends); its own page holds only its own.
    for (const { id } of [design, storage]) expect(list.text).toContain(id);
    expect(list.text).toContain('Cancel subscription');
    expect(own.text).toContain(storage.id);
    expect(own.text).not.toContain(design.id);
    expect(own.status).toBe(200);
    expect(own.text).toContain('$7.00 per month');
    expect(own.text).not.toContain('$15.00');
    expect(own.text).toContain('All subscriptions');
  });

  it('cannot open another customer’s subscription, an ended one, or a malformed id', async () => {
    const mine = await customerWithCard();
    await subscribe(mine, `Mine ${uniqueTag()}`, 900);
    const theirs = await subscribe(await customerWithCard(), `Theirs ${uniqueTag()}`, 900);
    const portal = await portalOf(mine);
    expect((await portal(`/portal/subscription/${theirs.id}`)).status).toBe(404);
    expect((await portal('/portal/subscription/sub_nope')).status).toBe(404);

    const ended = await subscribe(mine, `Ended ${uniqueTag()}`, 900);
    expect((await api(billing(), 'DELETE', `/api/v1/subscriptions/${ended.id}`)).status).toBe(200);
    expect((await portal(`/portal/subscription/${ended.id}`)).status).toBe(404);
    // One left: the overview names it the current plan again.
    expect((await portal('/portal')).text).toContain('Current plan');
  });

  it('says payments are paused instead of a next charge, and shows the charge once the pause ends before the renewal', async () => {
    const customerId = await customerWithCard();
    const sub = await subscribe(customerId, `Paused ${uniqueTag()}`, 1200);
    const path = `/api/v1/subscriptions/${sub.id}`;
    const portal = await portalOf(customerId);

    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void' } })).status).toBe(200);
    let overview = (await portal('/portal')).text;
    expect(overview).toContain('Payments are paused.');
    expect(overview).not.toContain('Next charge:');

    const beforeRenewal = new Date(Date.parse(sub.currentPeriodEnd) - 86_400_000);
    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void', resumesAt: beforeRenewal.toISOString() } })).status).toBe(200);
    overview = (await portal('/portal')).text;
    expect(overview).toMatch(/Payments are paused until [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    expect(overview).toContain('Next charge: $12.00 on');

    const afterRenewal = new Date(Date.parse(sub.currentPeriodEnd) + 86_400_000);
    expect((await api(billing(), 'PATCH', path, { pauseCollection: { behavior: 'void', resumesAt: afterRenewal.toISOString() } })).status).toBe(200);
    expect((await portal('/portal/subscription')).text).not.toContain('Next charge:');
  });
});

describe('pausing instead of cancelling', () => {
  // One login (a customer's new link ends the login before it): the page as shown, and the pause action.
  async function loginOf(customerId: string) {
    const { cookie } = await openLink((await mintPortalSession(server.baseUrl, billing(), { customerId, locale: 'en' })).url);
    const shown = async (path: string) => {
      const html = await (await portalFetch(server.baseUrl, path, cookie)).text();
      return textOf(html.replace(/<script[\s\S]*?<\/script>/g, ' '));
    };
    const pause = async (subscriptionId: string, periods: number) => {
      const res = await portalFetch(server.baseUrl, '/portal/api/subscription/pause', cookie, {
        method: 'POST',
        headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
        body: JSON.stringify({ subscriptionId, periods }),
      });
      return { status: res.status, body: (await res.json()) as TBody };
    };
    const resume = async (subscriptionId: string) => {
      const res = await portalFetch(server.baseUrl, '/portal/api/subscription/resume', cookie, {
        method: 'POST',
        headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' },
        body: JSON.stringify({ subscriptionId }),
      });
      return { status: res.status, body: (await res.json()) as TBody };
    };
    return { shown, pause, resume };
  }
  const configure = (subscriptionPause: Record<string, unknown>) => api(billing(), 'PATCH', '/api/v1/portal-configuration', { features: { subscriptionPause } });

  it('is offered in the cancel dialog when the merchant turns it on, voids the renewals of the pause and resumes by itself', async () => {
    const customerId = await customerWithCard();
    const sub = await subscribe(customerId, `Break ${uniqueTag()}`, 1000);
    const { shown, pause, resume } = await loginOf(customerId);
    try {
      expect((await configure({ enabled: true, maxPeriods: 2 })).body.features.subscriptionPause).toEqual({ enabled: true, maxPeriods: 2 });
      const page = await shown(`/portal/subscription/${sub.id}`);
      expect(page).toContain('Need a break? Pause payments instead');
      // The choices end at the merchant's two months (the account is shared: another file's retention offer may speak of 3 months).
      expect(page).toContain('Pause for 1 month 2 months Pause payments');

      expect((await pause(sub.id, 3)).body.error).toMatchObject({ code: 'validation_error', param: 'periods' });
      const resumesAt = addInterval(new Date(sub.currentPeriodEnd), 'month', 2).toISOString();
      expect(await pause(sub.id, 2)).toMatchObject({ status: 200, body: { status: 'paused', resumesAt } });
      expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body).toMatchObject({ status: 'paused', pauseCollection: { behavior: 'void', resumesAt } });
      const after = await shown(`/portal/subscription/${sub.id}`);
      expect(after).toMatch(/Payments are paused until [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
      expect(after).not.toContain('Need a break?');
      expect((await pause(sub.id, 1)).body.error).toMatchObject({ code: 'invalid_state' });

      const stranger = await loginOf(await customerWithCard());
      expect((await stranger.pause(sub.id, 1)).status).toBe(404);
      expect((await stranger.resume(sub.id)).status).toBe(404);

      // The customer ends the pause early: payments are on again from the next renewal.
      expect(after).toContain('Resume payments');
      expect(await resume(sub.id)).toMatchObject({ status: 200, body: { status: 'active' } });
      expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body).toMatchObject({ status: 'active', pauseCollection: null });
      expect(await shown(`/portal/subscription/${sub.id}`)).toMatch(/Next charge: \$10\.00 on/);
    } finally {
      await configure({ enabled: false });
    }
  });

  it('is neither offered nor accepted while the merchant leaves it off', async () => {
    const customerId = await customerWithCard();
    const sub = await subscribe(customerId, `No break ${uniqueTag()}`, 1000);
    expect((await api(billing(), 'GET', '/api/v1/portal-configuration')).body.features.subscriptionPause.enabled).toBe(false);
    const { shown, pause } = await loginOf(customerId);
    const page = await shown(`/portal/subscription/${sub.id}`);
    expect(page).toContain('Cancel subscription');
    expect(page).not.toContain('Need a break?');
    expect((await pause(sub.id, 1)).status).toBe(403);
    expect((await api(billing(), 'GET', `/api/v1/subscriptions/${sub.id}`)).body.status).toBe('active');
  });
});
