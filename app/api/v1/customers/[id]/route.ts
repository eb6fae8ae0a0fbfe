import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { CUSTOMER_OPERATIONS } from '@/lib/customers/customer-operations';
import { deleteCustomer, retrieveCustomer, updateCustomer } from '@/lib/customers/manage-customers';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(CUSTOMER_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrieveCustomer(account.accountId, params.id!)));

export const PATCH = withMerchantKey(CUSTOMER_OPERATIONS.update, async ({ account, params, body }) =>
  json(200, await updateCustomer(account.accountId, params.id!, body)),
);

export const DELETE = withMerchantKey(CUSTOMER_OPERATIONS.del, async ({ account, params }) => json(200, await deleteCustomer(account.accountId, params.id!)));

export const { POST, PUT } = refusedMethods('GET', 'PATCH', 'DELETE');
