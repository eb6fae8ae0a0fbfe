import 'server-only';
import { Prisma } from '../db/generated/client';

/**
 * Whose billing one run of the engine does: the customers on real time (clockId null) or those on
 * one test clock; optionally one customer of them (a card just added in the portal).
 */
export type TEngineScope = { clockId: string | null; customerId?: string };

/** The scope as a condition on the customer row aliased `c`. */
export function scopeCondition({ clockId, customerId }: TEngineScope): Prisma.Sql {
  const clock = clockId === null ? Prisma.sql`c."testClockId" IS NULL` : Prisma.sql`c."testClockId" = ${clockId}`;
  return customerId ? Prisma.sql`${clock} AND c."id" = ${customerId}` : clock;
}
