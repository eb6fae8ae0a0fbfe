import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getBranding, type TBranding } from '../branding/get-branding';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import type { TLocale } from '../i18n/locales';
import { resolvePortalLocale } from '../i18n/resolve-portal-locale';
import { findPortalLogin, type TPortalLogin } from '../portal-login/find-portal-login';
import { portalCookieSpec } from '../portal-login/portal-cookie';
import { loadPortalFeatures, type TPortalFeatures } from './load-portal-features';

export type { TPortalFeatures };

export type TPortalContext = {
  login: TPortalLogin;
  branding: TBranding;
  features: TPortalFeatures;
  customer: { id: string; name: string | null; email: string };
  locale: TLocale;
};

/**
 * The portal request's login and everything every portal page needs, once per request. Null when
 * the cookie is missing, ended or past its deadline: the page then shows nothing of the customer.
 */
export const getPortalContext = cache(async (): Promise<TPortalContext | null> => {
  const spec = portalCookieSpec(getConfig().portalBaseUrl);
  const login = await findPortalLogin((await cookies()).get(spec.name)?.value);
  if (!login) return null;
  const prisma = getPrisma();
  const [branding, features, customer] = await Promise.all([
    getBranding(login.accountId),
    loadPortalFeatures(login.accountId),
    prisma.customer.findFirstOrThrow({
      where: { id: login.customerId, accountId: login.accountId },
      select: { id: true, name: true, email: true, preferredLocale: true },
    }),
  ]);
  const locale = resolvePortalLocale({
    sessionLocale: login.session.locale,
    customerLocale: customer.preferredLocale,
    acceptLanguage: (await headers()).get('accept-language'),
    accountDefault: features.defaultLocale,
  });
  return {
    login,
    branding,
    features,
    customer: { id: customer.id, name: customer.name, email: customer.email },
    locale,
  };
});
