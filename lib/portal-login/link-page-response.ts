import 'server-only';
import { getBranding } from '../branding/get-branding';
import { getPrisma } from '../db/get-db';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import { renderLinkStatusPage, type TLinkPageKind } from './link-status-page';
import type { TLinkSession } from './open-portal-link';

const STATUS: Record<TLinkPageKind, number> = { preview: 200, used: 410, expired: 410, invalid: 404 };

/** A link page as a response: localized, in the merchant's branding when the session is known; never a cookie. */
export async function linkPageResponse(kind: TLinkPageKind, request: Request, session?: TLinkSession): Promise<Response> {
  const acceptLanguage = request.headers.get('accept-language');
  const known = session
    ? await Promise.all([
        getBranding(session.accountId),
        getPrisma().portalConfiguration.findUnique({ where: { accountId: session.accountId }, select: { defaultLocale: true } }),
        getPrisma().customer.findFirst({ where: { id: session.customerId, accountId: session.accountId }, select: { preferredLocale: true } }),
      ])
    : undefined;
  const locale = resolvePortalLocale({
    sessionLocale: session?.locale,
    customerLocale: known?.[2]?.preferredLocale,
    acceptLanguage,
    accountDefault: known?.[1]?.defaultLocale,
  });
  const html = renderLinkStatusPage({
    kind,
    locale,
    nonce: request.headers.get('x-nonce') ?? '',
    branding: known?.[0],
    returnOrigin: session ? new URL(session.returnUrl).origin : undefined,
  });
  return new Response(request.method === 'HEAD' ? null : html, {
    status: STATUS[kind],
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Content-Language': locale },
  });
}
