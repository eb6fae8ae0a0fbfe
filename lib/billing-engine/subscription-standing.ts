import 'server-only';
import { SubscriptionStatus, type Prisma } from '../db/generated/client';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { recordEvent } from '../webhooks/record-event';

/** A subscription of an account, and of one customer when the caller answers for one. */
type TSubscriptionRef = { accountId: string; subscriptionId: string; customerId?: string };

/** A subscription that has ended: canceled, or never started (its first invoice went unpaid). */
export const ENDED_STATUSES: SubscriptionStatus[] = ['canceled', 'incomplete_expired'];

export const hasEnded = (status: SubscriptionStatus) => ENDED_STATUSES.includes(status);

/** Every status but the ended ones. */
export const LIVE_STATUSES = Object.values(SubscriptionStatus).filter((status) => !hasEnded(status));

/**
 * Moves a subscription from one status to another (only from `from`) with its event, and answers it
 * as it now is; null if it was not in `from` (a retry or a race moves it once, with one event).
 */
export async function moveSubscription(
  tx: Prisma.TransactionClient,
  { accountId, subscriptionId, customerId }: TSubscriptionRef,
  from: SubscriptionStatus[],
  to: Prisma.SubscriptionUncheckedUpdateManyInput & { status: SubscriptionStatus },
) {
  // Leaving a pause (for any status but paused) ends it.
  const data = to.status === 'paused' ? to : { pauseBehavior: null, pauseResumesAt: null, ...to };
  const { count } = await tx.subscription.updateMany({ where: { id: subscriptionId, accountId, customerId, status: { in: from } }, data });
  if (count !== 1) return null;
  const subscription = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
  const type = to.status === 'canceled' ? 'plugipay.subscription.canceled.v1' : 'plugipay.subscription.updated.v1';
  await recordEvent(tx, { accountId, type, object: serializeSubscription(subscription) });
  return subscription;
}

/**
 * A subscription that was waiting on a payment (incomplete, past_due, unpaid) is active again once
 * none of its invoices is left open.
 */
export async function reactivateIfSettled(tx: Prisma.TransactionClient, ref: TSubscriptionRef & { customerId: string }): Promise<void> {
  // By its customer too: the (account, customer) index finds their few invoices, where the account
  // and subscription alone read every invoice of the account (4 ms a charge at 5,000 invoices).
  const stillOpen = await tx.invoice.count({ where: { accountId: ref.accountId, customerId: ref.customerId, subscriptionId: ref.subscriptionId, status: 'open' } });
  if (stillOpen === 0) await moveSubscription(tx, ref, ['incomplete', 'past_due', 'unpaid'], { status: 'active' });
}

/** Ends a pause: renewals are charged again from the next one; past_due while a failed charge is still owed. */
export async function endPause(tx: Prisma.TransactionClient, ref: TSubscriptionRef & { customerId: string }) {
  const owed = await tx.invoice.count({ where: { accountId: ref.accountId, customerId: ref.customerId, subscriptionId: ref.subscriptionId, status: 'open', attemptCount: { gt: 0 } } });
  return moveSubscription(tx, ref, ['paused'], { status: owed > 0 ? 'past_due' : 'active' });
}
