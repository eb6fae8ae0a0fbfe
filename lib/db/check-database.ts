import 'server-only';
import { getDb } from './get-db';

export type TDatabaseStatus = { kind: 'embedded' | 'postgresql'; ok: boolean };

export async function checkDatabase(): Promise<TDatabaseStatus> {
  const db = getDb();
  try {
    await db.sql.query('SELECT 1');
    return { kind: db.kind, ok: true };
  } catch {
    return { kind: db.kind, ok: false };
  }
}
