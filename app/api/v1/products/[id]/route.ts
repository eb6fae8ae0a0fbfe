import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { PRODUCT_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { retrieveProduct, updateProduct } from '@/lib/catalog/manage-products';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(PRODUCT_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrieveProduct(account.accountId, params.id!)));

export const PATCH = withMerchantKey(PRODUCT_OPERATIONS.update, async ({ account, params, body }) => json(200, await updateProduct(account.accountId, params.id!, body)));

export const { POST, PUT, DELETE } = refusedMethods('GET', 'PATCH');
