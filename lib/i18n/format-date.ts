const formats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date in the locale's words; billing dates are UTC so every reader sees the same day. */
export function formatDate(date: Date, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    // Built once per locale: a list page formats dozens of dates.
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    if (formats.size >= 100) formats.clear();
    formats.set(locale, format);
  }
  return format.format(date);
}
