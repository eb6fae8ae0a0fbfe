import { DEFAULT_LOCALE, isLocale, type TLocale } from './locales';
import { matchLocale, pickLocaleFromAcceptLanguage } from './pick-locale';

/**
 * The portal's locale: the session's, unless it is "auto"; then the first of the customer's preferred locales the portal speaks,
 * the browser's Accept-Language, the account's default, and English.
 */
export function resolvePortalLocale({
  sessionLocale,
  customerLocales = [],
  acceptLanguage,
  accountDefault,
}: {
  sessionLocale?: string | null;
  customerLocales?: readonly string[];
  acceptLanguage?: string | null;
  accountDefault?: string | null;
}): TLocale {
  if (isLocale(sessionLocale)) return sessionLocale;
  const customers = customerLocales.map(matchLocale).find((l) => l !== undefined);
  return customers ?? pickLocaleFromAcceptLanguage(acceptLanguage) ?? matchLocale(accountDefault) ?? DEFAULT_LOCALE;
}
