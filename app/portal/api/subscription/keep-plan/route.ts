import { actionScope } from '@/lib/billing/customer-scope';
import { keepCurrentPlan } from '@/lib/billing/change-own-plan';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZSubscriptionRef } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/keep-plan: undo a plan change scheduled for the period's end
export const POST = withPortalLogin({ body: ZSubscriptionRef }, async ({ login, body, request }) => {
  await assertFeature(login.accountId, 'subscriptionUpdate');
  const kept = await keepCurrentPlan(actionScope(login, request), body.subscriptionId);
  return Response.json({ subscriptionId: kept.id, scheduledChange: null });
});
