import 'server-only';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSqlRunner } from './sql-runner';

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

// Any constant works; it only has to be the same in every instance so they migrate one at a time.
const MIGRATION_LOCK_ID = 7_215_004_310;

type TMigration = { name: string; sql: string; checksum: string };

export type TMigrationResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function readMigrations(dir: string): TMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own transaction with
 * its record in `_plugipay_migrations`: a failure leaves no trace of that migration, a second run
 * applies nothing, and instances starting together on one server take turns (advisory lock).
 */
export async function applyMigrations(sql: TSqlRunner, dir = MIGRATIONS_DIR): Promise<TMigrationResult> {
  const migrations = readMigrations(dir);
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS "_plugipay_migrations" (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });

  const result: TMigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      const [done] = await tx.query<{ checksum: string }>('SELECT checksum FROM "_plugipay_migrations" WHERE name = $1', [
        migration.name,
      ]);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied. Add a new migration instead of changing an applied one.`,
          );
        }
        result.alreadyApplied.push(migration.name);
        return;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await tx.query('INSERT INTO "_plugipay_migrations" (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
      result.applied.push(migration.name);
    });
  }
  return result;
}
