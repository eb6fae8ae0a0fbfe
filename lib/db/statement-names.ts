import { createHash } from 'node:crypto';

/** What a named statement can be: a query, or a change with its RETURNING (not BEGIN, SET, DDL). */
const PLANNED = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;
/** Statements named at most: a connection keeps each it prepared for as long as it lives. */
const NAMED_MAX = 200;
/** Statements remembered while waiting for their second run; all forgotten at once past this. */
const SEEN_MAX = 2_000;

/**
 * Names for the statements node-postgres prepares once per connection. An unnamed statement is
 * parsed and planned by PostgreSQL on every run; a named one once per connection, after which
 * PostgreSQL may keep its plan: a mint's three statements took 0.33 ms instead of 0.55
 * (docs/decisions.md, "Prepared statements on PostgreSQL"). A statement is named from its second
 * run, so that the one-off texts of migrations and scripts are not kept. The name is a digest of
 * the text: one name never stands for two statements.
 */
export function statementNamer(): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  return (sql) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= NAMED_MAX || !PLANNED.test(sql)) return known;
    if (!seen.has(sql)) {
      if (seen.size >= SEEN_MAX) seen.clear();
      seen.add(sql);
      return undefined;
    }
    seen.delete(sql);
    const name = `s_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
