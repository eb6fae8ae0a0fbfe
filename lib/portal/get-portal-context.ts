import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getConfig } from '../config/get-config';
import { findPortalLoginPresented, type TPortalLogin } from '../portal-login/find-portal-login';
import { hasPortalCookie, portalCookieSpec } from '../portal-login/portal-cookie';
import type { TCustomerPresentation } from './load-customer-presentation';
import type { TPortalFeatures } from './load-portal-features';

export type { TPortalFeatures };

export type TPortalContext = TCustomerPresentation & { login: TPortalLogin };

/**
 * The portal request's login and everything every portal page needs, once per request. Null when
 * the cookie is missing, ended or past its deadline: the page then shows nothing of the customer.
 */
export const getPortalContext = cache(async (): Promise<TPortalContext | null> => {
  const jar = await cookies();
  // No cookie, no login: answered without the configuration, so that `next build` can prerender
  // the pages outside the portal (not-found) where the runtime's secrets are not set.
  if (!hasPortalCookie(jar)) return null;
  const spec = portalCookieSpec(getConfig().portalBaseUrl);
  const found = await findPortalLoginPresented(jar.get(spec.name)?.value, (await headers()).get('accept-language'));
  return found && { login: found.login, ...found.presentation };
});
