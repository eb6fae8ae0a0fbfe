import 'server-only';
import { getConfig } from '../config/get-config';
import { openDatabase, type TDatabase } from './open-database';

const DB = Symbol.for('plugipay.db');
type TGlobal = typeof globalThis & { [DB]?: TDatabase };

/**
 * The process's database, opened on first use (never at import, so `next build` opens nothing).
 * Kept on globalThis so that the server's shutdown hook and dev reloads find the same instance.
 */
export function getDb(): TDatabase {
  const g = globalThis as TGlobal;
  if (!g[DB]) {
    const { databaseUrl, dataDir } = getConfig();
    g[DB] = openDatabase({ databaseUrl, dataDir });
  }
  return g[DB];
}

/** Makes a database this process opened itself (a test's scratch database) the process's. */
export function useDb(db: TDatabase): void {
  (globalThis as TGlobal)[DB] = db;
}

export function getPrisma() {
  return getDb().prisma;
}

/** Closes the database if this process opened one; the server calls it on shutdown. */
export async function closeDb(): Promise<void> {
  const g = globalThis as TGlobal;
  const db = g[DB];
  delete g[DB];
  await db?.close();
}
