import 'server-only';
import type { Prisma, PrismaClient } from '../db/generated/client';

/** The time a customer is billed on: their test clock's frozen time, else the real time. */
export async function billingTime(db: PrismaClient | Prisma.TransactionClient, customer: { accountId: string; testClockId: string | null }, realNow: Date): Promise<Date> {
  if (!customer.testClockId) return realNow;
  const clock = await db.testClock.findUniqueOrThrow({ where: { accountId_id: { accountId: customer.accountId, id: customer.testClockId } }, select: { frozenTime: true } });
  return clock.frozenTime;
}
