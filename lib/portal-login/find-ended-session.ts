import 'server-only';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { isId } from '../ids/new-id';
import { endedCookieSpec, hashCookieValue, portalCookieSpec } from './portal-cookie';

type TCookieJar = { get: (name: string) => { value: string } | undefined };

/**
 * Whose portal a browser without a live login was in: from its portal cookie (a login that ended
 * or ran out) or the cookie "Done" leaves behind. Only the merchant and the way back come out of it,
 * for the "session ended" page; nothing of the customer.
 */
export async function findEndedSession(jar: TCookieJar): Promise<{ accountId: string; returnOrigin: string } | null> {
  const { portalBaseUrl } = getConfig();
  const prisma = getPrisma();
  const cookieValue = jar.get(portalCookieSpec(portalBaseUrl).name)?.value;
  const endedId = jar.get(endedCookieSpec(portalBaseUrl).name)?.value;
  const session =
    cookieValue && cookieValue.length <= 64
      ? (await prisma.portalLogin.findFirst({ where: { cookieHash: hashCookieValue(cookieValue) }, select: { portalSession: { select: { accountId: true, returnUrl: true } } } }))?.portalSession
      : endedId && isId('portalSession', endedId)
        ? await prisma.portalSession.findFirst({ where: { id: endedId, consumedAt: { not: null } }, select: { accountId: true, returnUrl: true } })
        : null;
  if (!session) return null;
  try {
    return { accountId: session.accountId, returnOrigin: new URL(session.returnUrl).origin };
  } catch {
    return null;
  }
}
