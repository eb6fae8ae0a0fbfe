import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { TAX_RATE_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { createTaxRate, listTaxRates } from '@/lib/catalog/manage-tax-rates';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(TAX_RATE_OPERATIONS.create, async ({ account, body }) => json(201, await createTaxRate(account.accountId, body)));

export const GET = withMerchantKey(TAX_RATE_OPERATIONS.list, async ({ account, query }) => json(200, await listTaxRates(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
