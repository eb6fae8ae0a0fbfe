import { describe, expect, it } from 'vitest';
import { migratedScratchDb } from '../testing/scratch-database';
import { upkeepRound } from './database-upkeep';

// A stand-in for autovacuum, on either kind of database (a server may have autovacuum off).
describe('the database’s upkeep', () => {
  const scratch = migratedScratchDb();

  // A backend publishes its counts when idle, at most once a second; this asks for the next idle moment.
  const change = (statement: string) => scratch().db.sql.exec(`${statement}; SELECT pg_stat_force_next_flush()`);
  const estimatedAccounts = async () =>
    (await scratch().db.sql.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'Account'`))[0]!.n;
  const deadAccounts = async () =>
    (await scratch().db.sql.query<{ n: number }>(`SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'Account'`))[0]!.n;

  it('analyzes a table once enough of it changed, and leaves alone what did not', async () => {
    await change(`INSERT INTO "Account" ("id", "name", "invoicePrefix") SELECT 'acc_' || lpad(g::text, 26, '0'), 'Bulk', 'BULK' FROM generate_series(1, 300) g`);
    expect(await estimatedAccounts()).toBeLessThan(300);
    expect(await upkeepRound(scratch().db.sql)).toEqual(['"Account"']);
    expect(await estimatedAccounts()).toBe(300);
    expect(await upkeepRound(scratch().db.sql)).toEqual([]);
    // Fewer than 50 + 10 % of the rows: not yet.
    await change(`UPDATE "Account" SET "name" = 'Renamed' WHERE "id" <= 'acc_' || lpad('40', 26, '0')`);
    expect(await upkeepRound(scratch().db.sql)).toEqual([]);
  });

  it('vacuums a table whose dead rows pass a fifth of it', async () => {
    await change(`DELETE FROM "Account" WHERE "name" = 'Bulk' AND "id" <= 'acc_' || lpad('200', 26, '0')`);
    expect(await deadAccounts()).toBeGreaterThan(100);
    expect(await upkeepRound(scratch().db.sql)).toEqual(['"Account"']);
    expect(await deadAccounts()).toBe(0);
    expect(await estimatedAccounts()).toBe(140);
  });

  it('analyzes everything when asked (a process’s first round: the counts start empty)', async () => {
    await change(`DELETE FROM "Account" WHERE "name" = 'Renamed'`);
    expect(await upkeepRound(scratch().db.sql, { everything: true })).toEqual(['*']);
    expect(await estimatedAccounts()).toBe(100);
  });
});
