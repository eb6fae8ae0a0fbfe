/**
 * What both databases' statement caches keep (lib/db/plan-cache.ts on PGlite, lib/db/statement-names.ts
 * on PostgreSQL): statements PREPARE takes, a query or a change with its RETURNING (not BEGIN, SET
 * or DDL), from their second run, so that the one-off texts of migrations and scripts are not kept.
 */
export const PREPARABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

/** Statements prepared at most: each holds a plan for as long as its database or connection is open. */
export const PREPARED_MAX = 200;

/** Statements remembered while waiting for their second run, the least recently seen forgotten first. */
const SEEN_MAX = 2_000;

/** Answers, for each statement run, whether it ran before. */
export function statementRepeats(): (sql: string) => boolean {
  // A Set keeps insertion order: a statement seen again moves to the end, the first is the least recent.
  const seen = new Set<string>();
  return (sql) => {
    const before = seen.delete(sql);
    seen.add(sql);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value!);
    return before;
  };
}
