import 'server-only';
import { getConfig } from '../config/get-config';
import { endPortalLogin } from './end-portal-login';
import type { TPortalLogin } from './find-portal-login';
import { clearCookieHeader, endedCookieHeader, portalCookieSpec } from './portal-cookie';

/**
 * A flow link does one task: once it is done, the login ends and the customer goes back to the
 * merchant's returnUrl, as Stripe's flow links do. Other logins carry on.
 */
export async function flowCompletionResponse(login: TPortalLogin, completes: boolean, body: Record<string, unknown>, request: Request): Promise<Response> {
  if (!completes) return Response.json(body);
  await endPortalLogin(login, 'flow_completed', request.headers);
  const { portalBaseUrl } = getConfig();
  const headers = new Headers();
  headers.append('Set-Cookie', clearCookieHeader(portalCookieSpec(portalBaseUrl)));
  headers.append('Set-Cookie', endedCookieHeader(portalBaseUrl, login.session.id));
  return Response.json({ ...body, redirectTo: login.session.returnUrl }, { headers });
}
