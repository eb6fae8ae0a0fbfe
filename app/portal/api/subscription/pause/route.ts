import { actionScope } from '@/lib/billing/customer-scope';
import { pauseOwnSubscription } from '@/lib/billing/pause-own-subscription';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZPauseInput } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/subscription/pause: pause payments for a few billing periods instead of cancelling
export const POST = withPortalLogin({ body: ZPauseInput }, async ({ login, body, request }) => {
  const features = await assertFeature(login.accountId, 'subscriptionPause');
  const paused = await pauseOwnSubscription(actionScope(login, request), body.subscriptionId, body.periods, features.pauseMaxPeriods);
  return Response.json({ subscriptionId: paused.id, status: paused.status, resumesAt: paused.pauseCollection?.resumesAt ?? null });
});
