import { ApiError } from '@/lib/api/errors';
import { actionScope } from '@/lib/billing/customer-scope';
import { pauseOwnSubscription } from '@/lib/billing/pause-own-subscription';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZPauseInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/pause: pause payments for a few billing periods instead of cancelling
export const POST = withPortalLogin({ body: ZPauseInput }, async ({ login, body, request }) => {
  const { flowType, flowSubscriptionId } = login.session;
  if (flowType === 'subscription_cancel' && body.subscriptionId !== flowSubscriptionId) throw new ApiError('forbidden', 'This billing link was made for another subscription.');
  const features = await assertFeature(login.accountId, 'subscriptionPause');
  const paused = await pauseOwnSubscription(actionScope(login, request), body.subscriptionId, body.periods, features.pauseMaxPeriods);
  // Pausing instead ends a cancel flow as cancelling would.
  return flowCompletionResponse(login, flowType === 'subscription_cancel', { subscriptionId: paused.id, status: paused.status, resumesAt: paused.pauseCollection?.resumesAt ?? null }, request);
});
