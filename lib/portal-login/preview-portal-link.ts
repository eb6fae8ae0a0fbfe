import 'server-only';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { verifyPortalToken } from '../portal-sessions/portal-token';
import type { TLinkSession } from './open-portal-link';

/** The session a link names, for a preview, without consuming it; undefined when the token fails. */
export async function findLinkSessionForPreview(token: string): Promise<TLinkSession | 'expired' | undefined> {
  const check = verifyPortalToken(token, getConfig().portalTokenKeys);
  if (!check.ok) return check.reason === 'expired' ? 'expired' : undefined;
  const session = await getPrisma().portalSession.findUnique({
    where: { id: check.sessionId },
    select: { id: true, accountId: true, customerId: true, returnUrl: true, locale: true },
  });
  return session ?? undefined;
}
