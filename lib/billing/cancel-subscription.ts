import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';

type TCancelInput = { subscriptionId: string; reason?: string; comment?: string };
type TCancelRules = { mode: 'at_period_end' | 'immediately'; reasons: string[] };

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
    const where = { id: input.subscriptionId, accountId, customerId, status: { not: 'canceled' as const } };
    const details = { canceledAt: now, cancellationReason: input.reason ?? null, cancellationComment: input.comment?.trim() || null };
    const { count } =
      rules.mode === 'immediately'
        ? await tx.subscription.updateMany({ where, data: { ...details, status: 'canceled', endedAt: now, cancelAtPeriodEnd: false, pauseBehavior: null, pauseResumesAt: null } })
        : await tx.subscription.updateMany({ where: { ...where, cancelAtPeriodEnd: false }, data: { ...details, cancelAtPeriodEnd: true } });
    const subscription = await tx.subscription.findFirst({ where: { id: input.subscriptionId, accountId, customerId }, include: SUBSCRIPTION_INCLUDE });
    if (!subscription) throw new ApiError('not_found', 'No such subscription.');
    if (count === 1) {
      const type = rules.mode === 'immediately' ? 'plugipay.subscription.canceled.v1' : 'plugipay.subscription.updated.v1';
      await recordEvent(tx, { accountId, type, object: serializeSubscription(subscription) });
      await recordAudit({ ...scope, action: 'subscription.cancel', metadata: { subscriptionId: subscription.id, mode: rules.mode, reason: input.reason ?? null } }, tx);
    }
    return subscription;
  });
}
