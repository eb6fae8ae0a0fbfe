import 'server-only';
import { asRenewed, RENEWAL_INCLUDE } from '../billing/renewal-charge';
import type { Prisma } from '../db/generated/client';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { recordEvent } from '../webhooks/record-event';
import { issueSubscriptionInvoice } from './issue-subscription-invoice';
import { nextPeriodEnd } from './period-end';
import { moveSubscription } from './subscription-standing';

/**
 * What happens to a subscription when its period ends (the caller holds its row): a cancellation
 * set for the period's end ends it; otherwise the next period begins (a trial's end begins the
 * first paid one) and its invoice is issued for the engine to charge at once (charge_automatically,
 * unless the subscription is unpaid) or left open with a due date (send_invoice); while collection
 * is paused, it is kept as a draft, marked uncollectible or voided instead.
 */
export async function renewSubscription(tx: Prisma.TransactionClient, subscriptionId: string, at: Date): Promise<void> {
  const subscription = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: { ...RENEWAL_INCLUDE, customer: { include: RENEWAL_INCLUDE.customer.select } } });
  const ref = { accountId: subscription.accountId, subscriptionId };
  const start = subscription.currentPeriodEnd;
  if (subscription.cancelAtPeriodEnd) {
    await moveSubscription(tx, ref, [subscription.status], { status: 'canceled', canceledAt: subscription.canceledAt ?? start, endedAt: start, cancelAtPeriodEnd: false });
    return;
  }
  const [item] = asRenewed(subscription).items;
  // A plan scheduled on another billing period starts it here: the anchor moves to this renewal.
  const { interval, intervalCount } = item!.price;
  const current = subscription.items[0]!.price;
  const anchor = interval === current.interval && intervalCount === current.intervalCount ? subscription.billingCycleAnchor : start;
  const end = nextPeriodEnd(anchor, interval!, intervalCount, start);
  const renewed = await tx.subscription.update({
    where: { id: subscriptionId },
    data: {
      currentPeriodStart: start,
      currentPeriodEnd: end,
      billingCycleAnchor: anchor,
      ...(subscription.status === 'trialing' ? { status: 'active' } : {}),
      // A plan change scheduled for this moment takes effect, and this renewal bills it.
      ...(subscription.scheduledPriceId ? { scheduledPriceId: null, scheduledQuantity: null, items: { update: { where: { id: item!.id }, data: { priceId: item!.priceId, quantity: item!.quantity } } } } : {}),
    },
    include: SUBSCRIPTION_INCLUDE,
  });
  await recordEvent(tx, { accountId: ref.accountId, type: 'plugipay.subscription.updated.v1', object: serializeSubscription(renewed) });
  await issueSubscriptionInvoice(tx, {
    subscription: renewed,
    customer: subscription.customer,
    periodStart: start,
    periodEnd: end,
    at,
    billingReason: 'subscription_cycle',
    collectAt: renewed.status === 'unpaid' ? null : at,
    paused: renewed.status === 'paused' ? renewed.pauseBehavior : null,
  });
}
