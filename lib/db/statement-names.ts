import { createHash } from 'node:crypto';
import { PREPARABLE, PREPARED_MAX, statementRepeats } from './repeated-statements';

/**
 * Names for the statements node-postgres prepares once per connection. An unnamed statement is
 * parsed and planned by PostgreSQL on every run; a named one once per connection, after which
 * PostgreSQL may keep its plan: a mint's three statements took 0.33 ms instead of 0.55
 * (docs/decisions.md, "Prepared statements on PostgreSQL"). A statement is named from its second
 * run. The name is a digest of the text: one name never stands for two statements.
 */
export function statementNamer(): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  const ranBefore = statementRepeats();
  return (sql) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= PREPARED_MAX || !PREPARABLE.test(sql) || !ranBefore(sql)) return known;
    const name = `s_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
