import 'server-only';
import { clientIp, truncateIp, truncateUserAgent } from '../audit/client-fingerprint';
import { recordAudit } from '../audit/record-audit';
import { getConfig } from '../config/get-config';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { isUniqueViolation, rawRows } from '../db/raw-rows';
import { newId } from '../ids/new-id';
import { logger } from '../log/logger';
import { verifyPortalToken } from '../portal-sessions/portal-token';
import { hashCookieValue, newCookieValue } from './portal-cookie';

// More than any burst of one customer's links opened at the same moment (a support agent's and
// the merchant's, several tabs).
const MAX_OPEN_ATTEMPTS = 12;

export type TLinkSession = { id: string; accountId: string; customerId: string; returnUrl: string; locale: string };

export type TOpenOutcome =
  | { kind: 'opened'; session: TConsumed; cookieValue: string; maxAgeSeconds: number }
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
      // Each refusal means another open won, so a burst of n links settles within n attempts; the
      // bound only guards against a fault that is not a race.
      if (!isUniqueViolation(error) || attempt >= MAX_OPEN_ATTEMPTS - 1) throw error;
    }
  }
}

type TConsumed = TLinkSession & { flowType: string | null; flowSubscriptionId: string | null };

async function consume(sessionId: string, headers: Headers, now: Date): Promise<TOpenOutcome> {
  const prisma = getPrisma();
  const { portalLoginTtlSeconds } = getConfig();
  const cookieValue = newCookieValue();
  const loginId = newId('portalLogin');
  const expiresAt = new Date(now.getTime() + portalLoginTtlSeconds * 1000);
  // One statement, atomic on its own (an open is the busiest path after a mint; as a transaction it
  // was seven round trips, docs/decisions.md): the conditional update that exactly one open wins,
  // the customer's active login ended, the new one inserted (only once the old one is ended: its
  // WHERE waits on the count), and the audit entry.
  const [opened] = await rawRows<TConsumed>(Prisma.sql`
    WITH "consumed" AS (
      UPDATE "PortalSession" SET "consumedAt" = ${now}
      WHERE "id" = ${sessionId} AND "consumedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "id", "accountId", "customerId", "returnUrl", "locale", "flowType", "flowSubscriptionId"),
    "ended" AS (
      UPDATE "PortalLogin" l SET "endedAt" = ${now}, "endReason" = 'replaced'
      FROM "consumed" c WHERE l."accountId" = c."accountId" AND l."customerId" = c."customerId" AND l."endedAt" IS NULL
      RETURNING l."id"),
    "login" AS (
      INSERT INTO "PortalLogin" ("id", "accountId", "customerId", "portalSessionId", "cookieHash", "createdAt", "lastSeenAt", "expiresAt")
      SELECT ${loginId}, "accountId", "customerId", "id", ${hashCookieValue(cookieValue)}, ${now}, ${now}, ${expiresAt}
      FROM "consumed" WHERE (SELECT count(*) FROM "ended") >= 0
      RETURNING "id"),
    "audit" AS (
      INSERT INTO "AuditLog" ("id", "accountId", "customerId", "portalSessionId", "action", "outcome", "ipPrefix", "userAgent", "metadata", "createdAt")
      SELECT ${newId('auditLog')}, "accountId", "customerId", "id", 'portal_link.open', 'ok', ${truncateIp(clientIp(headers))}, ${truncateUserAgent(headers.get('user-agent'))},
        jsonb_build_object('replacedLogins', (SELECT count(*) FROM "ended")), ${now}
      FROM "consumed" WHERE EXISTS (SELECT 1 FROM "login"))
    SELECT "id", "accountId", "customerId", "returnUrl", "locale", CAST("flowType" AS TEXT) AS "flowType", "flowSubscriptionId" FROM "consumed"`);
  if (opened) return { kind: 'opened', session: opened, cookieValue, maxAgeSeconds: portalLoginTtlSeconds };
  // Used, expired meanwhile, or unknown: the rare path, said apart with a read.
  const session = await prisma.portalSession.findUnique({
    where: { id: sessionId },
    select: { id: true, accountId: true, customerId: true, returnUrl: true, locale: true },
  });
  if (!session) return { kind: 'invalid', reason: 'unknown_session' };
  await recordAudit({ accountId: session.accountId, customerId: session.customerId, portalSessionId: session.id, headers, action: 'portal_link.open', outcome: 'refused', reason: 'already_used' });
  return { kind: 'used', session };
}
