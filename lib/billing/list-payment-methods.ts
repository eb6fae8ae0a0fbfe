import 'server-only';
import type { TCustomerScope } from './customer-scope';
import { getPrisma } from '../db/get-db';

/** The customer's saved cards, the default first. Removed cards are kept for receipts but not listed. */
export async function listPaymentMethods({ accountId, customerId }: TCustomerScope) {
  return getPrisma().paymentMethod.findMany({
    where: { accountId, customerId, detachedAt: null },
    orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
  });
}
