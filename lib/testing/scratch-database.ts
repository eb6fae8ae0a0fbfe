import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations } from '../db/apply-migrations';
import { openDatabase, type TDatabase } from '../db/open-database';
import { createScratchPostgres } from './scratch-postgres';

export type TScratchDb = { db: TDatabase; dataDir: string; dispose: () => Promise<void> };

/**
 * An empty database of the kind the suite runs on: a scratch PostgreSQL database when DATABASE_URL
 * is set, otherwise PGlite in a temporary folder.
 */
export async function openScratchDb(): Promise<TScratchDb> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-db-'));
  const serverUrl = process.env.DATABASE_URL;
  const scratch = serverUrl ? await createScratchPostgres(serverUrl) : undefined;
  const db = openDatabase({ databaseUrl: scratch?.url, dataDir });
  return {
    db,
    dataDir,
    dispose: async () => {
      await db.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** For a test file: a scratch database with the schema, opened before its tests and dropped after. */
export function migratedScratchDb(): () => TScratchDb {
  let scratch: TScratchDb;
  beforeAll(async () => {
    scratch = await openScratchDb();
    await applyMigrations(scratch.db.sql);
  });
  afterAll(() => scratch.dispose());
  return () => scratch;
}
