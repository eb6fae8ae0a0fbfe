import { currencyExponent } from './currency-exponent';

export type TMoney = { amount: bigint | number; currency: string };

/** An integer amount in minor units as an exact decimal string: 2999 USD is "29.99". Never a float. */
export function minorUnitsToDecimal({ amount, currency }: TMoney): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`money amounts are integers in minor units, got ${amount}`);
  }
  const exponent = currencyExponent(currency);
  const value = BigInt(amount);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * The one place money becomes text. Intl does the locale's symbols and grouping; the number of
 * decimals is the currency's own (see currency-exponent), and the decimal string keeps it exact.
 */
export function formatMoney(money: TMoney, locale: string): string {
  // Intl accepts decimal strings exactly (no float conversion); the cast covers older lib typings.
  return currencyFormat(locale, money.currency.toUpperCase()).format(minorUnitsToDecimal(money) as unknown as number);
}

// Building an Intl formatter costs far more than using one; a page formats dozens of amounts.
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    const exponent = currencyExponent(currency);
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    // Locales and currencies are few, but keys come from data: keep the map bounded.
    if (formats.size >= 500) formats.clear();
    formats.set(key, format);
  }
  return format;
}
