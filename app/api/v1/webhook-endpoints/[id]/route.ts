import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { deleteWebhookEndpoint } from '@/lib/webhooks/manage-webhook-endpoints';
import { refusedMethods } from '@/lib/api/refused-methods';

import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// DELETE /api/v1/webhook-endpoints/<we_id>: stop sending events to an endpoint
export const DELETE = withMerchantKey(WEBHOOK_OPERATIONS.deleteEndpoint, async ({ account, params }) =>
  json(200, await deleteWebhookEndpoint(account.accountId, params.id ?? '')),
);

export const { GET, POST, PUT, PATCH } = refusedMethods('DELETE');
