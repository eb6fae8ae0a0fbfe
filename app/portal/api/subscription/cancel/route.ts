import { ApiError } from '@/lib/api/errors';
import { actionScope } from '@/lib/billing/customer-scope';
import { cancelSubscription } from '@/lib/billing/cancel-subscription';
import { declinedOfferTerms } from '@/lib/billing/retention-offer';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZCancelInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/cancel: cancel the customer's subscription as the account configures
export const POST = withPortalLogin({ body: ZCancelInput }, async ({ login, body, request }) => {
  const { flowType, flowSubscriptionId } = login.session;
  if (flowType === 'subscription_cancel' && body.subscriptionId !== flowSubscriptionId) {
    throw new ApiError('forbidden', 'This billing link was made to cancel another subscription.');
  }
  const features = await assertFeature(login.accountId, 'subscriptionCancel');
  const scope = actionScope(login, request);
  const declinedOffer = await declinedOfferTerms(scope, body.subscriptionId, features);
  const subscription = await cancelSubscription(scope, body, { mode: features.cancelMode, reasons: features.cancellationReasons, declinedOffer });
  const inFlow = flowType === 'subscription_cancel';
  return flowCompletionResponse(login, inFlow, { subscriptionId: subscription.id, status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd, accessEndsAt: (subscription.endedAt ?? subscription.currentPeriodEnd).toISOString() }, request);
});
