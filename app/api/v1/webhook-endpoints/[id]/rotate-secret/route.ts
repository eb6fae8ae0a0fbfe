import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { rotateWebhookSecret } from '@/lib/webhooks/manage-webhook-endpoints';
import { refusedMethods } from '@/lib/api/refused-methods';

import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhook-endpoints/<we_id>/rotate-secret: a new signing secret; the old one signs alongside for 24 h
export const POST = withMerchantKey(WEBHOOK_OPERATIONS.rotateSecret, async ({ account, params }) =>
  json(200, await rotateWebhookSecret(account.accountId, params.id ?? '')),
);

export const { GET, PUT, PATCH, DELETE } = refusedMethods('POST');
