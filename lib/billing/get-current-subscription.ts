import 'server-only';
import { getPrisma } from '../db/get-db';

type TScope = { accountId: string; customerId: string };

/** The customer's current (not yet ended) subscription with its price and product, or null. */
export async function getCurrentSubscription({ accountId, customerId }: TScope, subscriptionId?: string) {
  return getPrisma().subscription.findFirst({
    where: { accountId, customerId, status: { not: 'canceled' }, ...(subscriptionId ? { id: subscriptionId } : {}) },
    orderBy: { createdAt: 'desc' },
    include: { price: { include: { product: true } } },
  });
}
