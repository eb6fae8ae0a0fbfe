import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { COUPON_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { deleteCoupon, retrieveCoupon } from '@/lib/catalog/manage-coupons';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(COUPON_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrieveCoupon(account.accountId, params.id!)));

export const DELETE = withMerchantKey(COUPON_OPERATIONS.del, async ({ account, params }) => json(200, await deleteCoupon(account.accountId, params.id!)));

export const { POST, PUT, PATCH } = refusedMethods('GET', 'DELETE');
