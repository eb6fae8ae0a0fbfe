import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';
import { listLiveSubscriptions } from './live-subscriptions';
import { findDefaultCard } from './default-card';

/**
 * What the overview shows: the subscriptions that have not ended, the default card, the latest
 * invoice and payment, the oldest invoice past due at `now` (the customer's billing time).
 */
export async function getOverview({ accountId, customerId }: TCustomerScope, now: Date) {
  const prisma = getPrisma();
  const [subscriptions, defaultCard, latestInvoice, latestPayment, overdueInvoice] = await Promise.all([
    listLiveSubscriptions({ accountId, customerId }),
    findDefaultCard({ accountId, customerId }),
    prisma.invoice.findFirst({ where: { accountId, customerId, status: { not: 'draft' } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }] }),
    prisma.payment.findFirst({ where: { accountId, customerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    // Past due: a charge of it failed, or its due date has passed; the oldest first.
    prisma.invoice.findFirst({
      where: { accountId, customerId, status: 'open', OR: [{ attemptCount: { gt: 0 } }, { dueAt: { lt: now } }] },
      orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return { subscriptions, defaultCard, latestInvoice, latestPayment, overdueInvoice };
}
