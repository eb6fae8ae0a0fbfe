import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { retrieveRefund } from '@/lib/invoices/refunds';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(INVOICE_OPERATIONS.retrieveRefund, async ({ account, params }) => json(200, await retrieveRefund(account.accountId, params.id!)));

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
