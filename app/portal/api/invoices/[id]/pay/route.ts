import { actionScope } from '@/lib/billing/customer-scope';
import { payOwnInvoice } from '@/lib/billing/pay-own-invoice';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';
import { ZPayInvoiceInput } from '@/lib/portal/portal-action-inputs';
import { ZInvoiceParams } from '@/lib/portal/portal-object-params';

export const dynamic = 'force-dynamic';

// POST /portal/api/invoices/<inv_id>/pay: pay an open invoice with the default card, or the one named;
// in the invoice_payment flow (whose scope allows its own invoice only), paying completes the flow.
export const POST = withPortalLogin({ params: ZInvoiceParams, body: ZPayInvoiceInput }, async ({ login, params, body, request }) => {
  await assertFeature(login.accountId, 'invoicePayment');
  const paid = await payOwnInvoice(actionScope(login, request), login.id, params.id, body?.paymentMethodId);
  if (paid.status === 'requires_action') return Response.json(paid, { status: 202 });
  return flowCompletionResponse(login, login.session.flowType === 'invoice_payment', paid, request);
});
