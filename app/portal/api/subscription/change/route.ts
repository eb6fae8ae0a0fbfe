import { ApiError } from '@/lib/api/errors';
import { changeOwnPlan } from '@/lib/billing/change-own-plan';
import { actionScope } from '@/lib/billing/customer-scope';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZChangePlanInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/change: change plan (price, seats) as previewed, now or at the period's end
export const POST = withPortalLogin({ body: ZChangePlanInput }, async ({ login, body, request }) => {
  const { flowType, flowSubscriptionId, flowPriceId, flowQuantity } = login.session;
  const inFlow = flowType === 'subscription_update' || flowType === 'subscription_update_confirm';
  if (inFlow && body.subscriptionId !== flowSubscriptionId) throw new ApiError('forbidden', 'This billing link was made to change another subscription.');
  if (flowType === 'subscription_update_confirm' && (body.price !== flowPriceId || (body.quantity ?? flowQuantity) !== flowQuantity)) {
    throw new ApiError('forbidden', 'This billing link was made to confirm another plan.');
  }
  const features = await assertFeature(login.accountId, 'subscriptionUpdate');
  const changed = await changeOwnPlan(actionScope(login, request), body, features);
  const invoice = changed.invoice && { id: changed.invoice.id, status: changed.invoice.status, total: Number(changed.invoice.total), currency: changed.invoice.currency };
  return flowCompletionResponse(login, inFlow, { subscriptionId: changed.subscriptionId, timing: changed.timing, effectiveAt: changed.effectiveAt.toISOString(), invoice }, request);
});
