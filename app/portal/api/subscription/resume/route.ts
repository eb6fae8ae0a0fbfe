import { ApiError } from '@/lib/api/errors';
import { resumeSubscription } from '@/lib/billing/resume-subscription';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { loadPortalFeatures } from '@/lib/portal/load-portal-features';
import { ZSubscriptionRef } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/resume: undo a cancel scheduled for the period's end
export const POST = withPortalLogin({ body: ZSubscriptionRef }, async ({ login, body, request }) => {
  if (!(await loadPortalFeatures(login.accountId)).subscriptionResume) throw new ApiError('forbidden', 'Resuming is not available here.');
  const scope = { accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers };
  const subscription = await resumeSubscription(scope, body.subscriptionId);
  return Response.json({ subscriptionId: subscription.id, status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd });
});
