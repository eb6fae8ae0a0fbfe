import 'server-only';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import { loadCustomerPresentation } from '../portal/load-customer-presentation';
import { renderLinkStatusPage, type TLinkPageKind } from './link-status-page';
import type { TLinkSession } from './open-portal-link';

const STATUS: Record<TLinkPageKind, number> = { preview: 200, used: 410, expired: 410, invalid: 404 };

/** A link page as a response: localized, in the merchant's branding when the session is known; never a cookie. */
export async function linkPageResponse(kind: TLinkPageKind, request: Request, session?: TLinkSession): Promise<Response> {
  const acceptLanguage = request.headers.get('accept-language');
  const known = session
    ? await loadCustomerPresentation({ accountId: session.accountId, customerId: session.customerId, sessionLocale: session.locale, acceptLanguage })
    : undefined;
  const locale = known?.locale ?? resolvePortalLocale({ acceptLanguage });
  const html = await renderLinkStatusPage({
    kind,
    locale,
    nonce: request.headers.get('x-nonce') ?? '',
    branding: known?.branding,
    returnOrigin: session ? new URL(session.returnUrl).origin : undefined,
  });
  return new Response(request.method === 'HEAD' ? null : html, {
    status: STATUS[kind],
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Content-Language': locale },
  });
}
