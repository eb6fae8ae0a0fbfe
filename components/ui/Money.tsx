import { formatMoney, minorUnitsToDecimal, type TMoney } from '@/lib/money/format-money';
import { ShownMoney, type TShownMoney } from './ShownMoney';

export function shownMoney(money: TMoney, locale: string): TShownMoney {
  return { value: minorUnitsToDecimal(money), currency: money.currency.toUpperCase(), text: formatMoney(money, locale) };
}

/** An amount as the locale writes it (see ShownMoney). */
export function Money({ amount, currency, locale, className }: TMoney & { locale: string; className?: string }) {
  return <ShownMoney {...shownMoney({ amount, currency }, locale)} className={className} />;
}
