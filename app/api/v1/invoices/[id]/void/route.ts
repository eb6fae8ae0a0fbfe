import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { closeInvoice } from '@/lib/invoices/one-off-invoices';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(INVOICE_OPERATIONS.void, async ({ account, params }) => json(200, await closeInvoice(account.accountId, params.id!, 'void')));

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
