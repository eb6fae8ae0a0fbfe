import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../lib/db/apply-migrations';
import { isId } from '../../lib/ids/new-id';
import { openScratchDb, type TScratchDb } from '../../lib/testing/scratch-database';
import { seedDemoData } from './seed-demo-data';

let scratch: TScratchDb;
const masterKey = Buffer.alloc(32, 3);

beforeEach(async () => {
  scratch = await openScratchDb();
  await applyMigrations(scratch.db.sql);
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
    const first = await seedDemoData(scratch.db.prisma, { masterKey, baseUrl: 'http://localhost:3000' });
    const counts = await rowCounts();
    expect(counts.Invoice).toBeGreaterThan(250);

    const second = await seedDemoData(scratch.db.prisma, { masterKey, baseUrl: 'http://localhost:3000' });
    expect(second).toEqual(first);
    expect(await rowCounts()).toEqual(counts);
  });

  it('writes the demo data that the contract promises', async () => {
    const creds = await seedDemoData(scratch.db.prisma, { masterKey, baseUrl: 'http://localhost:3000' });
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

    expect(await prisma.paymentMethod.count({ where: { customerId: c.noPaymentMethod } })).toBe(0);
    const idrInvoices = await prisma.invoice.findMany({ where: { customerId: c.idr } });
    expect(idrInvoices.length).toBeGreaterThan(0);
    expect(idrInvoices.every((i) => i.currency === 'IDR' && i.total === i.subtotal + i.tax)).toBe(true);
  });
});
