import 'server-only';
import type { PortalFlowType, FlowAfterCompletion } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { serverNow } from '../time/server-clock';
import { hashCookieValue } from './portal-cookie';

export type TPortalLogin = {
  id: string;
  accountId: string;
  customerId: string;
  expiresAt: Date;
  /** Set once a flow that carries on after its task (hosted_confirmation) has done it. */
  flowCompletedAt: Date | null;
  session: {
    id: string;
    returnUrl: string;
    locale: string;
    flowType: PortalFlowType | null;
    flowSubscriptionId: string | null;
    flowInvoiceId: string | null;
    flowPriceId: string | null;
    flowQuantity: number | null;
    flowAfterCompletion: FlowAfterCompletion | null;
  };
};

/**
 * The active login behind a cookie value, or null. The server decides: an ended login, or one past
 * its deadline, opens nothing, whatever the browser still holds.
 */
export async function findPortalLogin(cookieValue: string | undefined, now = serverNow()): Promise<TPortalLogin | null> {
  if (!cookieValue || cookieValue.length > 64) return null;
  const login = await getPrisma().portalLogin.findFirst({
    where: { cookieHash: hashCookieValue(cookieValue), endedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      accountId: true,
      customerId: true,
      expiresAt: true,
      flowCompletedAt: true,
      portalSession: { select: { id: true, returnUrl: true, locale: true, flowType: true, flowSubscriptionId: true, flowInvoiceId: true, flowPriceId: true, flowQuantity: true, flowAfterCompletion: true } },
    },
  });
  if (!login) return null;
  const { portalSession, ...rest } = login;
  // A flow that ends on the portal's home is, its task done, a login to the whole portal.
  const opened = login.flowCompletedAt && portalSession.flowAfterCompletion === 'portal_homepage';
  return { ...rest, session: opened ? { ...portalSession, flowType: null } : portalSession };
}
