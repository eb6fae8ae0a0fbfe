import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { createSubscription, listSubscriptions } from '@/lib/subscriptions/manage-subscriptions';
import { SUBSCRIPTION_OPERATIONS } from '@/lib/subscriptions/subscription-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(SUBSCRIPTION_OPERATIONS.create, async ({ account, body }) => json(201, await createSubscription(account.accountId, body)));

export const GET = withMerchantKey(SUBSCRIPTION_OPERATIONS.list, async ({ account, query }) => json(200, await listSubscriptions(account.accountId, query)));

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
