import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { LIVE_STATUSES, moveSubscription } from '../billing-engine/subscription-standing';
import type { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';

type TCancelInput = { subscriptionId: string; reason?: string; comment?: string };
// declinedOffer: the retention offer the customer passed over to cancel, recorded with the cancellation.
type TCancelRules = { mode: 'at_period_end' | 'immediately'; reasons: string[]; declinedOffer?: Prisma.SubscriptionUncheckedUpdateManyInput };

/**
 * Cancels one of the customer's subscriptions as the account's configuration says: at the end of
 * the period (plugipay.subscription.updated.v1) or at once (plugipay.subscription.canceled.v1).
 * A conditional update makes a double click or a retry cancel once, with one event.
 */
export async function cancelSubscription(scope: TActionScope, input: TCancelInput, rules: TCancelRules, now = new Date()) {
  if (input.reason && !rules.reasons.includes(input.reason)) {
    throw new ApiError('validation_error', 'This cancellation reason is not offered.', 'reason');
  }
  const { accountId, customerId } = scope;
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const ref = { accountId, customerId, subscriptionId: input.subscriptionId };
    const details = { canceledAt: now, cancellationReason: input.reason ?? null, cancellationComment: input.comment?.trim() || null, ...rules.declinedOffer };
    const changed = rules.mode === 'immediately' ? await moveSubscription(tx, ref, LIVE_STATUSES, { ...details, status: 'canceled', endedAt: now, cancelAtPeriodEnd: false }) : await cancelAtPeriodEnd(tx, ref, details);
    if (changed) await recordAudit({ ...scope, action: 'subscription.cancel', metadata: { subscriptionId: changed.id, mode: rules.mode, reason: input.reason ?? null } }, tx);
    const subscription = changed ?? (await tx.subscription.findFirst({ where: { id: input.subscriptionId, accountId, customerId }, include: SUBSCRIPTION_INCLUDE }));
    if (!subscription) throw new ApiError('not_found', 'No such subscription.');
    return subscription;
  });
}

async function cancelAtPeriodEnd(tx: Prisma.TransactionClient, ref: { accountId: string; customerId: string; subscriptionId: string }, details: Prisma.SubscriptionUncheckedUpdateManyInput) {
  const { accountId, customerId, subscriptionId } = ref;
  const { count } = await tx.subscription.updateMany({ where: { id: subscriptionId, accountId, customerId, status: { in: LIVE_STATUSES }, cancelAtPeriodEnd: false }, data: { ...details, cancelAtPeriodEnd: true } });
  if (count !== 1) return null;
  const subscription = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: SUBSCRIPTION_INCLUDE });
  await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(subscription) });
  return subscription;
}
