// Card-number checks that run before anything leaves the portal: digits, Luhn, brand, expiry, CVC.

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'unionpay', 'diners'] as const;
export type TCardBrand = (typeof CARD_BRANDS)[number];

const BRANDS: [TCardBrand, RegExp, number[]][] = [
  ['amex', /^3[47]/, [15]],
  ['visa', /^4/, [13, 16, 19]],
  ['mastercard', /^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, [16]],
  ['discover', /^(6011|65|64[4-9])/, [16, 19]],
  ['jcb', /^35(2[89]|[3-8]\d)/, [16, 19]],
  ['diners', /^3(0[0-5]|[689])/, [14, 16]],
  ['unionpay', /^62/, [16, 17, 18, 19]],
];

export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): TCardBrand | undefined {
  return BRANDS.find(([, prefix, lengths]) => prefix.test(digits) && lengths.includes(digits.length))?.[0];
}

/** A card is usable through the last day of its expiry month. */
export function isExpired(expMonth: number, expYear: number, now = new Date()): boolean {
  return expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
}

export function cvcLength(brand: TCardBrand | undefined): number {
  return brand === 'amex' ? 4 : 3;
}
