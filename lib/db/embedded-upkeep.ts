import 'server-only';
import { startPollingLoop, type TPollingLoop } from '../server/polling-loop';
import { getDb } from './get-db';
import type { TSqlRunner } from './sql-runner';

/** How often the embedded database's tables are looked at. */
const UPKEEP_POLL_MS = 60_000;
const FIRST_ROUND_AFTER_MS = 5_000;

/**
 * Analyzes and vacuums the tables that need it, by autovacuum's default rules (50 rows plus a
 * tenth of the table changed since the last analysis; 50 plus a fifth dead), or every table when
 * `everything`. The counts live in memory only, so a process analyzes everything once first.
 */
export async function upkeepRound(sql: TSqlRunner, { everything = false } = {}): Promise<string[]> {
  if (everything) {
    await sql.exec('ANALYZE');
    return ['*'];
  }
  const due = await sql.query<{ name: string; vacuum: boolean }>(`
    SELECT quote_ident(s.relname) AS "name", s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) AS "vacuum"
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) OR s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)`);
  for (const table of due) await sql.exec(table.vacuum ? `VACUUM (ANALYZE) ${table.name}` : `ANALYZE ${table.name}`);
  return due.map((table) => table.name);
}

/**
 * PostgreSQL's autovacuum, for the embedded database, which has none: without it the planner
 * keeps the statistics of the empty database the migrations made, and a busy day's claims sort
 * every due row (8.8 ms a claim at 2,000 subscriptions, 0.34 ms once analyzed). The first round,
 * which analyzes everything, comes a few seconds after the start, once a server has answered its
 * first requests, and before a backlog of renewals has gone far.
 */
export function startEmbeddedUpkeep(): TPollingLoop {
  let everything = true;
  let loop: TPollingLoop | undefined;
  const first = setTimeout(() => {
    loop = startPollingLoop({
      name: 'embedded database upkeep',
      pollMs: UPKEEP_POLL_MS,
      tick: async () => {
        await upkeepRound(getDb().sql, { everything });
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
