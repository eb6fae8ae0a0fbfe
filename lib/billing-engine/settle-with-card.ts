import 'server-only';
import type { TCustomerScope } from '../billing/customer-scope';
import { getPrisma } from '../db/get-db';
import { billingTime } from './billing-time';
import { collectNow } from './collect-invoice';

/**
 * A card the customer has just made their default pays, at once, what their subscriptions are
 * waiting on (past_due, unpaid, incomplete): each open invoice, oldest first, charged once. A
 * decline leaves the invoice and its retry schedule as they were.
 */
export async function settleWithCard(scope: TCustomerScope, paymentMethodId: string, realNow = new Date()): Promise<void> {
  const prisma = getPrisma();
  const { accountId, customerId } = scope;
  const waiting = await prisma.invoice.findMany({
    where: { accountId, customerId, status: 'open', collectionMethod: 'charge_automatically', subscription: { status: { in: ['past_due', 'unpaid', 'incomplete'] } } },
    orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  if (waiting.length === 0) return;
  const customer = await prisma.customer.findFirstOrThrow({ where: { id: customerId, accountId }, select: { accountId: true, testClockId: true } });
  const at = await billingTime(prisma, customer, realNow);
  for (const { id } of waiting) await collectNow(accountId, id, at, paymentMethodId);
}
