import { describe, expect, it } from 'vitest';
import { migratedScratchDb } from '../testing/scratch-database';
import { createScratchPostgres } from '../testing/scratch-postgres';
import { openDatabase } from './open-database';

// Raw statements on hot paths run on the driver (lib/db/raw-rows.ts) and must read what Prisma wrote
// and write what Prisma reads, on either database, wherever the server's clock says it is.
describe('the raw SQL runner', () => {
  const scratch = migratedScratchDb();

  it('keeps timestamps in UTC and bigints whole, as Prisma does, in a process far from UTC', async () => {
    const zone = process.env.TZ;
    // Node applies a change of TZ at once; New York is five hours from UTC at this moment.
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date('2026-03-01T12:00:00Z').getTimezoneOffset()).toBe(300);
      const written = new Date('2026-03-01T12:00:00.123Z');
      await scratch().db.sql.query(`INSERT INTO "Account" ("id", "name", "invoicePrefix", "createdAt") VALUES ('acc_01JZZZZZZZZZZZZZZZZZZZZZZA', 'Runner', 'RUNA', $1)`, [written]);
      expect((await scratch().db.prisma.account.findUniqueOrThrow({ where: { id: 'acc_01JZZZZZZZZZZZZZZZZZZZZZZA' } })).createdAt.toISOString()).toBe(written.toISOString());

      const byPrisma = new Date('2026-07-04T23:59:59.999Z');
      await scratch().db.prisma.account.create({ data: { id: 'acc_01JZZZZZZZZZZZZZZZZZZZZZZB', name: 'Prisma', invoicePrefix: 'RUNB', createdAt: byPrisma } });
      const rows = await scratch().db.sql.query<{ id: string; createdAt: Date; big: bigint }>(
        `SELECT "id", "createdAt", 9007199254740993::int8 AS "big" FROM "Account" WHERE "id" LIKE 'acc_01JZZZZZZZZZZZZZZZZZZZZZZ_' ORDER BY "id"`,
      );
      expect(rows.map((row) => [row.id.at(-1), row.createdAt.toISOString(), row.big])).toEqual([
        ['A', written.toISOString(), 9007199254740993n],
        ['B', byPrisma.toISOString(), 9007199254740993n],
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

// A statement the server runs again and again is prepared once per connection (lib/db/statement-names.ts),
// unless the URL says a PgBouncer in transaction mode stands between (pgbouncer=true).
describe.runIf(Boolean(process.env.DATABASE_URL))('statements prepared on PostgreSQL', () => {
  const preparedAfterThreeRuns = async (query: string) => {
    const scratch = await createScratchPostgres(process.env.DATABASE_URL!);
    const db = openDatabase({ databaseUrl: `${scratch.url}${query}`, dataDir: '' });
    try {
      // One transaction, one connection: pg_prepared_statements is the connection's own.
      return await db.sql.transaction(async (tx) => {
        for (const n of [1, 2, 3]) expect(await tx.query<{ n: number }>('SELECT $1::int + 1 AS "n"', [n])).toEqual([{ n: n + 1 }]);
        return tx.query<{ statement: string }>(`SELECT "statement" FROM pg_prepared_statements`);
      });
    } finally {
      await db.close();
      await scratch.drop();
    }
  };

  it('prepares a statement from its second run, under one name', async () => {
    expect(await preparedAfterThreeRuns('')).toEqual([{ statement: 'SELECT $1::int + 1 AS "n"' }]);
  });

  it('prepares none behind PgBouncer (pgbouncer=true), and still answers', async () => {
    expect(await preparedAfterThreeRuns('?pgbouncer=true')).toEqual([]);
  });
});
