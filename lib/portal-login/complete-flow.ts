import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { endPortalLogin } from './end-portal-login';
import type { TPortalLogin } from './find-portal-login';
import { FLOW_COMPLETE_PAGE } from './flow-scope';
import { clearCookieHeader, endedCookieHeader, portalCookieSpec } from './portal-cookie';

/**
 * A flow link does one task. Once it is done, as the session's afterCompletion says: the login ends
 * and the customer goes back to the merchant's returnUrl (redirect, the default, as Stripe's flow
 * links do), or the login carries on, to the portal's home (portal_homepage) or to a confirmation
 * page with the way back (hosted_confirmation). Other logins carry on.
 */
export async function flowCompletionResponse(login: TPortalLogin, completes: boolean, body: Record<string, unknown>, request: Request): Promise<Response> {
  if (!completes) return Response.json(body);
  const after = login.session.flowAfterCompletion ?? 'redirect';
  if (after !== 'redirect') {
    await getPrisma().$transaction(async (tx) => {
      await tx.portalLogin.updateMany({ where: { id: login.id, endedAt: null, flowCompletedAt: null }, data: { flowCompletedAt: new Date() } });
      await recordAudit({ action: 'portal_flow.complete', reason: after, accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: request.headers }, tx);
    });
    return Response.json({ ...body, redirectTo: after === 'portal_homepage' ? '/portal' : FLOW_COMPLETE_PAGE });
  }
  await endPortalLogin(login, 'flow_completed', request.headers);
  const { portalBaseUrl } = getConfig();
  const headers = new Headers();
  headers.append('Set-Cookie', clearCookieHeader(portalCookieSpec(portalBaseUrl)));
  headers.append('Set-Cookie', endedCookieHeader(portalBaseUrl, login.session.id));
  return Response.json({ ...body, redirectTo: login.session.returnUrl }, { headers });
}
