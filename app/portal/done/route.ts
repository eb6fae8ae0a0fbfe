import { cookies } from 'next/headers';
import { safeRedirectUrl } from '@/lib/api/z-outbound-url';
import { getConfig } from '@/lib/config/get-config';
import { isSameOriginRequest } from '@/lib/portal-login/assert-same-origin';
import { endPortalLogin } from '@/lib/portal-login/end-portal-login';
import { findPortalLogin } from '@/lib/portal-login/find-portal-login';
import { clearCookieHeader, endedCookieHeader, portalCookieSpec } from '@/lib/portal-login/portal-cookie';

export const dynamic = 'force-dynamic';

// POST /portal/done: end the login and return to the merchant's returnUrl, exactly as given
export async function POST(request: Request) {
  const config = getConfig();
  if (!isSameOriginRequest(request)) return new Response('Cross-site request refused.', { status: 403 });
  const spec = portalCookieSpec(config.portalBaseUrl);
  const login = await findPortalLogin((await cookies()).get(spec.name)?.value);
  if (login) await endPortalLogin(login, 'done', request.headers);
  const portal = `${config.portalBaseUrl}/portal`;
  const headers = new Headers({ Location: login ? safeRedirectUrl(login.session.returnUrl, portal) : portal, 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', clearCookieHeader(spec));
  if (login) headers.append('Set-Cookie', endedCookieHeader(config.portalBaseUrl, login.session.id));
  return new Response(null, { status: 303, headers });
}
