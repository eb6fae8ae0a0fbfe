import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { PRICE_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { retrievePrice, updatePrice } from '@/lib/catalog/manage-prices';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(PRICE_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrievePrice(account.accountId, params.id!)));

export const PATCH = withMerchantKey(PRICE_OPERATIONS.update, async ({ account, params, body }) => json(200, await updatePrice(account.accountId, params.id!, body)));

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
