import { ApiError } from '@/lib/api/errors';
import { cancelSubscription } from '@/lib/billing/cancel-subscription';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { loadPortalFeatures } from '@/lib/portal/load-portal-features';
import { ZCancelInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/cancel: cancel the customer's subscription as the account configures
export const POST = withPortalLogin({ body: ZCancelInput }, async ({ login, body, request }) => {
  const features = await loadPortalFeatures(login.accountId);
  if (!features.subscriptionCancel) throw new ApiError('forbidden', 'Cancelling is not available here.');
  const scope = { accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers };
  const subscription = await cancelSubscription(scope, body, { mode: features.cancelMode, reasons: features.cancellationReasons });
  const inFlow = login.session.flowType === 'subscription_cancel' && login.session.flowSubscriptionId === subscription.id;
  return flowCompletionResponse(login, inFlow, { subscriptionId: subscription.id, status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd, accessEndsAt: (subscription.endedAt ?? subscription.currentPeriodEnd).toISOString() }, request);
});
