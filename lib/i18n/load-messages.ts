import en from './messages/en.json';
import id from './messages/id.json';
import type { TLocale } from './locales';

// Static imports: the server bundles every locale once; client components receive only the
// messages they use, through NextIntlClientProvider.
const MESSAGES: Record<TLocale, typeof en> = { en, id };

export function loadMessages(locale: TLocale): typeof en {
  return MESSAGES[locale];
}
