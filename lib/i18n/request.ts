import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { pickLocale, pickLocaleFromAcceptLanguage } from './pick-locale';

// Pages outside the portal follow the browser; the portal will pass the session's locale first.
export default getRequestConfig(async () => {
  const locale = pickLocale([pickLocaleFromAcceptLanguage((await headers()).get('accept-language'))]);
  return { locale, messages: (await import(`./messages/${locale}.json`)).default };
});
