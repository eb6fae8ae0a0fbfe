import { actionScope } from '@/lib/billing/customer-scope';
import { restartSubscription } from '@/lib/billing/resubscribe';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZResubscribeInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/resubscribe: start an ended subscription again, on its plan or an offered one
export const POST = withPortalLogin({ body: ZResubscribeInput }, async ({ login, body, request }) => {
  const features = await assertFeature(login.accountId, 'resubscribe');
  const { subscription, invoice } = await restartSubscription(actionScope(login, request), body, features);
  return Response.json({ subscriptionId: subscription.id, status: subscription.status, invoice });
});
