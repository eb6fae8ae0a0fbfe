import type { WebhookEndpoint } from '../db/generated/client';

/** An endpoint as the API shows it; the secret only ever appears in the create and rotate answers. */
export function serializeWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: 'webhook_endpoint' as const,
    url: endpoint.url,
    events: endpoint.events,
    status: endpoint.status,
    createdAt: endpoint.createdAt.toISOString(),
    ...(secret === undefined ? {} : { secret }),
  };
}
