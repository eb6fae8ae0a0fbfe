import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { PREPARABLE, PREPARED_MAX, statementRepeats } from './repeated-statements';

type TOptions = Parameters<PGlite['query']>[2];
type TQuery = (sql: string, params?: unknown[], options?: TOptions) => Promise<Results<unknown>>;
type TExec = (sql: string, options?: TOptions) => Promise<Results<unknown>[]>;

/**
 * The embedded database with its query plans kept. PGlite sends every statement unnamed, so
 * PostgreSQL plans it anew each time, and in WebAssembly planning a join of a few tables costs more
 * than running it (docs/decisions.md). A statement seen a second time is prepared, and from then on
 * runs as EXECUTE with its values as quoted literals, which PostgreSQL coerces to the types it
 * inferred, as it does with bound text values.
 * Statements with a value that has no plain text form (arrays, bytes, objects) run as before.
 */
export function withPlanCache(pglite: PGlite): PGlite {
  const prepared = new Map<string, string>();
  const preparing = new Set<string>();
  let named = 0;
  const sawBefore = statementRepeats();

  const run = (query: TQuery, exec: TExec, inTransaction: boolean): TQuery => async (sql, params = [], options) => {
    const literals = literalsOf(params);
    if (literals === null || !PREPARABLE.test(sql)) return query(sql, params, options);
    const name = prepared.get(sql);
    // Without parameters, EXECUTE needs no extended protocol: `exec` sends it in two round trips
    // where `query` takes six (parse, describe, bind, describe, execute, sync).
    if (name) return (await exec(`EXECUTE ${name}${literals}`, options))[0]!;
    if (name !== undefined) return query(sql, params, options);
    if (prepared.size < PREPARED_MAX && !preparing.has(sql) && sawBefore(sql)) {
      preparing.add(sql);
      try {
        prepared.set(sql, (await prepare(exec, inTransaction, sql)) ?? '');
      } catch {
        // The transaction had already failed: its next statement says so, and this one waits for another run.
      } finally {
        preparing.delete(sql);
      }
    }
    return query(sql, params, options);
  };

  /** The new statement's name, or null when PostgreSQL refuses to prepare it (it runs unnamed, as before). */
  async function prepare(exec: TExec, inTransaction: boolean, sql: string): Promise<string | null> {
    const name = `plan_${++named}`;
    // Inside a transaction a failed PREPARE would abort it; a savepoint takes the failure alone.
    // A prepared statement is the session's, not the transaction's: it outlives a rollback.
    if (!inTransaction) return exec(`PREPARE ${name} AS ${sql}`).then(() => name, () => null);
    await exec('SAVEPOINT plan_cache');
    try {
      await exec(`PREPARE ${name} AS ${sql}`);
      await exec('RELEASE SAVEPOINT plan_cache');
      return name;
    } catch {
      await exec('ROLLBACK TO SAVEPOINT plan_cache; RELEASE SAVEPOINT plan_cache');
      return null;
    }
  }

  const wrapTransaction = (tx: Transaction): Transaction =>
    Object.assign(Object.create(tx) as Transaction, { query: run(tx.query.bind(tx) as TQuery, tx.exec.bind(tx) as TExec, true) });

  // Made once: the proxy hands it out on every query.
  const query = run(pglite.query.bind(pglite) as TQuery, pglite.exec.bind(pglite) as TExec, false);
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'transaction') return <T>(fn: (tx: Transaction) => Promise<T>) => target.transaction((tx) => fn(wrapTransaction(tx)));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `('a', '1', …)`: each value as PGlite would send it bound, quoted; null when one has no plain form. */
function literalsOf(params: unknown[]): string | null {
  if (params.length === 0) return '';
  const parts: string[] = [];
  for (const value of params) {
    if (value === null || value === undefined) parts.push('NULL');
    else if (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'boolean') parts.push(quote(String(value)));
    else if (typeof value === 'number' && Number.isFinite(value)) parts.push(quote(String(value)));
    else if (value instanceof Date && !Number.isNaN(value.getTime())) parts.push(quote(value.toISOString()));
    else return null;
  }
  return `(${parts.join(', ')})`;
}

// An E'' string reads the same whatever standard_conforming_strings says.
const quote = (text: string) => `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
