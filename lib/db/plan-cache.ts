import type { PGlite, Results, Transaction } from '@electric-sql/pglite';

type TQuery = (sql: string, params?: unknown[], options?: Parameters<PGlite['query']>[2]) => Promise<Results<unknown>>;

/** Statements prepared at most: each holds a plan for as long as the database is open. */
const PREPARED_MAX = 200;
/** Statements counted while waiting for their second run, the least recently seen forgotten first. */
const SEEN_MAX = 2_000;

/**
 * The embedded database with its query plans kept. PGlite sends every statement unnamed, so
 * PostgreSQL plans it anew each time, and in WebAssembly planning a join of a few tables costs more
 * than running it (docs/decisions.md). A SELECT seen a second time is prepared, outside any
 * transaction (a failed PREPARE would abort it), and then run as EXECUTE with its values as quoted
 * literals, which PostgreSQL coerces to the types it inferred, as it does with bound text values.
 * Statements with a value that has no plain text form (arrays, bytes, objects) run as before.
 */
export function withPlanCache(pglite: PGlite): PGlite {
  const seen = new Map<string, number>();
  const prepared = new Map<string, string>();
  const preparing = new Set<string>();
  let named = 0;

  const run = (query: TQuery, topLevel: boolean): TQuery => async (sql, params = [], options) => {
    const literals = literalsOf(params);
    if (literals === null || !/^\s*SELECT\b/i.test(sql)) return query(sql, params, options);
    const name = prepared.get(sql);
    if (name !== undefined) return name ? query(`EXECUTE ${name}${literals}`, [], options) : query(sql, params, options);
    if (topLevel && prepared.size < PREPARED_MAX && !preparing.has(sql) && sawBefore(sql)) {
      preparing.add(sql);
      const next = `plan_${++named}`;
      try {
        await pglite.exec(`PREPARE ${next} AS ${sql}`);
        prepared.set(sql, next);
      } catch {
        // Not preparable (a value whose type only its bound form tells): it runs unnamed, as before.
        prepared.set(sql, '');
      } finally {
        preparing.delete(sql);
      }
    }
    return query(sql, params, options);
  };

  function sawBefore(sql: string): boolean {
    const count = seen.get(sql) ?? 0;
    seen.delete(sql);
    seen.set(sql, count + 1);
    if (seen.size > SEEN_MAX) seen.delete(seen.keys().next().value!);
    return count > 0;
  }

  const wrapTransaction = (tx: Transaction): Transaction =>
    Object.assign(Object.create(tx) as Transaction, { query: run(tx.query.bind(tx) as TQuery, false) });

  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return run(target.query.bind(target) as TQuery, true);
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
