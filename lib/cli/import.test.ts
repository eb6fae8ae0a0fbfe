import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { signedFetch } from '../testing/signed-fetch';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-fixtures';

let server: TScratchServer;
beforeAll(async () => {
  server = await startScratchServer({ launch: false });
});
afterAll(() => server?.dispose());

const importFile = (lines: unknown[], ...args: string[]) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'book.ndjson');
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/import.ts', file, '--json', ...args], { env: server.env, encoding: 'utf8' });
  return { status: result.status, summary: result.stdout ? (JSON.parse(result.stdout) as Record<string, unknown>) : null, stderr: result.stderr };
};

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const BOOK = [
  { object: 'product', id: 'prod-studio', name: 'Studio', description: 'For teams' },
  { object: 'price', id: 'studio-monthly', product: 'prod-studio', currency: 'EUR', unitAmount: 1200, recurring: { interval: 'month' } },
  { object: 'customer', id: 'crm-1001', email: 'ada@example.com', name: 'Ada Lovelace', address: { line1: 'Keizersgracht 1', city: 'Amsterdam', postalCode: '1015 CJ', country: 'NL' }, taxIds: [{ type: 'eu_vat', value: 'NL123456789B01' }] },
  { object: 'subscription', id: 'crm-sub-1', customer: 'crm-1001', items: [{ price: 'studio-monthly', quantity: 3 }], currentPeriodStart: at(-10), currentPeriodEnd: at(20) },
];

