import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { PRICE_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { createPrice, listPrices } from '@/lib/catalog/manage-prices';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(PRICE_OPERATIONS.create, async ({ account, body }) => json(201, await createPrice(account.accountId, body)));

export const GET = withMerchantKey(PRICE_OPERATIONS.list, async ({ account, query }) => json(200, await listPrices(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
