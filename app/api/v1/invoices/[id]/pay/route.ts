import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { payInvoiceNow } from '@/lib/invoices/one-off-invoices';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(INVOICE_OPERATIONS.pay, async ({ account, params, body }) => json(200, await payInvoiceNow(account.accountId, params.id!, body)));

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
