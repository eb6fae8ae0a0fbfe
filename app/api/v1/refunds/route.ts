import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { createRefund, listRefunds } from '@/lib/invoices/refunds';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(INVOICE_OPERATIONS.createRefund, async ({ account, body }) => json(201, await createRefund(account.accountId, body)));

export const GET = withMerchantKey(INVOICE_OPERATIONS.listRefunds, async ({ account, query }) => json(200, await listRefunds(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
