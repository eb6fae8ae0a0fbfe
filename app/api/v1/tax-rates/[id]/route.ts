import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { TAX_RATE_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { retrieveTaxRate, updateTaxRate } from '@/lib/catalog/manage-tax-rates';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(TAX_RATE_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrieveTaxRate(account.accountId, params.id!)));

export const PATCH = withMerchantKey(TAX_RATE_OPERATIONS.update, async ({ account, params, body }) => json(200, await updateTaxRate(account.accountId, params.id!, body)));

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
