import { ApiError } from '@/lib/api/errors';
import { actionScope } from '@/lib/billing/customer-scope';
import { acceptRetentionOffer } from '@/lib/billing/retention-offer';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZSubscriptionRef } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/retention: take the offer made in the cancel dialog, and stay
export const POST = withPortalLogin({ body: ZSubscriptionRef }, async ({ login, body, request }) => {
  const { flowType, flowSubscriptionId } = login.session;
  if (flowType === 'subscription_cancel' && body.subscriptionId !== flowSubscriptionId) throw new ApiError('forbidden', 'This billing link was made for another subscription.');
  const features = await assertFeature(login.accountId, 'retentionCoupon');
  const kept = await acceptRetentionOffer(actionScope(login, request), body.subscriptionId, features);
  // Staying ends a cancel flow as cancelling would: its task (the customer's decision) is done.
  return flowCompletionResponse(login, flowType === 'subscription_cancel', { subscriptionId: kept.id, status: kept.status, coupon: kept.couponId }, request);
});
