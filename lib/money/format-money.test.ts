import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitsToDecimal } from './format-money';

// Intl separates a symbol from the number with a no-break space in some locales; compare as text.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    ['USD', 2999n, 'en', '$29.99'],
    ['USD', 2999n, 'id', 'US$29,99'],
    ['EUR', 123456n, 'en', '€1,234.56'],
    ['EUR', 123456n, 'id', '€1.234,56'],
    ['IDR', 150000n, 'en', 'IDR 150,000'],
    ['IDR', 150000n, 'id', 'Rp 150.000'],
    ['JPY', 1500n, 'en', '¥1,500'],
    ['JPY', 1500n, 'id', 'JP¥1.500'],
    ['KWD', 1500n, 'en', 'KWD 1.500'],
    ['USD', 5n, 'en', '$0.05'],
    ['USD', 0n, 'en', '$0.00'],
    ['USD', -2999n, 'en', '-$29.99'],
  ])('formats %s %s in %s as %s', (currency, amount, locale, expected) => {
    expect(plain(formatMoney({ amount, currency }, locale))).toBe(expected);
  });

  it('never shows decimals for a zero-decimal currency, however large', () => {
    expect(plain(formatMoney({ amount: 9_007_199_254_740_993n, currency: 'IDR' }, 'id'))).toBe('Rp 9.007.199.254.740.993');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatMoney({ amount: 12.5, currency: 'USD' }, 'en')).toThrow(RangeError);
  });

  it('turns minor units into the exact decimal for every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (amount) => {
        const decimal = minorUnitsToDecimal({ amount, currency: 'USD' });
        expect(decimal).toMatch(/^-?\d+\.\d{2}$/);
        expect(BigInt(decimal.replace('.', ''))).toBe(amount);
      }),
    );
  });
});
