import { ApiError } from '@/lib/api/errors';
import { getPrisma } from '@/lib/db/get-db';
import { actionScope } from '@/lib/billing/customer-scope';
import { addPaymentMethod } from '@/lib/billing/add-payment-method';
import { serializePaymentMethod } from '@/lib/customers/payment-method-schemas';
import { ZCardInput } from '@/lib/payments/card-input';
import { getPaymentProcessor } from '@/lib/payments/get-payment-processor';
import { flowCompletionResponse } from '@/lib/portal-login/complete-flow';
import { withPortalLogin } from '@/lib/portal-login/with-portal-login';
import { assertFeature } from '@/lib/portal/assert-feature';

export const dynamic = 'force-dynamic';

// POST /portal/api/payment-methods: save a card through the payment processor
export const POST = withPortalLogin({}, async ({ login, body, request }) => {
  await assertFeature(login.accountId, 'paymentMethodUpdate');
  const parsed = ZCardInput.safeParse(body);
  if (!parsed.success) {
    // Codes, not prose: the form shows each in the customer's language, beside its field.
    const issue = parsed.error.issues[0]!;
    throw new ApiError('validation_error', /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid_field', String(issue.path[0] ?? 'number'));
  }
  const { forInvoice } = parsed.data;
  if (forInvoice && !(await getPrisma().invoice.count({ where: { id: forInvoice, accountId: login.accountId, customerId: login.customerId, status: 'open' } }))) {
    throw new ApiError('not_found', 'No such open invoice.', 'forInvoice');
  }
  const inFlow = login.session.flowType === 'payment_method_update';
  const card = { ...parsed.data, makeDefault: parsed.data.makeDefault || inFlow };
  const scope = actionScope(login, request);
  const saved = await addPaymentMethod({ ...scope, portalLoginId: login.id }, card, getPaymentProcessor());
  // The card's bank wants to see the customer first: the browser goes there, and the flow goes on on return.
  if ('status' in saved) return Response.json(saved, { status: 202 });
  return flowCompletionResponse(login, inFlow, { paymentMethod: serializePaymentMethod(saved) }, request);
});
