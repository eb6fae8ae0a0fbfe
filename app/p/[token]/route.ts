import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config/get-config';
import { findPortalLogin } from '@/lib/portal-login/find-portal-login';
import { linkPageResponse } from '@/lib/portal-login/link-page-response';
import { linkPreviewAgent } from '@/lib/portal-login/link-preview-agents';
import { openPortalLink } from '@/lib/portal-login/open-portal-link';
import { portalCookieSpec, setCookieHeader } from '@/lib/portal-login/portal-cookie';
import { portalLanding } from '@/lib/portal-login/portal-landing';
import { findLinkSessionForPreview } from '@/lib/portal-login/preview-portal-link';

export const dynamic = 'force-dynamic';

type TContext = { params: Promise<{ token: string }> };

// A preview: for HEAD, and for chat tools fetching a pasted link. It never consumes the link.
async function preview(request: Request, { params }: TContext) {
  const session = await findLinkSessionForPreview((await params).token);
  if (session === 'expired') return linkPageResponse('expired', request);
  return linkPageResponse(session ? 'preview' : 'invalid', request, session);
}

// GET /p/<token>: open a portal link (single use), set the portal cookie and go to the portal
export async function GET(request: Request, context: TContext) {
  if (linkPreviewAgent(request.headers.get('user-agent'))) return preview(request, context);
  const outcome = await openPortalLink((await context.params).token, request.headers);
  if (outcome.kind === 'opened') {
    const config = getConfig();
    const landing = portalLanding(outcome.session, new URL(request.url).searchParams.get('tab'));
    return new Response(null, {
      status: 303,
      headers: {
        Location: `${config.portalBaseUrl}${landing}`,
        'Set-Cookie': setCookieHeader(portalCookieSpec(config.portalBaseUrl), outcome.cookieValue, outcome.maxAgeSeconds),
        'Cache-Control': 'no-store',
      },
    });
  }
  if (outcome.kind === 'used') {
    // The same browser, still logged in through this very link (opened again from history or a
    // second click): back into the portal, not a dead end.
    const config = getConfig();
    const login = await findPortalLogin((await cookies()).get(portalCookieSpec(config.portalBaseUrl).name)?.value);
    if (login && login.session.id === outcome.session.id) {
      const landing = portalLanding(login.session, new URL(request.url).searchParams.get('tab'));
      return new Response(null, { status: 303, headers: { Location: `${config.portalBaseUrl}${landing}`, 'Cache-Control': 'no-store' } });
    }
    return linkPageResponse('used', request, outcome.session);
  }
  return linkPageResponse(outcome.kind, request);
}

// HEAD /p/<token>: a preview; link checkers must not burn the link
export const HEAD = preview;
