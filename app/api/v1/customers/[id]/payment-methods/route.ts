import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { attachPaymentMethod, listCustomerPaymentMethods } from '@/lib/customers/manage-payment-methods';
import { PAYMENT_METHOD_OPERATIONS } from '@/lib/customers/payment-method-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(PAYMENT_METHOD_OPERATIONS.attach, async ({ account, params, body }) => json(201, await attachPaymentMethod(account.accountId, params.id!, body)));

export const GET = withMerchantKey(PAYMENT_METHOD_OPERATIONS.list, async ({ account, params, query }) => json(200, await listCustomerPaymentMethods(account.accountId, params.id!, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
