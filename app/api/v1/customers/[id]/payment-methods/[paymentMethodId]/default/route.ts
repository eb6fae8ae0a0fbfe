import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { makeDefaultPaymentMethod } from '@/lib/customers/manage-payment-methods';
import { PAYMENT_METHOD_OPERATIONS } from '@/lib/customers/payment-method-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(PAYMENT_METHOD_OPERATIONS.makeDefault, async ({ account, params }) =>
  json(200, await makeDefaultPaymentMethod(account.accountId, params.id!, params.paymentMethodId!)),
);

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
