import 'server-only';
import { getPrisma } from '../db/get-db';
import { recordEvent } from '../webhooks/record-event';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';

/**
 * Ends the subscriptions whose cancellation at the period end has come due, each with its
 * plugipay.subscription.canceled.v1 event in the same transaction. The conditional update lets
 * several workers run this at once: each subscription ends once, with one event.
 */
export async function endDueCancellations(now = new Date(), limit = 100): Promise<number> {
  const prisma = getPrisma();
  const due = await prisma.subscription.findMany({
    where: { status: { not: 'canceled' }, cancelAtPeriodEnd: true, currentPeriodEnd: { lte: now } },
    select: { id: true, accountId: true, currentPeriodEnd: true },
    orderBy: { currentPeriodEnd: 'asc' },
    take: limit,
  });
  let ended = 0;
  for (const { id, accountId, currentPeriodEnd } of due) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.subscription.updateMany({
        where: { id, accountId, status: { not: 'canceled' }, cancelAtPeriodEnd: true },
        data: { status: 'canceled', endedAt: currentPeriodEnd, cancelAtPeriodEnd: false },
      });
      if (count !== 1) return;
      const subscription = await tx.subscription.findFirstOrThrow({ where: { id, accountId }, include: SUBSCRIPTION_INCLUDE });
      await recordEvent(tx, { accountId, type: 'plugipay.subscription.canceled.v1', object: serializeSubscription(subscription) });
      ended++;
    });
  }
  return ended;
}
