import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { cancelSubscriptionNow, retrieveSubscription, updateSubscription } from '@/lib/subscriptions/manage-subscriptions';
import { SUBSCRIPTION_OPERATIONS } from '@/lib/subscriptions/subscription-operations';

export const dynamic = 'force-dynamic';

export const GET = withMerchantKey(SUBSCRIPTION_OPERATIONS.retrieve, async ({ account, params }) => json(200, await retrieveSubscription(account.accountId, params.id!)));

export const PATCH = withMerchantKey(SUBSCRIPTION_OPERATIONS.update, async ({ account, params, body }) => json(200, await updateSubscription(account.accountId, params.id!, body)));

export const DELETE = withMerchantKey(SUBSCRIPTION_OPERATIONS.cancel, async ({ account, params }) => json(200, await cancelSubscriptionNow(account.accountId, params.id!)));

export const { POST, PUT } = refusedMethods('GET', 'PATCH', 'DELETE');
