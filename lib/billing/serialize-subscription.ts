import type { Subscription } from '../db/generated/client';

/** A subscription as events carry it: its state at the moment of the event. */
export function serializeSubscription(s: Subscription) {
  return {
    id: s.id,
    object: 'subscription' as const,
    customerId: s.customerId,
    priceId: s.priceId,
    status: s.status,
    quantity: s.quantity,
    currentPeriodStart: s.currentPeriodStart.toISOString(),
    currentPeriodEnd: s.currentPeriodEnd.toISOString(),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    canceledAt: s.canceledAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    cancellationDetails: { reason: s.cancellationReason, comment: s.cancellationComment },
  };
}
