import 'server-only';
import { Prisma } from './generated/client';
import { getDb } from './get-db';

/**
 * A `Prisma.sql` statement run by the database driver itself. `$queryRaw` passes even raw SQL
 * through Prisma's query engine, which costs more than the statement: on PGlite, the portal's login
 * read took 0.57 ms through it and 0.17 ms without (docs/decisions.md, "Raw SQL on hot paths"). For
 * the few statements every request runs. Values come back as `$queryRaw` gives them (Dates in
 * UTC, BigInts); a unique index's refusal is PostgreSQL's 23505, not P2002 (isUniqueViolation).
 */
export function rawRows<T>(statement: Prisma.Sql): Promise<T[]> {
  return getDb().sql.query<T>(statement.text, statement.values);
}

/** A unique index refused the statement: P2002 from Prisma's queries, PostgreSQL's 23505 from a raw one. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return error.code === 'P2002' || JSON.stringify(error.meta ?? {}).includes('23505') || error.message.includes('23505');
  }
  return (error as { code?: unknown } | null)?.code === '23505';
}
