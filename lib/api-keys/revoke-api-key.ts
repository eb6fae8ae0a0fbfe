import 'server-only';
import type { PrismaClient } from '../db/generated/client';

/** Revokes a key for good; requests signed with it are refused from now on. Returns false if unknown. */
export async function revokeApiKey(db: Pick<PrismaClient, 'apiKey'>, keyId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 1) return true;
  return (await db.apiKey.count({ where: { id: keyId } })) === 1;
}
