import { describe, expect, it } from 'vitest';
import { apiCaller, uniqueTag, type TBody, type TKey } from '@/lib/testing/api-caller';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import { runningServer } from '@/lib/testing/running-server';

const server = runningServer();
const api = apiCaller(server);
const billing = () => server.fixtures.billingAccount;
// What the page shows: its text, without the scripts after it (which carry every message of the form).
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function customer(key: TKey) {
  return (await api(key, 'POST', '/api/v1/customers', { email: `details-${uniqueTag()}@example.com`, name: 'Old Name' })).body as TBody;
}
async function portalOf(key: TKey, customerId: string) {
  const { cookie } = await openLink((await mintPortalSession(server.baseUrl, key, { customerId, locale: 'en' })).url);
  const page = async (path: string) => {
    const res = await portalFetch(server.baseUrl, path, cookie);
    return { status: res.status, text: textOf(await res.text()) };
  };
  const save = async (patch: unknown) => {
    const res = await portalFetch(server.baseUrl, '/portal/api/customer', cookie, { method: 'POST', headers: { Origin: server.baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify(patch) });
    return { status: res.status, body: (await res.json()) as TBody };
  };
  return { page, save };
}

describe('billing details in the portal', () => {
  it('are changed by the customer as the merchant allows, with their event, and carried by the invoices issued afterwards', async () => {
    const { id } = await customer(billing());
    const portal = await portalOf(billing(), id);
    expect((await portal.page('/portal')).text).toMatch(/Billing details Edit Old Name details-/);
    const form = (await portal.page('/portal/billing-details')).text;
    for (const label of ['Name', 'Phone', 'Billing address', 'Tax IDs']) expect(form).toContain(label);
    expect(form).not.toContain('Email');

    const saved = await portal.save({ name: 'Neue GmbH', phone: '+49 30 1234567', address: { line1: 'Torstraße 1', city: 'Berlin', postalCode: '10119', country: 'DE', line2: null, state: null }, taxIds: [{ type: 'eu_vat', value: 'de 123 456 789' }] });
    expect(saved.status).toBe(200);
    const after = (await api(billing(), 'GET', `/api/v1/customers/${id}`)).body;
    expect(after).toMatchObject({ name: 'Neue GmbH', phone: '+49 30 1234567', address: { line1: 'Torstraße 1', city: 'Berlin', postalCode: '10119', country: 'DE' }, taxIds: [{ type: 'eu_vat', value: 'DE123456789' }] });
    const events = (await api(billing(), 'GET', '/api/v1/events?type=plugipay.customer.updated.v1&limit=100')).body.data as TBody[];
    expect(events.filter((e) => e.data.object.id === id).map((e) => e.data.object.name)).toEqual(['Neue GmbH']);
    expect((await portal.page('/portal')).text).toMatch(/Neue GmbH .*Torstraße 1 10119 Berlin Germany DE123456789/);

    const draft = (await api(billing(), 'POST', '/api/v1/invoices', { customer: id, currency: 'EUR', collectionMethod: 'send_invoice', daysUntilDue: 14 })).body;
    await api(billing(), 'POST', '/api/v1/invoice-items', { customer: id, invoice: draft.id, amount: 1000, currency: 'EUR', description: 'Support' });
    const issued = (await api(billing(), 'POST', `/api/v1/invoices/${draft.id}/finalize`)).body;
    expect(issued.customerDetails).toMatchObject({ name: 'Neue GmbH', address: { city: 'Berlin', country: 'DE' } });
  });

  it('refuses a field the merchant did not allow, or a malformed one, and changes nothing', async () => {
    const { id, email } = await customer(billing());
    const portal = await portalOf(billing(), id);
    expect(await portal.save({ name: 'Changed', email: 'someone-else@example.com' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden', param: 'email' } } });
    expect(await portal.save({ taxIds: [{ type: 'eu_vat', value: 'DE12' }] })).toMatchObject({ status: 400, body: { error: { code: 'validation_error', param: 'taxIds.0.value' } } });
    expect(await portal.save({ address: { country: 'XX' } })).toMatchObject({ status: 400, body: { error: { param: 'address.country' } } });
    expect(await portal.save({ metadata: { tier: 'gold' } })).toMatchObject({ status: 400 });
    expect((await api(billing(), 'GET', `/api/v1/customers/${id}`)).body).toMatchObject({ email, name: 'Old Name', taxIds: [], address: null, metadata: {} });
  });

  it('follow the portal configuration: email when allowed, nothing when switched off', async () => {
    const account = server.fixtures.featureAccount;
    const { id } = await customer(account);
    const portal = await portalOf(account, id);
    const configure = (customerUpdate: Record<string, unknown>) => api(account, 'PATCH', '/api/v1/portal-configuration', { features: { customerUpdate } });
    try {
      expect((await configure({ allowedUpdates: ['email', 'email'] })).body.features.customerUpdate).toEqual({ enabled: true, allowedUpdates: ['email'] });
      expect((await portal.page('/portal/billing-details')).text).toContain('Email');
      expect((await portal.save({ email: `moved-${uniqueTag()}@example.com` })).status).toBe(200);
      expect((await portal.save({ name: 'Not allowed now' })).status).toBe(403);
      expect((await configure({ allowedUpdates: ['fax'] })).body.error).toMatchObject({ code: 'validation_error' });

      expect((await configure({ enabled: false })).status).toBe(200);
      expect((await portal.page('/portal')).text).not.toMatch(/Billing details Edit/);
      expect((await portal.page('/portal/billing-details')).status).toBe(307);
      expect((await portal.save({ email: 'late@example.com' })).status).toBe(403);
      expect((await api(account, 'GET', `/api/v1/customers/${id}`)).body.email).toMatch(/^moved-/);
    } finally {
      await configure({ enabled: true, allowedUpdates: ['name', 'phone', 'address', 'taxIds'] });
    }
  });
});
