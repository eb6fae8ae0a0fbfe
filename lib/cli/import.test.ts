import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { signedFetch } from '../testing/signed-fetch';

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
        { object: 'invoice', id: 'inv-1' },
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
      { line: 11, object: 'invoice', id: 'inv-1', reason: expect.stringContaining('not imported yet') },
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
      expect(customers[0]).toMatchObject({ name: 'Ada Lovelace', address: { country: 'NL' }, taxIds: [{ type: 'eu_vat', value: 'NL123456789B01' }] });
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

  it('refuses an unknown account and says how it is used', () => {
    expect(importFile(BOOK, '--account', 'acc_01HM56NZ00AAAAAAAAAAAAAAAA')).toMatchObject({ status: 1, stderr: expect.stringContaining('No such account') });
    expect(importFile(BOOK)).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run import') });
  });

  it('publishes the JSON Schema of a line in docs/, made from the API’s own schemas', () => {
    const printed = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/import.ts', '--schema'], { env: server.env, encoding: 'utf8' }).stdout;
    expect(JSON.parse(printed)).toEqual(JSON.parse(readFileSync('docs/import.schema.json', 'utf8')));
  });
});
