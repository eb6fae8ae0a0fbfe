import { json } from '@/lib/api/json-result';
import { refusedMethods } from '@/lib/api/refused-methods';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { resumeSubscriptionById } from '@/lib/subscriptions/manage-subscriptions';
import { SUBSCRIPTION_OPERATIONS } from '@/lib/subscriptions/subscription-operations';

export const dynamic = 'force-dynamic';

export const POST = withMerchantKey(SUBSCRIPTION_OPERATIONS.resume, async ({ account, params }) => json(200, await resumeSubscriptionById(account.accountId, params.id!)));

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
