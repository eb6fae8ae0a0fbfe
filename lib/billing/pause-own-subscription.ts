import 'server-only';
import type { TActionScope } from './customer-scope';
import { ApiError } from '../api/errors';
import { recordAudit } from '../audit/record-audit';
import { nextPeriodEnd } from '../billing-engine/period-end';
import { updateSubscription } from '../subscriptions/manage-subscriptions';
import { findLiveSubscription } from './live-subscriptions';

/**
 * The customer pauses payments for `periods` billing periods instead of cancelling: the renewals in
 * those periods go on but are voided (nothing is charged, access continues), and collection resumes
 * by itself at the start of the period after, whose renewal is charged as usual.
 */
export async function pauseOwnSubscription(scope: TActionScope, subscriptionId: string, periods: number, maxPeriods: number) {
  const subscription = await findLiveSubscription(scope, subscriptionId);
  if (!subscription) throw new ApiError('not_found', 'No such subscription.');
  if (periods > maxPeriods) throw new ApiError('validation_error', `periods: at most ${maxPeriods}.`, 'periods');
  if (subscription.status !== 'active' || subscription.cancelAtPeriodEnd) throw new ApiError('invalid_state', 'Only an active subscription that is not set to cancel can be paused.');
  const price = subscription.items[0]!.price;
  if (!price.interval) throw new ApiError('invalid_state', 'This subscription has no billing period to pause.');
  let resumesAt = subscription.currentPeriodEnd;
  for (let n = 0; n < periods; n++) resumesAt = nextPeriodEnd(subscription.billingCycleAnchor, price.interval, price.intervalCount, resumesAt);
  const paused = await updateSubscription(scope.accountId, subscription.id, { pauseCollection: { behavior: 'void', resumesAt: resumesAt.toISOString() } });
  await recordAudit({ ...scope, action: 'subscription.pause', metadata: { subscriptionId: subscription.id, periods, resumesAt: resumesAt.toISOString(), insteadOfCancel: true } });
  return paused;
}
