import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { CUSTOMER_OPERATIONS } from '@/lib/customers/customer-operations';
import { createCustomer, listCustomers } from '@/lib/customers/manage-customers';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(CUSTOMER_OPERATIONS.create, async ({ account, body }) => json(201, await createCustomer(account.accountId, body)));

export const GET = withMerchantKey(CUSTOMER_OPERATIONS.list, async ({ account, query }) => json(200, await listCustomers(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
