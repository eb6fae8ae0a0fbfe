import { z } from 'zod';
import { ZTimestamp } from '../api/api-schemas';
import { defineOperation } from '../api/operation';
import { ZListDeliveriesQuery } from './list-deliveries';
import { ZListEventsQuery } from './list-events';
import { ZListWebhookEndpointsQuery } from './manage-webhook-endpoints';
import { EVENT_TYPES } from './record-event';
import { ZRedeliverEvent } from './redeliver-event';
import { ZCreateWebhookEndpoint } from './webhook-endpoint-input';

const ZWebhookEndpoint = z
  .object({
    id: z.string(),
    object: z.literal('webhook_endpoint'),
    url: z.string(),
    events: z.array(z.string()),
    status: z.enum(['enabled', 'disabled']),
    createdAt: ZTimestamp,
    secret: z.string().optional().meta({ description: 'Only in the answers to create and rotate-secret.' }),
  })
  .meta({ id: 'WebhookEndpoint' });

const ZDelivery = z
  .object({
    id: z.string(),
    object: z.literal('webhook_delivery'),
    endpoint: z.string(),
    event: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attemptCount: z.number().int(),
    nextAttemptAt: ZTimestamp.nullable(),
    retryUntil: ZTimestamp,
    createdAt: ZTimestamp,
    attempts: z.array(z.object({ id: z.string(), attemptedAt: ZTimestamp, responseStatus: z.number().int().nullable(), latencyMs: z.number().int().nullable(), responseBody: z.string().nullable(), error: z.string().nullable() })),
  })
  .meta({ id: 'WebhookDelivery' });

const ZEvent = z
  .object({
    id: z.string(),
    object: z.literal('event'),
    type: z.enum(EVENT_TYPES),
    createdAt: ZTimestamp,
    account: z.string(),
    data: z.object({ object: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: 'Event' });

const list = <T extends z.ZodType>(item: T, id: string) => z.object({ object: z.literal('list'), data: z.array(item), hasMore: z.boolean() }).meta({ id });
const scope = 'plugipay:webhooks:write' as const;

export const WEBHOOK_OPERATIONS = {
  createEndpoint: defineOperation({
    method: 'post', path: '/api/v1/webhook-endpoints', operationId: 'createWebhookEndpoint', tag: 'Webhooks', scope,
    body: ZCreateWebhookEndpoint.meta({ id: 'WebhookEndpointCreate' }),
    summary: 'Subscribe a URL to events', description: 'The answer shows the signing secret, once.',
    response: { status: 201, description: 'The endpoint, with its secret.', schema: ZWebhookEndpoint },
  }),
  listEndpoints: defineOperation({
    method: 'get', path: '/api/v1/webhook-endpoints', operationId: 'listWebhookEndpoints', tag: 'Webhooks', scope, query: ZListWebhookEndpointsQuery,
    summary: "The account's endpoints, without secrets",
    response: { status: 200, description: 'A page of endpoints.', schema: list(ZWebhookEndpoint, 'WebhookEndpointList') },
  }),
  deleteEndpoint: defineOperation({
    method: 'delete', path: '/api/v1/webhook-endpoints/{id}', operationId: 'deleteWebhookEndpoint', tag: 'Webhooks', scope,
    summary: 'Stop sending events to an endpoint',
    response: { status: 200, description: 'The deleted endpoint.', schema: z.object({ id: z.string(), object: z.literal('webhook_endpoint'), deleted: z.literal(true) }).meta({ id: 'DeletedWebhookEndpoint' }) },
  }),
  rotateSecret: defineOperation({
    method: 'post', path: '/api/v1/webhook-endpoints/{id}/rotate-secret', operationId: 'rotateWebhookSecret', tag: 'Webhooks', scope,
    summary: 'A new signing secret; the old one keeps signing beside it for 24 hours',
    response: { status: 200, description: 'The endpoint, with its new secret.', schema: ZWebhookEndpoint },
  }),
  listDeliveries: defineOperation({
    method: 'get', path: '/api/v1/webhook-endpoints/{id}/deliveries', operationId: 'listWebhookDeliveries', tag: 'Webhooks', scope, query: ZListDeliveriesQuery,
    summary: "An endpoint's deliveries with their attempts, newest first",
    response: { status: 200, description: 'A page of deliveries.', schema: list(ZDelivery, 'WebhookDeliveryList') },
  }),
  listEvents: defineOperation({
    method: 'get', path: '/api/v1/events', operationId: 'listEvents', tag: 'Events', scope: 'plugipay:events:read', query: ZListEventsQuery,
    summary: "The account's events, newest first",
    response: { status: 200, description: 'A page of events.', schema: list(ZEvent, 'EventList') },
  }),
  redeliver: defineOperation({
    method: 'post', path: '/api/v1/events/{id}/redeliver', operationId: 'redeliverEvent', tag: 'Events', scope, body: ZRedeliverEvent,
    summary: 'Send an event again now, to every subscribed endpoint or the one named',
    response: { status: 202, description: 'The deliveries queued.', schema: list(ZDelivery, 'RedeliveryList') },
  }),
};
