import { roundDiv } from './round-div';
import { RATE_DENOMINATOR } from './tax-percentage';

export type TTaxRateTerms = {
  id: string;
  /** Ten-thousandths of a percent (see tax-percentage.ts). */
  percentage: number;
  inclusive: boolean;
};

export type TLineInput<TRate extends TTaxRateTerms = TTaxRateTerms> = {
  unitAmount: bigint;
  quantity: number;
  taxRates: readonly TRate[];
};

export type TDiscountTerms = { percentOff: number } | { amountOff: bigint };

export type TLineTax<TRate> = { taxRate: TRate; taxableAmount: bigint; amount: bigint };

export type TComputedLine<TLine, TRate> = TLine & {
  /** unitAmount × quantity, as priced (tax included when the line's rates are inclusive). */
  amount: bigint;
  /** This line's share of the invoice's discount. */
  discountAmount: bigint;
  taxes: TLineTax<TRate>[];
};

export type TComputedInvoice<TLine, TRate> = {
  lines: TComputedLine<TLine, TRate>[];
  /** Sum of the lines' amounts. */
  subtotal: bigint;
  discount: bigint;
  /** Every tax, inclusive ones too. */
  tax: bigint;
  /** The part of tax already inside the prices (inclusive rates). */
  inclusiveTax: bigint;
  /** subtotal − discount + exclusive taxes: what the customer pays. */
  total: bigint;
  /** One row per tax rate, in the order the rates first appear: what EU VAT and PPN invoices must show. */
  taxSummary: TLineTax<TRate>[];
};

/**
 * The one computation behind every amount on an invoice: the engine's renewals, one-off invoices,
 * the upcoming-invoice preview and the portal's "Next charge" all call it, so what is shown is
 * what is charged. Integers in the currency's minor unit throughout; rounding is per line and per
 * rate, halves away from zero (docs/billing.md "Rounding").
 *
 * - A discount (percent of the positive lines, or an amount capped at them) is spread over the
 *   positive lines in proportion to their amounts, largest remainder first, so the shares add up
 *   exactly and each line's tax is computed on what is actually charged for it.
 * - Exclusive rates add tax on the discounted amount. Inclusive rates take it out: the net is
 *   amount ÷ (1 + Σ inclusive rates), rounded; each inclusive rate's tax is computed on the net and
 *   the last one takes the rounding remainder, so the line still adds up to what was priced.
 */
export function computeInvoice<TLine extends TLineInput, TRate extends TTaxRateTerms = TLine['taxRates'][number]>(input: {
  lines: readonly TLine[];
  discount?: TDiscountTerms | null;
}): TComputedInvoice<TLine, TRate> {
  const amounts = input.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) throw new RangeError('a line quantity is a whole number ≥ 0');
    return line.unitAmount * BigInt(line.quantity);
  });
  const discounts = spreadDiscount(amounts, input.discount ?? null);
  const lines = input.lines.map((line, i) => ({
    ...line,
    amount: amounts[i]!,
    discountAmount: discounts[i]!,
    taxes: lineTaxes(amounts[i]! - discounts[i]!, line.taxRates as readonly TRate[]),
  }));

  const subtotal = sum(lines.map((l) => l.amount));
  const discount = sum(discounts);
  const allTaxes = lines.flatMap((l) => l.taxes);
  const tax = sum(allTaxes.map((t) => t.amount));
  const inclusiveTax = sum(allTaxes.filter((t) => t.taxRate.inclusive).map((t) => t.amount));

  return { lines, subtotal, discount, tax, inclusiveTax, total: subtotal - discount + tax - inclusiveTax, taxSummary: sumTaxesByRate(allTaxes) };
}

/**
 * Line taxes added up per rate, rates in the order they first appear. Issued invoices are summed
 * from their stored line taxes with this too (never recomputed: an issued invoice says what it said).
 */
export function sumTaxesByRate<TRate extends { id: string }>(taxes: readonly TLineTax<TRate>[]): TLineTax<TRate>[] {
  const byRate = new Map<string, TLineTax<TRate>>();
  for (const t of taxes) {
    const row = byRate.get(t.taxRate.id);
    if (row) {
      row.taxableAmount += t.taxableAmount;
      row.amount += t.amount;
    } else {
      byRate.set(t.taxRate.id, { taxRate: t.taxRate, taxableAmount: t.taxableAmount, amount: t.amount });
    }
  }
  return [...byRate.values()];
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

function spreadDiscount(amounts: readonly bigint[], discount: TDiscountTerms | null): bigint[] {
  const shares = amounts.map(() => 0n);
  const base = sum(amounts.filter((a) => a > 0n));
  if (!discount || base === 0n) return shares;
  const total =
    'percentOff' in discount ? roundDiv(base * BigInt(discount.percentOff), RATE_DENOMINATOR) : discount.amountOff < base ? discount.amountOff : base;
  if (total <= 0n) return shares;

  const remainders: { index: number; remainder: bigint }[] = [];
  let given = 0n;
  amounts.forEach((amount, index) => {
    if (amount <= 0n) return;
    shares[index] = (total * amount) / base;
    given += shares[index];
    remainders.push({ index, remainder: (total * amount) % base });
  });
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let left = total - given, k = 0; left > 0n; left--, k++) shares[remainders[k]!.index]! += 1n;
  return shares;
}

function lineTaxes<TRate extends TTaxRateTerms>(charged: bigint, rates: readonly TRate[]): TLineTax<TRate>[] {
  const inclusive = rates.filter((r) => r.inclusive);
  const inclusiveSum = BigInt(inclusive.reduce((a, r) => a + r.percentage, 0));
  const net = inclusive.length > 0 ? roundDiv(charged * RATE_DENOMINATOR, RATE_DENOMINATOR + inclusiveSum) : charged;

  let inclusiveLeft = charged - net;
  const taxes: TLineTax<TRate>[] = [];
  for (const taxRate of rates) {
    let amount = roundDiv(net * BigInt(taxRate.percentage), RATE_DENOMINATOR);
    if (taxRate.inclusive) {
      if (taxRate === inclusive[inclusive.length - 1]) amount = inclusiveLeft;
      inclusiveLeft -= amount;
    }
    taxes.push({ taxRate, taxableAmount: net, amount });
  }
  return taxes;
}

/** An issued invoice's tax per rate, from the taxes stored on its lines. */
export function issuedTaxSummary<TRate extends { id: string }>(lines: readonly { taxes: readonly TLineTax<TRate>[] }[]): TLineTax<TRate>[] {
  return sumTaxesByRate(lines.flatMap((l) => l.taxes));
}
