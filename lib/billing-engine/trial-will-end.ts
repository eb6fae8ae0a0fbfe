import 'server-only';
import type { Prisma } from '../db/generated/client';
import { serializeSubscription, SUBSCRIPTION_INCLUDE } from '../subscriptions/subscription-resource';
import { recordEvent } from '../webhooks/record-event';

/** How long before a trial ends the merchant hears of it (as Stripe's customer.subscription.trial_will_end). */
export const TRIAL_NOTICE_MS = 3 * 86_400_000;

/** Sends plugipay.subscription.trial_will_end.v1 for a trial (the caller holds its row), once. */
export async function announceTrialEnd(tx: Prisma.TransactionClient, subscriptionId: string, at: Date): Promise<void> {
  const subscription = await tx.subscription.update({ where: { id: subscriptionId }, data: { trialWillEndSentAt: at }, include: SUBSCRIPTION_INCLUDE });
  await recordEvent(tx, { accountId: subscription.accountId, type: 'plugipay.subscription.trial_will_end.v1', object: serializeSubscription(subscription) });
}
