import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';
import { RENEWAL_INCLUDE } from './renewal-charge';

/** The customer's current (not yet ended) subscription with its price and product, or null. */
export async function getCurrentSubscription({ accountId, customerId }: TCustomerScope, subscriptionId?: string) {
  return getPrisma().subscription.findFirst({
    where: { accountId, customerId, status: { not: 'canceled' }, ...(subscriptionId ? { id: subscriptionId } : {}) },
    orderBy: { createdAt: 'desc' },
    include: RENEWAL_INCLUDE,
  });
}
