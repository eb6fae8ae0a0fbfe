import 'server-only';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { RETRY_WINDOW_MS } from './retry-schedule';
import { isSubscribed } from './serialize-event';

/**
 * Fans out the outbox: each event not yet dispatched becomes one pending delivery per endpoint of
 * its account that was subscribed to its type when it happened. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so that several workers share the outbox without taking the same event;
 * the unique (eventId, endpointId) pair makes a repeated fan-out harmless.
 */
export async function dispatchEvents(limit = 100, now = new Date()): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string; accountId: string; type: string; createdAt: Date }[]>`
      SELECT "id", "accountId", "type", "createdAt" FROM "Event"
      WHERE "dispatchedAt" IS NULL
      ORDER BY "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { accountId: { in: [...new Set(events.map((e) => e.accountId))] }, deletedAt: null, status: 'enabled' },
      select: { id: true, accountId: true, events: true, createdAt: true },
    });
    const retryUntil = new Date(now.getTime() + RETRY_WINDOW_MS);
    const deliveries = events.flatMap((event) =>
      endpoints
        .filter((e) => e.accountId === event.accountId && e.createdAt <= event.createdAt && isSubscribed(e.events, event.type))
        .map((endpoint) => ({ id: newId('webhookDelivery'), accountId: event.accountId, eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now, retryUntil })),
    );
    if (deliveries.length > 0) await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
    await tx.event.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { dispatchedAt: now } });
    return events.length;
  });
}
