import 'server-only';
import { readPostalAddress } from '../billing/postal-address';
import { readTaxIds } from '../billing/tax-ids';
import type { TBuyer } from '../billing/buyer';
import { getBranding, type TBranding } from '../branding/get-branding';
import { getPrisma } from '../db/get-db';
import type { TLocale } from '../i18n/locales';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import { loadPortalFeatures, type TPortalFeatures } from './load-portal-features';

export type TCustomerPresentation = {
  branding: TBranding;
  features: TPortalFeatures;
  customer: TBuyer & { id: string };
  locale: TLocale;
};

/**
 * How one customer of one account is shown anything (portal pages, PDFs, link pages): the
 * merchant's branding and portal configuration, the bill-to, and the locale resolved from the
 * session's, the customer's, the browser's and the account's.
 */
export async function loadCustomerPresentation({
  accountId,
  customerId,
  sessionLocale,
  acceptLanguage,
}: {
  accountId: string;
  customerId: string;
  sessionLocale: string | null | undefined;
  acceptLanguage: string | null;
}): Promise<TCustomerPresentation> {
  const [branding, features, customer] = await Promise.all([
    getBranding(accountId),
    loadPortalFeatures(accountId),
    getPrisma().customer.findFirstOrThrow({ where: { id: customerId, accountId }, select: { id: true, name: true, email: true, preferredLocale: true, address: true, taxIds: true } }),
  ]);
  const locale = resolvePortalLocale({ sessionLocale, customerLocale: customer.preferredLocale, acceptLanguage, accountDefault: features.defaultLocale });
  return {
    branding,
    features,
    customer: { id: customer.id, name: customer.name, email: customer.email, address: readPostalAddress(customer.address), taxIds: readTaxIds(customer.taxIds) },
    locale,
  };
}
