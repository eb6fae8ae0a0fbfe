/** A calendar date in the locale's words; billing dates are UTC so every reader sees the same day. */
export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
