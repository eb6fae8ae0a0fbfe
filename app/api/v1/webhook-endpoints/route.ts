import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks/manage-webhook-endpoints';
import { refusedMethods } from '@/lib/api/refused-methods';
import { WEBHOOK_OPERATIONS } from '@/lib/webhooks/webhook-operations';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhook-endpoints: subscribe a URL to events; the answer shows the signing secret once
export const POST = withMerchantKey(WEBHOOK_OPERATIONS.createEndpoint, async ({ account, body }) =>
  json(201, await createWebhookEndpoint(account.accountId, body)),
);

// GET /api/v1/webhook-endpoints: the account's endpoints, without secrets
export const GET = withMerchantKey(WEBHOOK_OPERATIONS.listEndpoints, async ({ account, query }) =>
  json(200, await listWebhookEndpoints(account.accountId, query)),
);

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
