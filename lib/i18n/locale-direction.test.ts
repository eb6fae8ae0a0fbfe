import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { localeDirection } from './locale-direction';

describe('localeDirection', () => {
  it.each(['ar', 'ar-EG', 'he', 'fa-IR', 'ur'])('is right to left for %s, so such a locale needs no code', (locale) => {
    expect(localeDirection(locale)).toBe('rtl');
  });

  it('is left to right for every shipped locale', () => {
    for (const locale of LOCALES) expect(localeDirection(locale), locale).toBe('ltr');
  });
});
