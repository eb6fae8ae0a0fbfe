import { ApiError } from '@/lib/api/errors';
import { serializePaymentMethod } from '@/lib/billing/serialize-payment-method';
import { setDefaultPaymentMethod } from '@/lib/billing/set-default-payment-method';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { loadPortalFeatures } from '@/lib/portal/load-portal-features';
import { ZPaymentMethodParams } from '@/lib/portal/portal-action-inputs';

export const dynamic = 'force-dynamic';

// POST /portal/api/payment-methods/<pm_id>/default: make a saved card the default
export const POST = withPortalLogin({ params: ZPaymentMethodParams }, async ({ login, params, request }) => {
  if (!(await loadPortalFeatures(login.accountId)).paymentMethodUpdate) throw new ApiError('forbidden', 'Updating the payment method is not available here.');
  const scope = { accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers };
  return Response.json({ paymentMethod: serializePaymentMethod(await setDefaultPaymentMethod(scope, params.id)) });
});
