import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import type { TDatabase } from '../db/open-database';
import { useDb } from '../db/get-db';
import { newId } from '../ids/new-id';
import { startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { getInvoiceOrThrow, INVOICE_DETAIL_INCLUDE } from './get-invoice-or-throw';
import { getOverview } from './get-overview';
import { getPaymentOrThrow, PAYMENT_DETAIL_INCLUDE } from './get-payment-or-throw';
import { findLiveSubscription, listLiveSubscriptions } from './live-subscriptions';
import { RENEWAL_INCLUDE } from './renewal-charge';

let server: TScratchServer;
let db: TDatabase;

beforeAll(async () => {
  server = await startScratchServer({ launch: false });
  db = server.openDb();
  useDb(db);
}, 120_000);
afterAll(async () => {
  await db?.close();
  await server?.dispose();
});

describe("a customer's live subscriptions read in one raw statement", () => {
  it('are what Prisma loads with RENEWAL_INCLUDE, every relation filled, to the Date and the BigInt', async () => {
    const { accountId } = server.creds.merchant;
    const customerId = server.creds.customers.active;
    const subscription = await db.prisma.subscription.findFirstOrThrow({ where: { accountId, customerId, status: 'active' }, include: { items: true } });
    const price = await db.prisma.price.findFirstOrThrow({ where: { accountId, id: { not: subscription.items[0]!.priceId }, interval: { not: null } } });
    const coupon = await db.prisma.coupon.create({
      data: { id: newId('coupon'), accountId, name: "Founders' \\ 20%", percentOff: 20, duration: 'repeating', durationInMonths: 3, redeemBy: new Date('2027-01-31T12:00:00.123Z'), metadata: { campaign: 'launch' } },
    });
    await db.prisma.subscription.update({
      where: { id: subscription.id },
      data: { couponId: coupon.id, discountEnd: new Date('2027-02-28T00:00:00Z'), scheduledPriceId: price.id, scheduledQuantity: 2 },
    });
    await db.prisma.pendingProration.create({
      data: { id: newId('invoiceItem'), accountId, subscriptionId: subscription.id, priceId: price.id, description: 'Unused time', amount: -9_007_199_254_740_991n, periodStart: new Date('2026-11-15T00:00:00Z'), periodEnd: new Date('2026-12-01T00:00:00Z'), createdAt: new Date() },
    });
    await db.prisma.customerBalance.create({ data: { accountId, customerId, currency: 'EUR', balance: -2700n, updatedAt: new Date() } });

    const scope = { accountId, customerId };
    const prismaRead = await db.prisma.subscription.findMany({
      where: { accountId, customerId, status: { in: LIVE_STATUSES } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: RENEWAL_INCLUDE,
    });
    const raw = await listLiveSubscriptions(scope);
    expect(prismaRead.length).toBeGreaterThan(0);
    expect(raw).toEqual(prismaRead);
    const filled = raw.find((s) => s.id === subscription.id)!;
    expect(filled.coupon?.redeemBy).toEqual(new Date('2027-01-31T12:00:00.123Z'));
    expect(filled.pendingProrations.map((p) => p.amount)).toEqual([-9_007_199_254_740_991n]);
    expect(filled.scheduledPrice?.product.name).toEqual(expect.any(String));
    expect(filled.items[0]?.price.product.name).toEqual(expect.any(String));
    expect(filled.customer.balances).toEqual([{ currency: 'EUR', balance: -2700n }]);

    expect(await findLiveSubscription(scope, subscription.id)).toEqual(prismaRead.find((s) => s.id === subscription.id));
  });

  it("finds nothing of another customer's, or another account's, subscription", async () => {
    const { accountId } = server.creds.merchant;
    const theirs = await db.prisma.subscription.findFirstOrThrow({ where: { customerId: server.creds.customers.canceling } });
    expect(await findLiveSubscription({ accountId, customerId: server.creds.customers.active }, theirs.id)).toBeNull();
    const otherAccount = await db.prisma.subscription.findFirstOrThrow({ where: { customerId: server.creds.customers.otherMerchant } });
    expect(await findLiveSubscription({ accountId, customerId: server.creds.customers.otherMerchant }, otherAccount.id)).toBeNull();
    expect(await listLiveSubscriptions({ accountId, customerId: server.creds.customers.otherMerchant })).toEqual([]);
  });
});

describe('the overview read in one raw statement', () => {
  it("is what Prisma's five reads give, for every customer of the account", async () => {
    const { accountId } = server.creds.merchant;
    const now = new Date();
    const customers = await db.prisma.customer.findMany({ where: { accountId }, select: { id: true } });
    const seen = { card: 0, noCard: 0, invoice: 0, payment: 0 };
    for (const { id: customerId } of customers) {
      const where = { accountId, customerId };
      const expected = {
        subscriptions: await db.prisma.subscription.findMany({ where: { ...where, status: { in: LIVE_STATUSES } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: RENEWAL_INCLUDE }),
        defaultCard: await db.prisma.paymentMethod.findFirst({ where: { ...where, isDefault: true, detachedAt: null } }),
        latestInvoice: await db.prisma.invoice.findFirst({ where: { ...where, status: { not: 'draft' } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }] }),
        latestPayment: await db.prisma.payment.findFirst({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
        overdueInvoice: await db.prisma.invoice.findFirst({
          where: { ...where, status: 'open', OR: [{ attemptCount: { gt: 0 } }, { dueAt: { lt: now } }] },
          orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
        }),
      };
      expect(await getOverview(where, now)).toEqual(expected);
      seen.card += expected.defaultCard ? 1 : 0;
      seen.noCard += expected.defaultCard ? 0 : 1;
      seen.invoice += expected.latestInvoice ? 1 : 0;
      seen.payment += expected.latestPayment ? 1 : 0;
    }
    expect(Math.min(seen.card, seen.noCard, seen.invoice, seen.payment)).toBeGreaterThan(0);
  });
});

describe('an invoice read in one raw statement', () => {
  it("is what Prisma loads with its lines, their taxes and its payments, for every issued invoice of the account", async () => {
    const { accountId } = server.creds.merchant;
    const invoices = await db.prisma.invoice.findMany({ where: { accountId, status: { not: 'draft' } }, include: INVOICE_DETAIL_INCLUDE, orderBy: { id: 'asc' } });
    for (const invoice of invoices) expect(await getInvoiceOrThrow(invoice, invoice.id)).toEqual(invoice);
    expect(invoices.filter((i) => i.lines.some((l) => l.taxes.length > 0)).length).toBeGreaterThan(0);
    expect(invoices.filter((i) => i.payments.length > 0).length).toBeGreaterThan(0);
  });

  it("is not_found for another customer's invoice, or another account's", async () => {
    const { accountId } = server.creds.merchant;
    const theirs = await db.prisma.invoice.findFirstOrThrow({ where: { accountId, customerId: server.creds.customers.canceling, status: { not: 'draft' } } });
    await expect(getInvoiceOrThrow({ accountId, customerId: server.creds.customers.active }, theirs.id)).rejects.toMatchObject({ code: 'not_found' });
    const otherAccount = await db.prisma.invoice.findFirstOrThrow({ where: { customerId: server.creds.customers.otherMerchant } });
    await expect(getInvoiceOrThrow({ accountId, customerId: server.creds.customers.otherMerchant }, otherAccount.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a payment read in one raw statement', () => {
  it('is what Prisma loads with the invoice it paid and its lines, for every payment of the account', async () => {
    const { accountId } = server.creds.merchant;
    const payments = await db.prisma.payment.findMany({ where: { accountId }, include: PAYMENT_DETAIL_INCLUDE, orderBy: { id: 'asc' } });
    for (const payment of payments) expect(await getPaymentOrThrow(payment, payment.id)).toEqual(payment);
    expect(payments.filter((p) => p.invoice?.lines.some((l) => l.taxes.length > 0)).length).toBeGreaterThan(0);
  });

  it("is not_found for another customer's payment, or another account's", async () => {
    const { accountId } = server.creds.merchant;
    const theirs = await db.prisma.payment.findFirstOrThrow({ where: { accountId, customerId: server.creds.customers.canceling } });
    await expect(getPaymentOrThrow({ accountId, customerId: server.creds.customers.active }, theirs.id)).rejects.toMatchObject({ code: 'not_found' });
    const otherAccount = await db.prisma.payment.findFirstOrThrow({ where: { customerId: server.creds.customers.otherMerchant } });
    await expect(getPaymentOrThrow({ accountId, customerId: server.creds.customers.otherMerchant }, otherAccount.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
