// The locales whose message files are complete. Adding one: its file in messages/ and its tag here
// (docs/i18n.md).
export const LOCALES = ['en', 'id', 'es', 'fr', 'de', 'pt-BR', 'ja', 'zh-CN'] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = 'en';

export function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
