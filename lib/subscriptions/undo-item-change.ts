import 'server-only';
import type { Prisma } from '../db/generated/client';
import { voidInvoice } from '../invoices/void-invoice';
import { recordEvent } from '../webhooks/record-event';
import { serializeSubscription, SUBSCRIPTION_INCLUDE, type TSubscriptionRow } from './subscription-resource';

/**
 * What an item change alters on a subscription, as it was before: enough to put it back exactly
 * (the same item ids, period and scheduled change) when the change's charge is declined.
 */
export type TItemChangeSnapshot = {
  accountId: string;
  subscriptionId: string;
  items: { id: string; priceId: string; quantity: number; createdAt: Date }[];
  terms: Pick<TSubscriptionRow, 'currentPeriodStart' | 'currentPeriodEnd' | 'billingCycleAnchor' | 'scheduledPriceId' | 'scheduledQuantity'>;
  /** Prorations waiting for the next invoice before the change (the change may have billed them). */
  pendingProrationIds: string[];
  /** The subscription's updatedAt once changed: anything later is someone else's change, left alone. */
  changedAt?: Date;
};

export function snapshotItems(current: TSubscriptionRow): TItemChangeSnapshot {
  const { accountId, id: subscriptionId, currentPeriodStart, currentPeriodEnd, billingCycleAnchor, scheduledPriceId, scheduledQuantity } = current;
  return {
    accountId,
    subscriptionId,
    items: current.items.map(({ id, priceId, quantity, createdAt }) => ({ id, priceId, quantity, createdAt })),
    terms: { currentPeriodStart, currentPeriodEnd, billingCycleAnchor, scheduledPriceId, scheduledQuantity },
    pendingProrationIds: current.pendingProrations.map((p) => p.id),
  };
}

/**
 * Undoes an item change whose charge was declined (paymentBehavior error_if_incomplete): its invoice
 * is voided (the declined payment stays on record), the items, period and scheduled change are as
 * they were, and prorations wait for the next invoice as they did. False, changing nothing, when the
 * subscription has changed again since. The caller holds the customer's and the invoice's rows.
 */
export async function undoItemChange(tx: Prisma.TransactionClient, snapshot: TItemChangeSnapshot, invoiceId: string, at: Date): Promise<boolean> {
  const { accountId, subscriptionId } = snapshot;
  const now = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: { updatedAt: true } });
  if (!snapshot.changedAt || now.updatedAt.getTime() !== snapshot.changedAt.getTime()) return false;

  await voidInvoice(tx, accountId, invoiceId, at);

  const before = snapshot.pendingProrationIds;
  await tx.pendingProration.deleteMany({ where: { accountId, subscriptionId, id: { notIn: before }, OR: [{ invoiceId: null }, { invoiceId }] } });
  if (before.length > 0) await tx.pendingProration.updateMany({ where: { accountId, id: { in: before }, invoiceId }, data: { invoiceId: null } });
  await tx.subscriptionItem.deleteMany({ where: { accountId, subscriptionId } });
  await tx.subscriptionItem.createMany({ data: snapshot.items.map((item) => ({ ...item, accountId, subscriptionId })) });
  await tx.subscription.update({ where: { id: subscriptionId }, data: snapshot.terms });
  const restored = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
  await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(restored) });
  return true;
}
