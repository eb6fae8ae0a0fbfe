import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '@/lib/testing/portal-links';
import en from '@/lib/i18n/messages/en.json';
import { describeRunningServer, readCredentials, type TTestServer } from '@/lib/testing/test-server';
import type { TDemoCredentials } from '@/prisma/seed/seed-demo-data';

let server: TTestServer;
let creds: TDemoCredentials;

async function login(customerId: string, key = creds.merchant, body: Record<string, unknown> = {}) {
  const session = await mintPortalSession(server.baseUrl, key, { customerId, ...body });
  const { cookie } = await openLink(session.url);
  return { cookie: cookie!, session };
}

async function idsOn(cookie: string, path: string, pattern: RegExp) {
  const html = await (await portalFetch(server.baseUrl, path, cookie)).text();
  return [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))];
}

const INVOICE_PDF = /\/portal\/invoices\/(inv_[0-9A-HJKMNP-TV-Z]{26})\/pdf/g;
const RECEIPT = /\/portal\/receipts\/(pay_[0-9A-HJKMNP-TV-Z]{26})"/g;

let a: { cookie: string };
let own: { invoice: string; receipt: string };
let others: { invoice: string; receipt: string; otherAccountInvoice: string; otherAccountReceipt: string };

beforeAll(async () => {
  server = describeRunningServer(inject('dataDir'), inject('baseUrl'), inject('serverPid'));
  creds = readCredentials(server.credentialsPath);
  // Each customer has one active login, and other test files open links for theirs: the reader here
  // is a customer no other file logs in.
  a = await login(creds.customers.canceling);
  const b = await login(creds.customers.manyInvoices);
  const c = await login(creds.customers.otherMerchant, creds.otherMerchant);
  own = { invoice: (await idsOn(a.cookie, '/portal/invoices', INVOICE_PDF))[0]!, receipt: (await idsOn(a.cookie, '/portal/receipts', RECEIPT))[0]! };
  expect(own).toEqual({ invoice: expect.stringMatching(/^inv_/), receipt: expect.stringMatching(/^pay_/) });
  others = {
    invoice: (await idsOn(b.cookie, '/portal/invoices', INVOICE_PDF))[0]!,
    receipt: (await idsOn(b.cookie, '/portal/receipts', RECEIPT))[0]!,
    otherAccountInvoice: (await idsOn(c.cookie, '/portal/invoices', INVOICE_PDF))[0]!,
    otherAccountReceipt: (await idsOn(c.cookie, '/portal/receipts', RECEIPT))[0]!,
  };
  expect(others).toEqual({
    invoice: expect.stringMatching(/^inv_/),
    receipt: expect.stringMatching(/^pay_/),
    otherAccountInvoice: expect.stringMatching(/^inv_/),
    otherAccountReceipt: expect.stringMatching(/^pay_/),
  });
});

describe('what a login can read', () => {
  it('its own invoice PDF, with a filename that names the invoice', async () => {
    const res = await portalFetch(server.baseUrl, `/portal/invoices/${own.invoice}/pdf`, a.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice-ACME-\d{4}\.pdf"$/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('its own receipt page, invoice page and receipt PDF', async () => {
    expect((await portalFetch(server.baseUrl, `/portal/receipts/${own.receipt}`, a.cookie)).status).toBe(200);
    expect((await portalFetch(server.baseUrl, `/portal/invoices/${own.invoice}`, a.cookie)).status).toBe(200);
    const pdf = await portalFetch(server.baseUrl, `/portal/receipts/${own.receipt}/pdf`, a.cookie);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });

  it.each([
    ['another customer’s invoice PDF', () => `/portal/invoices/${others.invoice}/pdf`],
    ['another customer’s invoice page', () => `/portal/invoices/${others.invoice}`],
    ['another account’s invoice page', () => `/portal/invoices/${others.otherAccountInvoice}`],
    ['an invoice page that does not exist', () => '/portal/invoices/inv_01HM56NZ00AAAAAAAAAAAAAAAA'],
    ['another customer’s receipt', () => `/portal/receipts/${others.receipt}`],
    ['another customer’s receipt PDF', () => `/portal/receipts/${others.receipt}/pdf`],
    ['another account’s invoice PDF', () => `/portal/invoices/${others.otherAccountInvoice}/pdf`],
    ['another account’s receipt', () => `/portal/receipts/${others.otherAccountReceipt}`],
    ['another account’s receipt PDF', () => `/portal/receipts/${others.otherAccountReceipt}/pdf`],
    ['an invoice that does not exist', () => '/portal/invoices/inv_01HM56NZ00AAAAAAAAAAAAAAAA/pdf'],
    ['a malformed id', () => '/portal/invoices/not-an-id/pdf'],
  ])('not %s: 404', async (_, path) => {
    const res = await portalFetch(server.baseUrl, path(), a.cookie);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toBe('application/pdf');
  });

  it.each([
    ['the overview', '/portal'],
    ['the invoices', '/portal/invoices'],
    ['a receipt', () => `/portal/receipts/${own.receipt}`],
    ['an invoice', () => `/portal/invoices/${own.invoice}`],
  ])('nothing without the cookie: %s answers 401', async (_, path) => {
    const res = await portalFetch(server.baseUrl, typeof path === 'string' ? path : path(), undefined);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('cole.canceling@example.com');
  });

  it('nothing with a made-up cookie', async () => {
    const res = await portalFetch(server.baseUrl, `/portal/invoices/${own.invoice}/pdf`, 'plugipay_portal=' + 'A'.repeat(43));
    expect(res.status).toBe(401);
  });
});

describe('portal pages', () => {
  it('carry the security headers: a nonce CSP, no framing, no referrer, no sniffing, no caching', async () => {
    const res = await portalFetch(server.baseUrl, '/portal', a.cookie);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = (await portalFetch(server.baseUrl, '/portal', a.cookie)).headers.get('content-security-policy')!;
    expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);
  });

  it('carry what the actions say only where there are actions', async () => {
    const { cancelDialogTitle, errors } = en.PortalActions;
    const html = async (path: string) => (await portalFetch(server.baseUrl, path, a.cookie)).text();
    // The subscription page has "Resume" (the subscription is set to cancel), a client action.
    const withActions = await html('/portal/subscription');
    expect(withActions).toContain(en.PortalActions.resume);
    expect(withActions).toContain(errors.generic);
    expect(withActions).toContain(cancelDialogTitle);
    for (const path of ['/portal/receipts', '/portal/invoices']) {
      const page = await html(path);
      expect(page).toContain(en.Portal.tabs.receipts);
      expect(page, path).not.toContain(errors.generic);
      expect(page, path).not.toContain(cancelDialogTitle);
    }
  });
});

