import { formatTaxRate } from '../i18n/format-percent';
import { amountDue } from './amount-due';

type TTaxRateLike = { displayName: string; percentage: number; inclusive: boolean };
type TTotals = {
  subtotal: bigint;
  discount: bigint;
  taxSummary: readonly { taxRate: TTaxRateLike; taxableAmount: bigint; amount: bigint }[];
  total: bigint;
  /** The customer's balance before and after (negative: credit): the credit spent or made follows the total. */
  startingBalance?: bigint;
  endingBalance?: bigint;
  /** Given for an issued invoice: what was paid and what is still owed follow the total. */
  amountPaid?: bigint;
};
type TLabels = (
  key: 'subtotal' | 'discount' | 'taxRateLine' | 'taxRateIncluded' | 'total' | 'creditApplied' | 'creditAdded' | 'amountPaid' | 'amountDue',
  values?: { name: string; rate: string },
) => string;

export type TTotalsRow = { label: string; amount: bigint; strong?: boolean };

/**
 * The rows under an invoice's lines, in the order every page and PDF prints them: subtotal, the
 * discount, each tax rate ("VAT (21 %)", inclusive ones marked as included), the total, the
 * customer's credit it spent (or the credit a negative total made), then what was paid and what is
 * due. `t` is the Pdf namespace, so a page and its PDF use the same words.
 */
export function totalsRows(totals: TTotals, t: TLabels, locale: string): TTotalsRow[] {
  const rows: TTotalsRow[] = [{ label: t('subtotal'), amount: totals.subtotal }];
  if (totals.discount > 0n) rows.push({ label: t('discount'), amount: -totals.discount });
  for (const { taxRate, amount } of totals.taxSummary) rows.push({ label: taxRateLabel(taxRate, t, locale), amount });
  rows.push({ label: t('total'), amount: totals.total, strong: true });
  const credit = (totals.startingBalance ?? 0n) - (totals.endingBalance ?? 0n);
  if (credit !== 0n) rows.push({ label: t(credit < 0n ? 'creditApplied' : 'creditAdded'), amount: credit });
  if (totals.amountPaid !== undefined || credit !== 0n) {
    const amountPaid = totals.amountPaid ?? 0n;
    if (totals.amountPaid !== undefined) rows.push({ label: t('amountPaid'), amount: amountPaid });
    rows.push({ label: t('amountDue'), amount: amountDue({ ...totals, amountPaid }), strong: true });
  }
  return rows;
}

/** "VAT (21 %)", or "VAT (21 %, included)" for a rate inside the prices. */
export function taxRateLabel(taxRate: TTaxRateLike, t: TLabels, locale: string): string {
  const values = { name: taxRate.displayName, rate: formatTaxRate(taxRate.percentage, locale) };
  return t(taxRate.inclusive ? 'taxRateIncluded' : 'taxRateLine', values);
}
