import 'server-only';
import { Prisma } from '../db/generated/client';

/**
 * Whose billing one run of the engine does: the customers on real time (clockId null) or those on
 * one test clock; optionally only some of them (the demo's, whose history the seed runs).
 */
export type TEngineScope = { clockId: string | null; customerIds?: readonly string[] };

/** The scope as a condition on the customer row aliased `c`. */
export function scopeCondition({ clockId, customerIds }: TEngineScope): Prisma.Sql {
  const clock = clockId === null ? Prisma.sql`c."testClockId" IS NULL` : Prisma.sql`c."testClockId" = ${clockId}`;
  return customerIds ? Prisma.sql`${clock} AND c."id" IN (${customerIds.length ? Prisma.join(customerIds) : Prisma.sql`NULL`})` : clock;
}
