import { json } from '@/lib/api/json-result';
import { withMerchantKey } from '@/lib/api/with-merchant-key';
import { createWebhookEndpoint, listWebhookEndpoints, ZListWebhookEndpointsQuery } from '@/lib/webhooks/manage-webhook-endpoints';
import { ZCreateWebhookEndpoint } from '@/lib/webhooks/webhook-endpoint-input';
import { refusedMethods } from '@/lib/api/refused-methods';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhook-endpoints: subscribe a URL to events; the answer shows the signing secret once
export const POST = withMerchantKey({ scope: 'plugipay:webhooks:write', body: ZCreateWebhookEndpoint }, async ({ account, body }) =>
  json(201, await createWebhookEndpoint(account.accountId, body)),
);

// GET /api/v1/webhook-endpoints: the account's endpoints, without secrets
export const GET = withMerchantKey({ scope: 'plugipay:webhooks:write', query: ZListWebhookEndpointsQuery }, async ({ account, query }) =>
  json(200, await listWebhookEndpoints(account.accountId, query)),
);

export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST');
