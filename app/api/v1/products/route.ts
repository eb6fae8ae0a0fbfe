import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { PRODUCT_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { createProduct, listProducts } from '@/lib/catalog/manage-products';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(PRODUCT_OPERATIONS.create, async ({ account, body }) => json(201, await createProduct(account.accountId, body)));

export const GET = withMerchantKey(PRODUCT_OPERATIONS.list, async ({ account, query }) => json(200, await listProducts(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
