import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInvoice, type TTaxRateTerms } from './compute-invoice';
import { roundDiv } from './round-div';
import { formatTaxPercentage, parseTaxPercentage } from './tax-percentage';

const vat21: TTaxRateTerms = { id: 'txr_vat21', percentage: 210_000, inclusive: false };
const ppn11: TTaxRateTerms = { id: 'txr_ppn11', percentage: 110_000, inclusive: false };
const vat21incl: TTaxRateTerms = { id: 'txr_vat21incl', percentage: 210_000, inclusive: true };

describe('computeInvoice', () => {
  it('adds exclusive VAT per line: €12.00 at 21 % is €14.52', () => {
    const invoice = computeInvoice({ lines: [{ unitAmount: 1200n, quantity: 1, taxRates: [vat21] }] });
    expect(invoice).toMatchObject({ subtotal: 1200n, discount: 0n, tax: 252n, total: 1452n });
    expect(invoice.taxSummary).toEqual([{ taxRate: vat21, taxableAmount: 1200n, amount: 252n }]);
  });

  it('computes PPN on whole rupiah: Rp 150.000 at 11 % is Rp 166.500', () => {
    expect(computeInvoice({ lines: [{ unitAmount: 150_000n, quantity: 1, taxRates: [ppn11] }] }).total).toBe(166_500n);
  });

  it('takes inclusive tax out of the price without changing what is charged', () => {
    const invoice = computeInvoice({ lines: [{ unitAmount: 1210n, quantity: 1, taxRates: [vat21incl] }] });
    expect(invoice).toMatchObject({ subtotal: 1210n, tax: 210n, total: 1210n });
    expect(invoice.taxSummary[0]).toMatchObject({ taxableAmount: 1000n, amount: 210n });
  });

  it('discounts before tax and groups the tax per rate', () => {
    const invoice = computeInvoice({
      lines: [
        { unitAmount: 1000n, quantity: 3, taxRates: [vat21] },
        { unitAmount: 500n, quantity: 1, taxRates: [ppn11] },
        { unitAmount: 999n, quantity: 1, taxRates: [vat21] },
      ],
      discount: { percentOff: 100_000 },
    });
    expect(invoice.subtotal).toBe(4499n);
    expect(invoice.discount).toBe(450n);
    expect(invoice.lines.map((l) => l.discountAmount)).toEqual([300n, 50n, 100n]);
    expect(invoice.taxSummary.map((t) => [t.taxRate.id, t.taxableAmount, t.amount])).toEqual([
      ['txr_vat21', 3599n, 567n + 189n],
      ['txr_ppn11', 450n, 50n],
    ]);
    expect(invoice.total).toBe(4499n - 450n + 567n + 189n + 50n);
  });

  it('caps an amount off at what the positive lines come to, and never discounts a credit', () => {
    const invoice = computeInvoice({
      lines: [
        { unitAmount: 700n, quantity: 1, taxRates: [] },
        { unitAmount: -300n, quantity: 1, taxRates: [] },
      ],
      discount: { amountOff: 5000n },
    });
    expect(invoice.lines.map((l) => l.discountAmount)).toEqual([700n, 0n]);
    expect(invoice.total).toBe(-300n);
  });

  const rate = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    percentage: fc.integer({ min: 0, max: 1_000_000 }),
    inclusive: fc.boolean(),
  });
  const line = fc.record({
    unitAmount: fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000_000n }),
    quantity: fc.integer({ min: 0, max: 10_000 }),
    taxRates: fc.uniqueArray(rate, { maxLength: 3, selector: (r) => r.id }),
  });
  const discount = fc.option(
    fc.oneof(fc.record({ percentOff: fc.integer({ min: 0, max: 1_000_000 }) }), fc.record({ amountOff: fc.bigInt({ min: 0n, max: 10n ** 13n }) })),
  );

  it('always adds up: lines, discount shares, tax per rate, total', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), discount, (lines, d) => {
        const invoice = computeInvoice({ lines, discount: d });
        const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
        expect(invoice.subtotal).toBe(sum(lines.map((l) => l.unitAmount * BigInt(l.quantity))));
        expect(sum(invoice.lines.map((l) => l.discountAmount))).toBe(invoice.discount);
        expect(sum(invoice.taxSummary.map((t) => t.amount))).toBe(invoice.tax);
        const exclusive = sum(invoice.lines.flatMap((l) => l.taxes.filter((t) => !t.taxRate.inclusive).map((t) => t.amount)));
        expect(invoice.total).toBe(invoice.subtotal - invoice.discount + exclusive);
        for (const l of invoice.lines) {
          if (l.amount > 0n) expect(l.discountAmount >= 0n && l.discountAmount <= l.amount).toBe(true);
          else expect(l.discountAmount).toBe(0n);
          const inclusive = l.taxes.filter((t) => t.taxRate.inclusive);
          // What was priced is what is charged: the net and the inclusive taxes make up the line.
          if (inclusive.length > 0) expect(inclusive[0]!.taxableAmount + sum(inclusive.map((t) => t.amount))).toBe(l.amount - l.discountAmount);
          for (const t of l.taxes) expect(typeof t.amount).toBe('bigint');
        }
      }),
    );
  });

  it('lands every amount on the minor unit, whatever the currency: a fraction cannot be represented', () => {
    // Amounts are bigint; a float or a fraction in the input is refused rather than rounded away.
    expect(() => computeInvoice({ lines: [{ unitAmount: 1000n, quantity: 1.5, taxRates: [] }] })).toThrow(RangeError);
  });
});

describe('roundDiv', () => {
  it('rounds halves away from zero and agrees with exact division', () => {
    expect([roundDiv(5n, 2n), roundDiv(-5n, 2n), roundDiv(4n, 3n), roundDiv(-5n, 3n)]).toEqual([3n, -3n, 1n, -2n]);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const r = roundDiv(n, d);
        const twice = 2n * (n - r * d);
        expect(twice <= d && twice >= -d).toBe(true);
      }),
    );
  });
});

describe('tax percentages', () => {
  it.each([
    ['21', 210_000, '21.0000'],
    ['7.6543', 76_543, '7.6543'],
    ['0.5', 5_000, '0.5000'],
    ['100', 1_000_000, '100.0000'],
  ])('parses %s', (text, value, formatted) => {
    expect(parseTaxPercentage(text)).toBe(value);
    expect(formatTaxPercentage(value)).toBe(formatted);
  });

  it.each(['100.0001', '101', '-1', '1.23456', '01', '1e2', '', ' 5', '5.'])('refuses %j', (text) => {
    expect(parseTaxPercentage(text)).toBeNull();
  });
});
