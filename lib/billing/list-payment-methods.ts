import 'server-only';
import { getPrisma } from '../db/get-db';

type TScope = { accountId: string; customerId: string };

/** The customer's saved cards, the default first. Removed cards are kept for receipts but not listed. */
export async function listPaymentMethods({ accountId, customerId }: TScope) {
  return getPrisma().paymentMethod.findMany({
    where: { accountId, customerId, detachedAt: null },
    orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
  });
}
