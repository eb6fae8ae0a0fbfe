import 'server-only';
import { z } from 'zod';
import { zLimit } from '../api/api-schemas';
import type { WebhookAttempt, WebhookDelivery } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { isId } from '../ids/new-id';
import { findEndpointOrThrow } from './manage-webhook-endpoints';

export const ZListDeliveriesQuery = z.strictObject({
  startingAfter: z.string().refine((v) => isId('webhookDelivery', v), { message: 'must be a delivery id (whd_…)' }).optional(),
  limit: zLimit(20),
  status: z.enum(['pending', 'succeeded', 'failed']).optional(),
});

/** Attempts shown per delivery, newest first; a day of retries is about fifteen. */
const ATTEMPTS_SHOWN = 50;

export function serializeDelivery(delivery: WebhookDelivery & { event: { type: string }; attempts: WebhookAttempt[] }) {
  return {
    id: delivery.id,
    object: 'webhook_delivery' as const,
    endpoint: delivery.endpointId,
    event: delivery.eventId,
    eventType: delivery.event.type,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    retryUntil: delivery.retryUntil.toISOString(),
    createdAt: delivery.createdAt.toISOString(),
    attempts: delivery.attempts.map((a) => ({
      id: a.id,
      attemptedAt: a.attemptedAt.toISOString(),
      responseStatus: a.responseStatus,
      latencyMs: a.latencyMs,
      responseBody: a.responseBody,
      error: a.error,
    })),
  };
}

export const DELIVERY_INCLUDE = {
  event: { select: { type: true } },
  attempts: { orderBy: { attemptedAt: 'desc' }, take: ATTEMPTS_SHOWN },
} as const;

/** An endpoint's deliveries, newest first, each with its attempts. */
export async function listDeliveries(accountId: string, endpointId: string, { startingAfter, limit, status }: z.infer<typeof ZListDeliveriesQuery>) {
  const endpoint = await findEndpointOrThrow(accountId, endpointId, { includeDeleted: true });
  const rows = await getPrisma().webhookDelivery.findMany({
    where: { accountId, endpointId: endpoint.id, ...(status ? { status } : {}), ...(startingAfter ? { id: { lt: startingAfter } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: DELIVERY_INCLUDE,
  });
  return { object: 'list' as const, data: rows.slice(0, limit).map(serializeDelivery), hasMore: rows.length > limit };
}
