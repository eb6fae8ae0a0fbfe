/** Whether a locale's script runs right to left, from the runtime's CLDR data, for `<html dir>`. */
export function localeDirection(locale: string): 'ltr' | 'rtl' {
  const info = (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } });
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  return direction === 'rtl' ? 'rtl' : 'ltr';
}
