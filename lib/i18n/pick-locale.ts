import { match } from '@formatjs/intl-localematcher';
import { DEFAULT_LOCALE, isLocale, LOCALES, type TLocale } from './locales';

const NO_MATCH = 'und';

/**
 * The supported locale closest to a language tag, by CLDR's language matching (pt-PT and pt find
 * pt-BR, zh-SG finds zh-CN, en-GB finds en), or undefined when none is close enough.
 */
export function matchLocale(tag: string | null | undefined): TLocale | undefined {
  if (!tag) return undefined;
  if (isLocale(tag)) return tag;
  try {
    const found = match([tag], LOCALES, NO_MATCH, { algorithm: 'best fit' });
    return isLocale(found) ? found : undefined;
  } catch {
    return undefined; // not a well-formed language tag
  }
}

/** The best supported locale for an Accept-Language header, taking its languages by quality. */
export function pickLocaleFromAcceptLanguage(header: string | null | undefined): TLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const found = matchLocale(tag);
    if (found) return found;
  }
  return undefined;
}

export function pickLocale(candidates: (string | null | undefined)[]): TLocale {
  return candidates.find(isLocale) ?? DEFAULT_LOCALE;
}
