import { DEFAULT_LOCALE, isLocale, LOCALES, type TLocale } from './locales';

/** The first supported locale in an Accept-Language header, by quality, matching on the language. */
export function pickLocaleFromAcceptLanguage(header: string | null | undefined): TLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (isLocale(tag)) return tag;
    const language = tag.split('-')[0];
    const match = LOCALES.find((locale) => locale.toLowerCase() === language);
    if (match) return match;
  }
  return undefined;
}

export function pickLocale(candidates: (string | null | undefined)[]): TLocale {
  return candidates.find(isLocale) ?? DEFAULT_LOCALE;
}
