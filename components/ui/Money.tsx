import { formatMoney, minorUnitsToDecimal, type TMoney } from '@/lib/money/format-money';

/**
 * An amount as the locale writes it, in a <data> element whose value is the exact decimal and
 * whose data-currency is the ISO code, so that machines (and tests) read the amount, not the text.
 */
export function Money({ amount, currency, locale, className }: TMoney & { locale: string; className?: string }) {
  return (
    <data value={minorUnitsToDecimal({ amount, currency })} data-currency={currency.toUpperCase()} className={className}>
      {formatMoney({ amount, currency }, locale)}
    </data>
  );
}
