import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { COUPON_OPERATIONS } from '@/lib/catalog/catalog-operations';
import { createCoupon, listCoupons } from '@/lib/catalog/manage-coupons';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(COUPON_OPERATIONS.create, async ({ account, body }) => json(201, await createCoupon(account.accountId, body)));

export const GET = withMerchantKey(COUPON_OPERATIONS.list, async ({ account, query }) => json(200, await listCoupons(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
