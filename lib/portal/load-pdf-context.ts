import 'server-only';
import { headers } from 'next/headers';
import { getBranding } from '../branding/get-branding';
import { getPrisma } from '../db/get-db';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import type { TPortalLogin } from '../portal-login/find-portal-login';

/** What a portal PDF needs besides its object: branding, the bill-to and the locale. */
export async function loadPdfContext(login: TPortalLogin) {
  const prisma = getPrisma();
  const [branding, customer, configuration] = await Promise.all([
    getBranding(login.accountId),
    prisma.customer.findFirstOrThrow({ where: { id: login.customerId, accountId: login.accountId }, select: { name: true, email: true, preferredLocale: true } }),
    prisma.portalConfiguration.findUnique({ where: { accountId: login.accountId }, select: { defaultLocale: true, invoiceHistoryEnabled: true } }),
  ]);
  const locale = resolvePortalLocale({
    sessionLocale: login.session.locale,
    customerLocale: customer.preferredLocale,
    acceptLanguage: (await headers()).get('accept-language'),
    accountDefault: configuration?.defaultLocale,
  });
  return { branding, customer, locale, invoiceHistoryEnabled: configuration?.invoiceHistoryEnabled ?? true };
}
