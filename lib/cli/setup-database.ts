import { writeFileSync } from 'node:fs';
import { applyMigrations } from '../db/apply-migrations';
import type { TDatabase } from '../db/open-database';
import type { TConfig } from '../config/load-config';
import { seedDemoData } from '../../prisma/seed/seed-demo-data';

export async function migrateAndSeed(db: TDatabase, config: TConfig): Promise<void> {
  await applyMigrations(db.sql);
  const credentials = await seedDemoData({ masterKey: config.masterKey, baseUrl: config.portalBaseUrl });
  writeFileSync(config.demoCredentialsPath, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  console.log(`Demo data is in the ${db.kind} database ${db.location}; keys and customer ids: ${config.demoCredentialsPath}`);
}

/** Migrates; seeds the demo data only into an empty database, and only in demo mode. */
export async function setUpDatabase(db: TDatabase, config: TConfig): Promise<void> {
  await applyMigrations(db.sql);
  if (config.mode !== 'demo') return;
  if ((await db.prisma.account.count()) > 0) return;
  await migrateAndSeed(db, config);
}
