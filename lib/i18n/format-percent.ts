import { taxPercentageNumber } from '../billing/invoice-math/tax-percentage';

/** A tax rate's percentage as the locale writes it ("21 %", "21%", "7,6543 %"), never rounded. */
export function formatTaxRate(tenThousandths: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(taxPercentageNumber(tenThousandths) / 100);
}
