import 'server-only';
import { getPrisma } from '../db/get-db';
import { DELIVERY_TIMEOUT_MS } from './send-webhook';

/**
 * How long a claimed delivery stays the claiming worker's. Longer than an attempt can take, so a
 * live worker never loses its claim; a worker that dies mid-attempt frees it when this runs out.
 */
export const CLAIM_LEASE_MS = DELIVERY_TIMEOUT_MS + 20_000;

/**
 * Claims up to `limit` due deliveries for this worker until the lease ends. One statement: rows
 * another worker is claiming are skipped (SKIP LOCKED), and rows it has just claimed no longer
 * match, so no two workers ever hold the same delivery at once.
 */
export async function claimDueDeliveries(limit: number, now = new Date()): Promise<{ id: string; lockedUntil: Date }[]> {
  const lockedUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "lockedUntil" = ${lockedUntil}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  return rows.map((row) => ({ id: row.id, lockedUntil }));
}
