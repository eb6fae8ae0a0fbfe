import type { Event } from '../db/generated/client';

/** An event as the API lists it and as a webhook carries it. */
export function serializeEvent(event: Pick<Event, 'id' | 'type' | 'createdAt' | 'accountId' | 'data'>) {
  return { id: event.id, object: 'event' as const, type: event.type, createdAt: event.createdAt.toISOString(), account: event.accountId, data: event.data };
}

/** Whether an endpoint's subscription list covers an event type. */
export function isSubscribed(subscribedTypes: string[], type: string): boolean {
  return subscribedTypes.includes('*') || subscribedTypes.includes(type);
}
