import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { createDraftInvoice } from '@/lib/invoices/one-off-invoices';
import { listInvoices } from '@/lib/invoices/read-invoices';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(INVOICE_OPERATIONS.list, async ({ account, query }) => json(200, await listInvoices(account.accountId, query)));

export const POST = withMerchantKey(INVOICE_OPERATIONS.create, async ({ account, body }) => json(201, await createDraftInvoice(account.accountId, body)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
