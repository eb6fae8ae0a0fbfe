import 'server-only';
import type { Prisma } from '../db/generated/client';
import { voidInvoice } from '../invoices/void-invoice';
import { moveSubscription } from './subscription-standing';

/** How long a new subscription's first invoice may wait for a payment that works (Stripe's 23 hours). */
export const INCOMPLETE_WINDOW_MS = 23 * 60 * 60 * 1000;

/**
 * A subscription whose first invoice was still unpaid when its window closed never started: the
 * invoice is voided, so that nobody charges for a service that was never given, and the
 * subscription ends as incomplete_expired. The caller holds the subscription's row.
 */
export async function expireIncomplete(tx: Prisma.TransactionClient, subscriptionId: string, at: Date): Promise<void> {
  const { accountId, customerId } = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: { accountId: true, customerId: true } });
  const open = await tx.invoice.findMany({ where: { accountId, customerId, subscriptionId, status: 'open' }, select: { id: true }, orderBy: { id: 'asc' } });
  for (const invoice of open) await voidInvoice(tx, accountId, invoice.id, at);
  await moveSubscription(tx, { accountId, subscriptionId }, ['incomplete'], { status: 'incomplete_expired', endedAt: at, cancelAtPeriodEnd: false });
}
