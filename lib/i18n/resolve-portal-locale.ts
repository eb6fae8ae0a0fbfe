import { DEFAULT_LOCALE, isLocale, type TLocale } from './locales';
import { matchLocale, pickLocaleFromAcceptLanguage } from './pick-locale';

/**
 * The portal's locale: the session's, unless it is "auto"; then the customer's preferred locale,
 * the browser's Accept-Language, the account's default, and English.
 */
export function resolvePortalLocale({
  sessionLocale,
  customerLocale,
  acceptLanguage,
  accountDefault,
}: {
  sessionLocale?: string | null;
  customerLocale?: string | null;
  acceptLanguage?: string | null;
  accountDefault?: string | null;
}): TLocale {
  if (isLocale(sessionLocale)) return sessionLocale;
  return matchLocale(customerLocale) ?? pickLocaleFromAcceptLanguage(acceptLanguage) ?? matchLocale(accountDefault) ?? DEFAULT_LOCALE;
}