describe('ending a login', () => {
  it('“Done” ends the login and returns to the returnUrl exactly as given', async () => {
    const { cookie, session } = await login(creds.customers.manyInvoices);
    const res = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST', headers: { Origin: server.baseUrl } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(session.returnUrl);
    expect(res.headers.get('location')).toBe('https://yourapp.com/account/billing?from=portal');
    expect(res.headers.get('set-cookie')).toMatch(/^plugipay_portal=; Path=\/; Max-Age=0/);
    // The browser may keep the old cookie; the server no longer honours it.
    expect((await portalFetch(server.baseUrl, '/portal', cookie)).status).toBe(401);
  });

  it('after “Done”, Back leads to a “session ended” page in the merchant’s name with the way back; without a trace of the portal, a plain one', async () => {
    const { cookie } = await login(creds.customers.manyInvoices);
    const done = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST', headers: { Origin: server.baseUrl } });
    const ended = done.headers.getSetCookie().find((c) => c.startsWith('plugipay_portal_ended='))!.split(';')[0]!;
    expect(ended).toMatch(/^plugipay_portal_ended=pls_[0-9A-HJKMNP-TV-Z]{26}$/);

    const back = await portalFetch(server.baseUrl, '/portal/invoices', ended);
    expect(back.status).toBe(401);
    const html = await back.text();
    expect(html).toContain('Your billing session has ended');
    expect(html).toContain('Return to Acme Cloud');
    expect(html).toContain('https://yourapp.com');
    expect(html).not.toContain('Mia Many');

    // The old portal cookie (its login ended) leads back too.
    expect(await (await portalFetch(server.baseUrl, '/portal', cookie)).text()).toContain('Return to Acme Cloud');
    for (const stranger of [undefined, 'plugipay_portal_ended=pls_01HM56NZ00AAAAAAAAAAAAAAAA', 'plugipay_portal_ended=nonsense']) {
      const page = await (await portalFetch(server.baseUrl, '/portal', stranger)).text();
      expect(page).toContain('Your billing session has ended');
      expect(page).not.toContain('Return to Acme Cloud');
      expect(page).not.toContain('https://yourapp.com');
    }
  });

  it('“Done” from another site is refused and the login stays', async () => {
    const { cookie } = await login(creds.customers.manyInvoices);
    const forged = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    const noOrigin = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST' });
    expect(noOrigin.status).toBe(403);
    const crossSite = await portalFetch(server.baseUrl, '/portal/done', cookie, { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site', Origin: server.baseUrl } });
    expect(crossSite.status).toBe(403);
    expect((await portalFetch(server.baseUrl, '/portal', cookie)).status).toBe(200);
  });

  it('opening a new link replaces the customer’s active login', async () => {
    const first = await login(creds.customers.noPaymentMethod);
    const second = await login(creds.customers.noPaymentMethod);
    expect((await portalFetch(server.baseUrl, '/portal', first.cookie)).status).toBe(401);
    expect((await portalFetch(server.baseUrl, '/portal', second.cookie)).status).toBe(200);
  });
});
