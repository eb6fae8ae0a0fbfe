import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { LIVE_STATUSES } from '../billing-engine/subscription-standing';
import { getPrisma } from '../db/get-db';
import { RENEWAL_INCLUDE, type TRenewableSubscription } from './renewal-charge';

const LIVE = { status: { in: LIVE_STATUSES } };

/** The customer's subscriptions that have not ended, newest first, loaded as their next charge needs. */
export async function listLiveSubscriptions({ accountId, customerId }: TCustomerScope): Promise<TRenewableSubscription[]> {
  return getPrisma().subscription.findMany({ where: { accountId, customerId, ...LIVE }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: RENEWAL_INCLUDE });
}

/** One of the customer's subscriptions that have not ended, or null (another customer's id included). */
export async function findLiveSubscription({ accountId, customerId }: TCustomerScope, subscriptionId: string): Promise<TRenewableSubscription | null> {
  return getPrisma().subscription.findFirst({ where: { id: subscriptionId, accountId, customerId, ...LIVE }, include: RENEWAL_INCLUDE });
}
