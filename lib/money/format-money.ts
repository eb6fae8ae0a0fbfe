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
  const exponent = currencyExponent(money.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl accepts decimal strings exactly (no float conversion); the cast covers older lib typings.
  return format.format(minorUnitsToDecimal(money) as unknown as number);
}
