import { actionScope } from '@/lib/billing/customer-scope';
import { serializePaymentMethod } from '@/lib/customers/payment-method-schemas';
import { setDefaultPaymentMethod } from '@/lib/billing/set-default-payment-method';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZPaymentMethodParams } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/payment-methods/<pm_id>/default: make a saved card the default
export const POST = withPortalLogin({ params: ZPaymentMethodParams }, async ({ login, params, request }) => {
  await assertFeature(login.accountId, 'paymentMethodUpdate');
  const scope = actionScope(login, request);
  return Response.json({ paymentMethod: serializePaymentMethod(await setDefaultPaymentMethod(scope, params.id)) });
});
