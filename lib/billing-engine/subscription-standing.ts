import 'server-only';
import type { Prisma, SubscriptionStatus } from '../db/generated/client';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { recordEvent } from '../webhooks/record-event';

type TSubscriptionRef = { accountId: string; subscriptionId: string };

/** Moves a subscription from one status to another (only from `from`) with its event; false if it was not in `from`. */
export async function moveSubscription(
  tx: Prisma.TransactionClient,
  { accountId, subscriptionId }: TSubscriptionRef,
  from: SubscriptionStatus[],
  to: Prisma.SubscriptionUncheckedUpdateManyInput & { status: SubscriptionStatus },
): Promise<boolean> {
  // Leaving a pause (for any status but paused) ends it.
  const data = to.status === 'paused' ? to : { pauseBehavior: null, pauseResumesAt: null, ...to };
  const { count } = await tx.subscription.updateMany({ where: { id: subscriptionId, accountId, status: { in: from } }, data });
  if (count !== 1) return false;
  const subscription = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
  const type = to.status === 'canceled' ? 'plugipay.subscription.canceled.v1' : 'plugipay.subscription.updated.v1';
  await recordEvent(tx, { accountId, type, object: serializeSubscription(subscription) });
  return true;
}

/**
 * A subscription that was waiting on a payment (incomplete, past_due, unpaid) is active again once
 * none of its invoices is left open.
 */
export async function reactivateIfSettled(tx: Prisma.TransactionClient, ref: TSubscriptionRef): Promise<void> {
  const stillOpen = await tx.invoice.count({ where: { accountId: ref.accountId, subscriptionId: ref.subscriptionId, status: 'open' } });
  if (stillOpen === 0) await moveSubscription(tx, ref, ['incomplete', 'past_due', 'unpaid'], { status: 'active' });
}

/** Ends a pause: renewals are charged again from the next one; past_due while a failed charge is still owed. */
export async function endPause(tx: Prisma.TransactionClient, ref: TSubscriptionRef): Promise<boolean> {
  const owed = await tx.invoice.count({ where: { accountId: ref.accountId, subscriptionId: ref.subscriptionId, status: 'open', attemptCount: { gt: 0 } } });
  return moveSubscription(tx, ref, ['paused'], { status: owed > 0 ? 'past_due' : 'active', pauseBehavior: null, pauseResumesAt: null });
}
