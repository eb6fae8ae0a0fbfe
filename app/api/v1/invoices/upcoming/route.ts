import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { INVOICE_OPERATIONS } from '@/lib/invoices/invoice-operations';
import { upcomingInvoice } from '@/lib/invoices/upcoming-invoice';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(INVOICE_OPERATIONS.upcoming, async ({ account, query }) => json(200, await upcomingInvoice(account.accountId, query)));

export const { POST, PUT, PATCH, DELETE } = refusedMethods('GET');
