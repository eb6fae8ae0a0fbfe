import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { endPause, hasEnded, LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';


/**
 * Undoes a cancel scheduled for the period's end, before it takes effect, or ends a pause of payments
 * early (collection resumes from the next renewal); once, however often asked.
 */
export async function resumeSubscription(scope: TActionScope, subscriptionId: string, now = new Date()) {
  const { accountId, customerId } = scope;
  return getPrisma().$transaction(async (tx) => {
    const unpaused = await endPause(tx, { accountId, customerId, subscriptionId });
    if (unpaused) {
      await recordAudit({ ...scope, action: 'subscription.unpause', metadata: { subscriptionId } }, tx);
      return unpaused;
    }
    const { count } = await tx.subscription.updateMany({
      where: { id: subscriptionId, accountId, customerId, status: { in: LIVE_STATUSES }, cancelAtPeriodEnd: true, currentPeriodEnd: { gt: now } },
      data: { cancelAtPeriodEnd: false, canceledAt: null, cancellationReason: null, cancellationComment: null },
    });
    const subscription = await tx.subscription.findFirst({ where: { id: subscriptionId, accountId, customerId }, include: SUBSCRIPTION_INCLUDE });
    if (!subscription) throw new ApiError('not_found', 'No such subscription.');
    if (hasEnded(subscription.status)) throw new ApiError('validation_error', 'This subscription has ended and cannot be resumed.', 'subscriptionId');
    if (count === 1) {
      await recordEvent(tx, { accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(subscription) });
      await recordAudit({ ...scope, action: 'subscription.resume', metadata: { subscriptionId } }, tx);
    }
    return subscription;
  });
}
