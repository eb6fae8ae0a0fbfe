import type en from './messages/en.json';
import type { TLocale } from './locales';

export type TMessages = typeof en;

/**
 * A locale's messages, loaded on first use: the server holds only the locales it has served, and
 * client components receive only the namespaces they use, through NextIntlClientProvider.
 */
export async function loadMessages(locale: TLocale): Promise<TMessages> {
  return (await import(`./messages/${locale}.json`)).default as TMessages;
}
