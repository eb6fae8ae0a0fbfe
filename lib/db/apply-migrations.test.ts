import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openScratchDb, type TScratchDb } from '../testing/scratch-database';
import { applyMigrations, MigrationError, MIGRATIONS_DIR } from './apply-migrations';
import type { TSqlRunner } from './sql-runner';

let scratch: TScratchDb;
beforeEach(async () => {
  scratch = await openScratchDb();
});
afterEach(async () => {
  await scratch.dispose();
});

async function schemaSnapshot(sql: TSqlRunner) {
  return sql.query(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
}

async function tableExists(sql: TSqlRunner, name: string) {
  const [row] = await sql.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`public."${name}"`]);
  return row!.exists;
}

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('applyMigrations', () => {
  it('builds the whole schema from empty, and a second run changes nothing', async () => {
    const first = await applyMigrations(scratch.db.sql, MIGRATIONS_DIR);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.alreadyApplied).toEqual([]);
    const before = await schemaSnapshot(scratch.db.sql);
    expect(await tableExists(scratch.db.sql, 'Invoice')).toBe(true);

    const second = await applyMigrations(scratch.db.sql, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect(await schemaSnapshot(scratch.db.sql)).toEqual(before);
  });

  it('rolls a failing migration back whole and records only what succeeded', async () => {
    const dir = migrationsDir({
      '001_good': 'CREATE TABLE good (id int);',
      '002_bad': 'CREATE TABLE half_done (id int); INSERT INTO good VALUES (1); SELECT 1 / 0;',
    });
    try {
      await expect(applyMigrations(scratch.db.sql, dir)).rejects.toThrow(MigrationError);
      expect(await tableExists(scratch.db.sql, 'good')).toBe(true);
      expect(await tableExists(scratch.db.sql, 'half_done')).toBe(false);
      expect(await scratch.db.sql.query('SELECT * FROM good')).toEqual([]);
      const recorded = await scratch.db.sql.query<{ name: string }>('SELECT name FROM "_plugipay_migrations" ORDER BY name');
      expect(recorded.map((r) => r.name)).toEqual(['001_good']);

      // Fixed, it applies on the next run, and only it.
      writeFileSync(path.join(dir, '002_bad', 'migration.sql'), 'CREATE TABLE half_done (id int);');
      expect(await applyMigrations(scratch.db.sql, dir)).toEqual({ applied: ['002_bad'], alreadyApplied: ['001_good'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to go on when an applied migration was edited', async () => {
    const dir = migrationsDir({ '001_first': 'CREATE TABLE first (id int);' });
    try {
      await applyMigrations(scratch.db.sql, dir);
      writeFileSync(path.join(dir, '001_first', 'migration.sql'), 'CREATE TABLE first (id bigint);');
      await expect(applyMigrations(scratch.db.sql, dir)).rejects.toThrow(/001_first was edited/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('enforces the money and card rules in the database itself', async () => {
    await applyMigrations(scratch.db.sql, MIGRATIONS_DIR);
    await expect(
      scratch.db.sql.exec(`INSERT INTO "Account" (id, name, "invoicePrefix") VALUES ('acc_not-a-ulid', 'x', 'NOTAULID')`),
    ).rejects.toThrow(/Account_id_format/);
  });
});
