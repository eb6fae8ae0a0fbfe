import 'server-only';
import { z } from 'zod';
import { orDefault } from '../api/api-schemas';
import { ApiError } from '../api/errors';
import { getPrisma } from '../db/get-db';
import { isId, newId } from '../ids/new-id';
import { DELIVERY_INCLUDE, serializeDelivery } from './list-deliveries';
import { RETRY_WINDOW_MS } from './retry-schedule';
import { isSubscribed } from './serialize-event';

export const ZRedeliverEvent = orDefault(z
  .strictObject({
    endpoint: z.string().refine((v) => isId('webhookEndpoint', v), { message: 'must be a webhook endpoint id (we_…)' }).optional(),
  }), {});

/**
 * Queues the event again, now, for every enabled endpoint subscribed to its type (or the one
 * named), with a fresh retry window. A delivery that exists is reset (its attempts stay, for the
 * record); an endpoint created after the event gets a new one.
 */
export async function redeliverEvent(accountId: string, eventId: string, { endpoint: endpointId }: z.infer<typeof ZRedeliverEvent>, now = new Date()) {
  const prisma = getPrisma();
  const event = isId('event', eventId) ? await prisma.event.findFirst({ where: { id: eventId, accountId } }) : null;
  if (!event) throw new ApiError('not_found', `No such event: ${eventId}.`, 'id');
  const endpoints = (
    await prisma.webhookEndpoint.findMany({ where: { accountId, deletedAt: null, status: 'enabled', ...(endpointId ? { id: endpointId } : {}) } })
  ).filter((e) => isSubscribed(e.events, event.type));
  if (endpointId && endpoints.length === 0) {
    throw new ApiError('not_found', `No enabled webhook endpoint ${endpointId} subscribed to ${event.type}.`, 'endpoint');
  }
  if (endpoints.length === 0) throw new ApiError('validation_error', `No enabled webhook endpoint is subscribed to ${event.type}.`);

  const retryUntil = new Date(now.getTime() + RETRY_WINDOW_MS);
  const deliveries = await prisma.$transaction(
    endpoints.map((endpoint) =>
      prisma.webhookDelivery.upsert({
        where: { eventId_endpointId: { eventId: event.id, endpointId: endpoint.id } },
        create: { id: newId('webhookDelivery'), accountId, eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now, retryUntil },
        update: { status: 'pending', nextAttemptAt: now, retryUntil },
        include: DELIVERY_INCLUDE,
      }),
    ),
  );
  return { object: 'list' as const, data: deliveries.map(serializeDelivery), hasMore: false };
}
