import 'server-only';
import { startPollingLoop, type TPollingLoop } from '../server/polling-loop';
import { getDb } from './get-db';
import type { TDatabase } from './open-database';
import type { TSqlRunner } from './sql-runner';

/** How often the tables are looked at. */
const UPKEEP_POLL_MS = 60_000;
const FIRST_ROUND_AFTER_MS = 5_000;

/**
 * Analyzes and vacuums the tables that need it, by autovacuum's default rules (50 rows plus a
 * tenth of the table changed since the last analysis; 50 plus a fifth dead), or every table when
 * `everything`. PGlite keeps the counts in memory only, so a process analyzes everything once first.
 */
export async function upkeepRound(sql: TSqlRunner, { everything = false } = {}): Promise<string[]> {
  if (everything) {
    await sql.exec('ANALYZE');
    return ['*'];
  }
  const due = await sql.query<{ name: string; vacuum: boolean }>(`
    SELECT "name", "vacuum" FROM (
      SELECT quote_ident(s.relname) AS "name", s.n_mod_since_analyze > 50 + 0.1 * t.rows AS "analyze", s.n_dead_tup > 50 + 0.2 * t.rows AS "vacuum"
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid, LATERAL (SELECT greatest(c.reltuples, 0) AS rows) t
    ) tables WHERE "analyze" OR "vacuum"`);
  for (const table of due) await sql.exec(table.vacuum ? `VACUUM (ANALYZE) ${table.name}` : `ANALYZE ${table.name}`);
  return due.map((table) => table.name);
}

/** Whether the database analyzes its own tables: a PostgreSQL server with autovacuum on does. */
async function keepsItsOwnStatistics(db: TDatabase): Promise<boolean> {
  if (db.kind === 'embedded') return false;
  const [row] = await db.sql.query<{ on: boolean }>(`SELECT current_setting('autovacuum') = 'on' AS "on"`);
  return row?.on ?? false;
}

/**
 * PostgreSQL's autovacuum, for a database without it: PGlite runs no background processes, and a
 * server may have it switched off. Without it the planner keeps the statistics of the empty
 * database the migrations made, and a busy day's claims join and sort every due row (8.8 ms a
 * claim among 2,000 subscriptions on PGlite, 445 ms among 3,000 on a server; 0.2–0.3 ms once
 * analyzed). The first round, which analyzes everything, comes a few seconds after the start, once
 * a server has answered its first requests, and before a backlog of renewals has gone far. Several
 * instances on one server may all run it: the counts are shared, and a table analyzed by one is no
 * longer due for the others.
 */
export function startDatabaseUpkeep(): TPollingLoop {
  let everything = true;
  let loop: TPollingLoop | undefined;
  const first = setTimeout(async () => {
    const db = getDb();
    if (await keepsItsOwnStatistics(db).catch(() => true)) return;
    loop = startPollingLoop({
      name: 'database upkeep',
      pollMs: UPKEEP_POLL_MS,
      tick: async () => {
        await upkeepRound(db.sql, { everything });
        everything = false;
        return false;
      },
    });
  }, FIRST_ROUND_AFTER_MS);
  first.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      await loop?.stop();
    },
  };
}
