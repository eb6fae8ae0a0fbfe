import { actionScope } from '@/lib/billing/customer-scope';
import { removePaymentMethod } from '@/lib/billing/remove-payment-method';
import { serializePaymentMethod } from '@/lib/customers/payment-method-schemas';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZPaymentMethodParams } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// DELETE /portal/api/payment-methods/<pm_id>: remove a saved card that is not the default
export const DELETE = withPortalLogin({ params: ZPaymentMethodParams }, async ({ login, params, request }) => {
  await assertFeature(login.accountId, 'paymentMethodUpdate');
  const scope = actionScope(login, request);
  return Response.json({ paymentMethod: serializePaymentMethod(await removePaymentMethod(scope, params.id)) });
});
