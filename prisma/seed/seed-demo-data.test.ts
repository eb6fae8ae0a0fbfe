import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../lib/db/apply-migrations';
import { useDb } from '../../lib/db/get-db';
import { isId } from '../../lib/ids/new-id';
import { openScratchDb, type TScratchDb } from '../../lib/testing/scratch-database';
import { seedDemoData } from './seed-demo-data';

let scratch: TScratchDb;
const masterKey = Buffer.alloc(32, 3);
// The engine's payment processor keeps its files in the configured folder: a scratch one, not the checkout's.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'plugipay-seed-'));

beforeEach(async () => {
  scratch = await openScratchDb();
  await applyMigrations(scratch.db.sql);
  // The seed writes through the process's database, as `npm run db:seed` does.
  useDb(scratch.db);
});
afterEach(async () => {
  await scratch.dispose();
});

async function rowCounts() {
  const tables = await scratch.db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await scratch.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    counts[table_name] = row!.n;
  }
  return counts;
}

describe('seedDemoData', () => {
  it('is idempotent: a second run writes no row and returns the same credentials', async () => {
    const first = await seedDemoData({ masterKey, baseUrl: 'http://localhost:3000' });
    const counts = await rowCounts();
    expect(counts.Invoice).toBeGreaterThan(250);

    const second = await seedDemoData({ masterKey, baseUrl: 'http://localhost:3000' });
    expect(second).toEqual(first);
    expect(await rowCounts()).toEqual(counts);
  });

  it('writes the demo data that the contract promises', async () => {
    const creds = await seedDemoData({ masterKey, baseUrl: 'http://localhost:3000' });
    const { prisma } = scratch.db;
    for (const account of [creds.merchant, creds.otherMerchant, creds.platform]) {
      expect(isId('account', account.accountId)).toBe(true);
      expect(isId('apiKey', account.keyId)).toBe(true);
      expect(account.secret.length).toBeGreaterThanOrEqual(32);
    }
    expect(new Set([creds.merchant.secret, creds.otherMerchant.secret, creds.platform.secret, creds.noScopeKey.secret]).size).toBe(4);

    const platform = await prisma.account.findUniqueOrThrow({ where: { id: creds.platform.accountId } });
    expect(platform.kind).toBe('platform');
    expect(creds.platform.managedAccountId).toBe(creds.merchant.accountId);
    const merchant = await prisma.account.findUniqueOrThrow({ where: { id: creds.merchant.accountId } });
    expect(merchant.platformAccountId).toBe(platform.id);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: creds.otherMerchant.accountId } })).platformAccountId).toBeNull();

    const noScope = await prisma.apiKey.findUniqueOrThrow({ where: { id: creds.noScopeKey.keyId } });
    expect(noScope.scopes).not.toContain('plugipay:portal:create');
    const merchantKey = await prisma.apiKey.findUniqueOrThrow({ where: { id: creds.merchant.keyId } });
    expect(merchantKey.scopes).toContain('plugipay:portal:create');
    expect(merchantKey.secretCiphertext).not.toContain(creds.merchant.secret);

    const [brandA, brandB] = await Promise.all(
      [creds.merchant.accountId, creds.otherMerchant.accountId].map((accountId) => prisma.checkoutSettings.findUniqueOrThrow({ where: { accountId } })),
    );
    expect(brandA!.displayName).not.toBe(brandB!.displayName);
    expect(brandA!.brandColor).not.toBe(brandB!.brandColor);

    const c = creds.customers;
    const merchantCustomers = [c.active, c.canceling, c.manyInvoices, c.noPaymentMethod, c.idr];
    for (const id of merchantCustomers) {
      expect((await prisma.customer.findUniqueOrThrow({ where: { id } })).accountId).toBe(creds.merchant.accountId);
    }
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: c.otherMerchant } })).accountId).toBe(creds.otherMerchant.accountId);

    const active = await prisma.subscription.findFirstOrThrow({ where: { customerId: c.active }, include: { items: { include: { price: true } } } });
    expect([active.status, active.cancelAtPeriodEnd, active.currency]).toEqual(['active', false, 'USD']);
    expect(active.items.map((item) => [item.price.currency, item.quantity])).toEqual([['USD', 1]]);
    const canceling = await prisma.subscription.findFirstOrThrow({ where: { customerId: c.canceling } });
    expect([canceling.status, canceling.cancelAtPeriodEnd]).toEqual(['active', true]);

    const many = await prisma.invoice.findMany({ where: { customerId: c.manyInvoices }, orderBy: { issuedAt: 'asc' } });
    expect(many.length).toBe(250);
    expect(many.at(-1)!.issuedAt.getTime() - many[0]!.issuedAt.getTime()).toBeGreaterThan(3 * 365 * 86_400_000);
    expect(await prisma.payment.count({ where: { customerId: c.manyInvoices } })).toBeGreaterThanOrEqual(249);
    // Brought in as a merchant's book of business is: import ids kept, events as the API makes them.
    expect(many.map((i) => (i.metadata as { importId?: string }).importId)).toEqual(many.map((i) => `demo_many_invoices-subscription-${i.number!.slice(-4)}`));
    const events = await prisma.event.findMany({ where: { accountId: creds.merchant.accountId, type: { in: ['plugipay.customer.created.v1', 'plugipay.invoice.created.v1'] } }, select: { type: true } });
    expect(events.filter((e) => e.type === 'plugipay.customer.created.v1')).toHaveLength(merchantCustomers.length);
    expect(events.filter((e) => e.type === 'plugipay.invoice.created.v1')).toHaveLength(await prisma.invoice.count({ where: { accountId: creds.merchant.accountId } }));

    // The other subscriptions' periods were renewed and charged by the billing engine, in calendar order.
    const renewed = await prisma.invoice.findMany({ where: { customerId: c.active }, orderBy: { issuedAt: 'asc' }, include: { payments: true } });
    expect(renewed.map((i) => [i.billingReason, i.status, i.payments.map((p) => [p.status, p.amount])])).toEqual(Array(6).fill(['subscription_cycle', 'paid', [['succeeded', 2900n]]]));
    expect(renewed.at(-1)!.periodStart).toEqual(active.currentPeriodStart);
    expect(renewed.at(-1)!.periodEnd).toEqual(active.currentPeriodEnd);
    const merchantNumbers = await prisma.invoice.findMany({ where: { customerId: { in: [c.active, c.canceling, c.idr] } }, orderBy: { issuedAt: 'asc' }, select: { number: true } });
    expect(merchantNumbers.map((i) => i.number)).toEqual(merchantNumbers.map((i) => i.number).sort());
    const idrInvoices = await prisma.invoice.findMany({ where: { customerId: c.idr } });
    expect(idrInvoices.map((i) => [i.currency, i.subtotal, i.tax, i.total])).toEqual(Array(4).fill(['IDR', 150000n, 16500n, 166500n]));

    expect(await prisma.paymentMethod.count({ where: { customerId: c.noPaymentMethod } })).toBe(0);
  });
});
