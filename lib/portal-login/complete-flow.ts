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
  const { redirectTo, headers } = await completeFlow(login, request.headers);
  return Response.json({ ...body, redirectTo }, { headers });
}

/** Marks the flow's task done and answers where the customer goes next, with the cookies that takes. */
export async function completeFlow(login: TPortalLogin, requestHeaders: Headers): Promise<{ redirectTo: string; headers: Headers }> {
  const after = login.session.flowAfterCompletion ?? 'redirect';
  const headers = new Headers();
  if (after !== 'redirect') {
    await getPrisma().$transaction(async (tx) => {
      await tx.portalLogin.updateMany({ where: { id: login.id, endedAt: null, flowCompletedAt: null }, data: { flowCompletedAt: new Date() } });
      await recordAudit({ action: 'portal_flow.complete', reason: after, accountId: login.accountId, customerId: login.customerId, portalSessionId: login.session.id, headers: requestHeaders }, tx);
    });
    return { redirectTo: after === 'portal_homepage' ? '/portal' : FLOW_COMPLETE_PAGE, headers };
  }
  await endPortalLogin(login, 'flow_completed', requestHeaders);
  const { portalBaseUrl } = getConfig();
  headers.append('Set-Cookie', clearCookieHeader(portalCookieSpec(portalBaseUrl)));
  headers.append('Set-Cookie', endedCookieHeader(portalBaseUrl, login.session.id));
  return { redirectTo: login.session.returnUrl, headers };
}
