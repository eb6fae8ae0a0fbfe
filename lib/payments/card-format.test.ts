import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandFromPrefix, formatCardNumber, formatCvc, formatExpiry } from './card-format';

describe('formatCardNumber', () => {
  it.each([
    ['5555555555554444', '5555 5555 5555 4444'],
    ['378282246310005', '3782 822463 10005'],
    ['4242-4242-4242-4242', '4242 4242 4242 4242'],
    ['  4242 4242 4242 42424 2', '4242 4242 4242 4242 42'],
    ['3782822463100051234', '3782 822463 10005'],
    ['424', '424'],
  ])('shows %s as %s', (input, shown) => {
    expect(formatCardNumber(input)).toBe(shown);
  });

  it('keeps every digit typed (up to the brand’s length) and adds nothing but spaces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 -]{0,30}$/), (input) => {
        const shown = formatCardNumber(input);
        const digits = input.replace(/\D/g, '');
        expect(shown.replace(/ /g, '')).toBe(digits.slice(0, shown.replace(/ /g, '').length));
        expect(shown).toMatch(/^(\d+( \d+)*)?$/);
        expect(formatCardNumber(shown)).toBe(shown);
      }),
    );
  });

  it('tells the brand from the first digits', () => {
    expect(brandFromPrefix('37')).toBe('amex');
    expect(brandFromPrefix('4')).toBe('visa');
    expect(brandFromPrefix('51')).toBe('mastercard');
    expect(brandFromPrefix('9')).toBeUndefined();
  });
});

describe('formatExpiry', () => {
  it.each([
    ['1', '', '1'],
    ['12', '1', '12/'],
    ['1230', '', '12/30'],
    ['4', '', '04/'],
    ['12/2030', '', '12/30'],
    ['12', '12/', '12'],
    ['12/3', '12/', '12/3'],
  ])('shows %s (after %s) as %s', (input, previous, shown) => {
    expect(formatExpiry(input, previous)).toBe(shown);
  });
});

describe('formatCvc', () => {
  it('is 4 digits for Amex, 3 otherwise', () => {
    expect(formatCvc('12345', 'amex')).toBe('1234');
    expect(formatCvc('12a345', 'visa')).toBe('123');
  });
});
