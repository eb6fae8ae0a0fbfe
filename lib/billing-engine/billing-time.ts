import 'server-only';
import type { Prisma, PrismaClient } from '../db/generated/client';

/** The time a customer is billed on: their test clock's frozen time, else the real time. */
export async function billingTime(db: PrismaClient | Prisma.TransactionClient, customer: { accountId: string; testClockId: string | null }, realNow: Date): Promise<Date> {
  if (!customer.testClockId) return realNow;
  const clock = await db.testClock.findUniqueOrThrow({ where: { accountId_id: { accountId: customer.accountId, id: customer.testClockId } }, select: { frozenTime: true } });
  return clock.frozenTime;
}

/** billingTime for one customer of one account, in one round trip. */
export async function customerBillingTime(db: PrismaClient | Prisma.TransactionClient, { accountId, customerId }: { accountId: string; customerId: string }, realNow: Date): Promise<Date> {
  const customer = await db.customer.findFirstOrThrow({ where: { id: customerId, accountId }, select: { testClock: { select: { frozenTime: true } } } });
  return customer.testClock?.frozenTime ?? realNow;
}