describe('npm run import', () => {
  it('brings customers, products, prices and subscriptions in through the API, once however often it runs, and names each failed line', async () => {
    const account = server.creds.merchant.accountId;
    const first = importFile(
      [
        ...BOOK,
        { object: 'customer', id: 'crm-1002', email: 'not-an-email' },
        { object: 'price', id: 'orphan', product: 'prod-unknown', currency: 'EUR', unitAmount: 500 },
        { object: 'price', id: 'bad-money', product: 'prod-studio', currency: 'EUR', unitAmount: 12.5 },
        '',
        { object: 'subscription', id: 'ended', customer: 'crm-1001', items: [{ price: 'studio-monthly' }], currentPeriodStart: at(-40), currentPeriodEnd: at(-10) },
        { object: 'subscription', id: 'no-price', customer: 'crm-1001', items: [{ price: 'studio-yearly' }], currentPeriodStart: at(-1), currentPeriodEnd: at(30) },
        { object: 'payment', id: 'pay-1' },
        'not json',
      ],
      '--account',
      account,
    );
    expect(first.status).toBe(1);
    expect(first.summary).toMatchObject({ created: 4, skipped: 0, failed: 7 });
    expect(first.summary!.failures).toEqual([
      { line: 5, object: 'customer', id: 'crm-1002', reason: expect.stringMatching(/^email: /) },
      { line: 6, object: 'price', id: 'orphan', reason: expect.stringContaining('no product with the import id prod-unknown') },
      { line: 7, object: 'price', id: 'bad-money', reason: expect.stringMatching(/^unitAmount: /) },
      { line: 9, object: 'subscription', id: 'ended', reason: expect.stringMatching(/^currentPeriodEnd: must be in the future/) },
      { line: 10, object: 'subscription', id: 'no-price', reason: expect.stringContaining('items.0.price: no price with the import id studio-yearly') },
      { line: 11, object: 'payment', id: 'pay-1', reason: expect.stringContaining('inside the record of the invoice it paid') },
      { line: 12, reason: 'not a JSON object' },
    ]);

    const again = importFile(BOOK, '--account', account);
    expect(again).toMatchObject({ status: 0, summary: { created: 0, skipped: 4, failed: 0 } });

    await server.launch();
    try {
      const key = server.creds.merchant;
      const get = async (p: string) => (await (await signedFetch(server.baseUrl, { method: 'GET', path: p, key })).json()) as { data: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
      const customers = (await get('/api/v1/customers?email=ada@example.com')).data;
      expect(customers).toHaveLength(1);
      expect(customers[0]).toMatchObject({ name: 'Ada Lovelace', metadata: { importId: 'crm-1001' }, address: { country: 'NL' }, taxIds: [{ type: 'eu_vat', value: 'NL123456789B01' }] });
      const products = (await get('/api/v1/products?limit=100')).data.filter((p) => p.metadata.importId === 'prod-studio');
      expect(products).toMatchObject([{ name: 'Studio', description: 'For teams' }]);
      const prices = (await get(`/api/v1/prices?product=${products[0]!.id}`)).data;
      expect(prices).toMatchObject([{ unitAmount: 1200, currency: 'EUR', recurring: { interval: 'month' }, metadata: { importId: 'studio-monthly' } }]);
      // The subscription carries its period over: nothing invoiced or charged now; it renews at its end.
      const subscriptions = (await get(`/api/v1/subscriptions?customer=${customers[0]!.id}`)).data;
      expect(subscriptions).toMatchObject([{ status: 'active', items: [{ price: { id: prices[0]!.id }, quantity: 3 }], currentPeriodEnd: (BOOK[3] as { currentPeriodEnd: string }).currentPeriodEnd, metadata: { importId: 'crm-sub-1' } }]);
      expect((await get(`/api/v1/invoices?customer=${customers[0]!.id}`)).data).toEqual([]);
      // Another account sees none of it.
      const other = server.creds.otherMerchant;
      const theirs = (await (await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/customers?email=ada@example.com', key: other })).json()) as { data: unknown[] };
      expect(theirs.data).toEqual([]);
    } finally {
      await server.halt();
    }
  });

  it('brings past invoices in as history: their numbers and receipts kept, amounts computed here, nothing charged', async () => {
    const account = server.creds.merchant.accountId;
    const paidInvoice = {
      object: 'invoice', id: 'old-inv-7', customer: 'crm-1001', subscription: 'crm-sub-1', number: 'STU-2025-0007', status: 'paid', currency: 'EUR',
      issuedAt: at(-40), periodStart: at(-40), periodEnd: at(-10), total: 4356,
      lines: [{ description: 'Studio × 3', unitAmount: 1200, quantity: 3, price: 'studio-monthly', taxRates: ['vat-nl'] }],
      payments: [{ amount: 4356, createdAt: at(-39), receiptNumber: 'STU-R-0007', card: { brand: 'visa', last4: '4242' } }],
    };
    const openInvoice = {
      object: 'invoice', id: 'old-inv-8', customer: 'crm-1001', number: 'STU-2025-0008', status: 'open', currency: 'EUR', issuedAt: at(-5), dueAt: at(9),
      lines: [{ description: 'Onboarding workshop', unitAmount: 10000 }], payments: [{ amount: 2500, createdAt: at(-4) }],
    };
    const rate = { object: 'taxRate', id: 'vat-nl', displayName: 'VAT', percentage: '21', inclusive: false, country: 'NL' };
    const invoice = (changes: Record<string, unknown>) => ({ ...paidInvoice, id: `bad-${Object.keys(changes)[0]}`, number: `X-${Math.random()}`, payments: undefined, paidAt: at(-39), ...changes });
    const first = importFile(
      [
        ...BOOK,
        rate,
        paidInvoice,
        openInvoice,
        invoice({ total: 4355 }),
        invoice({ number: `${DEMO_ACCOUNTS.merchant.invoicePrefix}-0042` }),
        invoice({ number: 'STU-2025-0007' }),
        invoice({ issuedAt: at(2), paidAt: undefined, status: 'open' }),
        invoice({ currency: 'USD', lines: [{ description: 'Studio', unitAmount: 100 }] }),
        invoice({ paidAt: undefined }),
        invoice({ lines: [{ description: 'Studio', unitAmount: 100, taxRates: ['vat-xx'] }], total: undefined }),
        invoice({ status: 'open', paidAt: undefined, payments: [{ amount: 9999, createdAt: at(-39) }] }),
        { object: 'payment', id: 'pay-1', invoice: 'old-inv-7', amount: 100 },
      ],
      '--account',
      account,
    );
    expect(first.summary!.failures).toEqual([
      { line: 8, object: 'invoice', id: 'bad-total', reason: 'total: the lines and their taxes come to 4356, not 4355' },
      { line: 9, object: 'invoice', id: 'bad-number', reason: expect.stringContaining("is in this account's own sequence") },
      { line: 10, object: 'invoice', id: 'bad-number', reason: 'number: STU-2025-0007 is given twice in the file' },
      { line: 11, object: 'invoice', id: 'bad-issuedAt', reason: 'issuedAt: must not be in the future (this is history)' },
      { line: 12, object: 'invoice', id: 'bad-currency', reason: 'currency: the subscription is in EUR; one subscription has one currency' },
      { line: 13, object: 'invoice', id: 'bad-paidAt', reason: 'paidAt: is required for a paid invoice without payments' },
      { line: 14, object: 'invoice', id: 'bad-lines', reason: 'lines.0.taxRates: no tax rate with the import id vat-xx (import it on an earlier line)' },
      { line: 15, object: 'invoice', id: 'bad-status', reason: 'payments: they come to 9999, more than the invoice\'s 4356' },
      { line: 16, object: 'payment', id: 'pay-1', reason: expect.stringContaining('inside the record of the invoice it paid') },
    ]);
    expect(first.summary).toMatchObject({ created: 3, skipped: 4, failed: 9 });
    const again = importFile([rate, paidInvoice, openInvoice, invoice({ number: 'STU-2025-0007' })], '--account', account);
    expect(again).toMatchObject({ status: 1, summary: { created: 0, skipped: 3, failed: 1 } });
    expect(again.summary!.failures).toEqual([{ line: 4, object: 'invoice', id: 'bad-number', reason: 'number: the account already has an invoice numbered STU-2025-0007' }]);
    // Another account has no such customer: its invoices cannot land there.
    const theirs = importFile([paidInvoice], '--account', server.creds.otherMerchant.accountId);
    expect(theirs.summary!.failures).toEqual([{ line: 1, object: 'invoice', id: 'old-inv-7', reason: expect.stringContaining('no customer with the import id crm-1001') }]);

    await server.launch();
    try {
      const key = server.creds.merchant;
      const get = async (p: string) => (await (await signedFetch(server.baseUrl, { method: 'GET', path: p, key })).json()) as { data: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
      const [customer] = (await get('/api/v1/customers?email=ada@example.com')).data;
      const invoices = (await get(`/api/v1/invoices?customer=${customer!.id}`)).data;
      expect(invoices).toMatchObject([
        { number: 'STU-2025-0008', status: 'open', subscription: null, total: 10000, amountPaid: 2500, amountDue: 7500, nextPaymentAttempt: null, customerDetails: { name: 'Ada Lovelace' }, metadata: { importId: 'old-inv-8' } },
        { number: 'STU-2025-0007', status: 'paid', subscription: expect.stringMatching(/^sub_/), subtotal: 3600, tax: 756, total: 4356, amountPaid: 4356, paidAt: paidInvoice.payments[0]!.createdAt, lines: [{ quantity: 3, amount: 3600 }] },
      ]);
      const payments = (await get(`/api/v1/payments?customer=${customer!.id}`)).data;
      expect(payments).toMatchObject([
        { invoice: invoices[0]!.id, amount: 2500, status: 'succeeded', card: null, receiptNumber: expect.stringMatching(new RegExp(`^${DEMO_ACCOUNTS.merchant.invoicePrefix}-R\\d+$`)) },
        { invoice: invoices[1]!.id, amount: 4356, status: 'succeeded', receiptNumber: 'STU-R-0007', card: { brand: 'visa', last4: '4242' } },
      ]);
      // History announces itself as created, never as money moving now.
      const events = (await get('/api/v1/events?limit=100')).data.filter((e) => e.data.object.metadata?.importId?.startsWith('old-inv-'));
      expect(events.map((e) => e.type).sort()).toEqual(['plugipay.invoice.created.v1', 'plugipay.invoice.created.v1']);
    } finally {
      await server.halt();
    }
  });

  it('refuses an unknown account and says how it is used', () => {
    expect(importFile(BOOK, '--account', 'acc_01HM56NZ00AAAAAAAAAAAAAAAA')).toMatchObject({ status: 1, stderr: expect.stringContaining('No such account') });
    expect(importFile(BOOK)).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run import') });
  });

  it('publishes the JSON Schema of a line in docs/, made from the API’s own schemas', () => {
    const printed = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/import.ts', '--schema'], { env: server.env, encoding: 'utf8' }).stdout;
    expect(JSON.parse(printed)).toEqual(JSON.parse(readFileSync('docs/import.schema.json', 'utf8')));
  });
});
