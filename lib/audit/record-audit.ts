import 'server-only';
import type { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { clientIp, truncateIp, truncateUserAgent } from './client-fingerprint';

export type TAuditEntry = {
  action: string;
  outcome?: 'ok' | 'refused' | 'failed';
  reason?: string;
  accountId?: string | null;
  customerId?: string | null;
  portalSessionId?: string | null;
  metadata?: Record<string, unknown>;
  headers?: Headers;
};

type TDb = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Appends to the audit log; pass a transaction client to record it with the change itself. */
export async function recordAudit(entry: TAuditEntry, db: TDb = getPrisma()): Promise<void> {
  await db.auditLog.create({
    data: {
      id: newId('auditLog'),
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      reason: entry.reason ?? null,
      accountId: entry.accountId ?? null,
      customerId: entry.customerId ?? null,
      portalSessionId: entry.portalSessionId ?? null,
      ipPrefix: truncateIp(entry.headers ? clientIp(entry.headers) : null),
      userAgent: truncateUserAgent(entry.headers?.get('user-agent')),
      metadata: (entry.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
