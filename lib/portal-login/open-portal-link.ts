import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { getConfig } from '../config/get-config';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { newId } from '../ids/new-id';
import { logger } from '../log/logger';
import { verifyPortalToken } from '../portal-sessions/portal-token';
import { hashCookieValue, newCookieValue } from './portal-cookie';

export type TLinkSession = { id: string; accountId: string; customerId: string; returnUrl: string; locale: string };

export type TOpenOutcome =
  | { kind: 'opened'; session: TLinkSession & { flowType: string | null }; cookieValue: string; maxAgeSeconds: number }
  | { kind: 'used'; session: TLinkSession }
  | { kind: 'expired' }
  | { kind: 'invalid'; reason: string };

/**
 * Opens a portal link: checks the token without the database, then consumes the session with one
 * conditional update, so exactly one of any number of concurrent opens wins, on any instance. The
 * winner gets a new login (replacing the customer's active one), stored as a hash of its cookie.
 */
export async function openPortalLink(token: string, headers: Headers, now = new Date()): Promise<TOpenOutcome> {
  const config = getConfig();
  const check = verifyPortalToken(token, config.portalTokenKeys, now.getTime());
  if (!check.ok) {
    // Never reaches the database: a forged or stale token costs one HMAC. The reason goes to the log.
    logger.info({ audit: 'portal_link.open_refused', reason: check.reason, sessionId: check.sessionId }, 'portal link refused');
    return check.reason === 'expired' ? { kind: 'expired' } : { kind: 'invalid', reason: check.reason };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await consume(check.sessionId, headers, now);
    } catch (error) {
      // Two links of one customer opened at once both end the active login and insert theirs; the
      // one-active-login index refuses the second, which then runs again and replaces the first.
      const conflict = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!conflict || attempt >= 2) throw error;
    }
  }
}

async function consume(sessionId: string, headers: Headers, now: Date): Promise<TOpenOutcome> {
  const prisma = getPrisma();
  const { portalLoginTtlSeconds } = getConfig();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.portalSession.updateMany({
      where: { id: sessionId, consumedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    const session = await tx.portalSession.findUnique({
      where: { id: sessionId },
      select: { id: true, accountId: true, customerId: true, returnUrl: true, locale: true, flowType: true, consumedAt: true },
    });
    if (!session) return { kind: 'invalid', reason: 'unknown_session' } as const;
    const audit = { accountId: session.accountId, customerId: session.customerId, portalSessionId: session.id, headers };
    if (count === 0) {
      await recordAudit({ ...audit, action: 'portal_link.open', outcome: 'refused', reason: 'already_used' }, tx);
      return { kind: 'used', session } as const;
    }
    const replaced = await tx.portalLogin.updateMany({
      where: { accountId: session.accountId, customerId: session.customerId, endedAt: null },
      data: { endedAt: now, endReason: 'replaced' },
    });
    const cookieValue = newCookieValue();
    await tx.portalLogin.create({
      data: {
        id: newId('portalLogin'),
        accountId: session.accountId,
        customerId: session.customerId,
        portalSessionId: session.id,
        cookieHash: hashCookieValue(cookieValue),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + portalLoginTtlSeconds * 1000),
      },
    });
    await recordAudit({ ...audit, action: 'portal_link.open', metadata: { replacedLogins: replaced.count } }, tx);
    return { kind: 'opened', session, cookieValue, maxAgeSeconds: portalLoginTtlSeconds } as const;
  });
}
