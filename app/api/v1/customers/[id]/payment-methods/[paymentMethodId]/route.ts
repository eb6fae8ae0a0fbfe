import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { detachPaymentMethod } from '@/lib/customers/manage-payment-methods';
import { PAYMENT_METHOD_OPERATIONS } from '@/lib/customers/payment-method-operations';

export const dynamic = 'force-dynamic';

export const DELETE = withMerchantKey(PAYMENT_METHOD_OPERATIONS.detach, async ({ account, params }) =>
  json(200, await detachPaymentMethod(account.accountId, params.id!, params.paymentMethodId!)),
);

export const { GET, POST, PUT, PATCH } = refusedMethods('DELETE');
