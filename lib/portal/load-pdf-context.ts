import 'server-only';
import { headers } from 'next/headers';
import type { TPortalLogin } from '../portal-login/find-portal-login';
import { loadCustomerPresentation } from './load-customer-presentation';

/** What a portal PDF needs besides its object: branding, the bill-to and the locale. */
export async function loadPdfContext(login: TPortalLogin) {
  const { branding, customer, locale, features } = await loadCustomerPresentation({
    accountId: login.accountId,
    customerId: login.customerId,
    sessionLocale: login.session.locale,
    acceptLanguage: (await headers()).get('accept-language'),
  });
  return { branding, customer, locale, invoiceHistoryEnabled: features.invoiceHistory };
}
