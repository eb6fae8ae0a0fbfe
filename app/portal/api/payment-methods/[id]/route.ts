import { ApiError } from '@/lib/api/errors';
import { removePaymentMethod } from '@/lib/billing/remove-payment-method';
import { serializePaymentMethod } from '@/lib/billing/serialize-payment-method';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { loadPortalFeatures } from '@/lib/portal/load-portal-features';
import { ZPaymentMethodParams } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// DELETE /portal/api/payment-methods/<pm_id>: remove a saved card that is not the default
export const DELETE = withPortalLogin({ params: ZPaymentMethodParams }, async ({ login, params, request }) => {
  if (!(await loadPortalFeatures(login.accountId)).paymentMethodUpdate) throw new ApiError('forbidden', 'Updating the payment method is not available here.');
  const scope = { accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers };
  return Response.json({ paymentMethod: serializePaymentMethod(await removePaymentMethod(scope, params.id)) });
});
