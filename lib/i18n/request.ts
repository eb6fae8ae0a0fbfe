import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getPortalContext } from '../portal/get-portal-context';
import { loadMessages } from './load-messages';
import { pickLocale, pickLocaleFromAcceptLanguage } from './pick-locale';

// In the portal, the login's locale (session, customer, browser, account, English); elsewhere the browser's.
export default getRequestConfig(async () => {
  const portal = await getPortalContext();
  const locale = portal?.locale ?? pickLocale([pickLocaleFromAcceptLanguage((await headers()).get('accept-language'))]);
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
