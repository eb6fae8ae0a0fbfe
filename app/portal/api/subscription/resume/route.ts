import { actionScope } from '@/lib/billing/customer-scope';
import { resumeSubscription } from '@/lib/billing/resume-subscription';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZSubscriptionRef } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/resume: undo a cancel scheduled for the period's end
export const POST = withPortalLogin({ body: ZSubscriptionRef }, async ({ login, body, request }) => {
  await assertFeature(login.accountId, 'subscriptionResume');
  const scope = actionScope(login, request);
  const subscription = await resumeSubscription(scope, body.subscriptionId);
  return Response.json({ subscriptionId: subscription.id, status: subscription.status, cancelAtPeriodEnd: subscription.cancelAtPeriodEnd });
});
