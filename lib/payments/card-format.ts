// How the add-card form shows what is typed or pasted: the number grouped as printed on the card,
// the expiry as MM/YY, the CVC as long as the brand's. Pure functions, for the browser and tests.
import { cardBrand, type TCardBrand } from './card-number';

// Brands as soon as their prefix says so (cardBrand waits for a complete number).
const PREFIXES: [TCardBrand, RegExp][] = [
  ['amex', /^3[47]/],
  ['diners', /^3(0[0-5]|[689])/],
  ['jcb', /^35(2[89]|[3-8])/],
  ['visa', /^4/],
  ['mastercard', /^(5[1-5]|2[2-7])/],
  ['discover', /^(6011|65|64[4-9])/],
  ['unionpay', /^62/],
];

export function brandFromPrefix(digits: string): TCardBrand | undefined {
  return cardBrand(digits) ?? PREFIXES.find(([, prefix]) => prefix.test(digits))?.[0];
}

const GROUPS: Partial<Record<TCardBrand, number[]>> = { amex: [4, 6, 5], diners: [4, 6, 4] };
const MAX_DIGITS: Partial<Record<TCardBrand, number>> = { amex: 15, diners: 14 };

/** Digits only, at most as many as the brand has, grouped 4-4-4-4 (Amex 4-6-5, Diners 4-6-4). */
export function formatCardNumber(input: string): string {
  const brand = brandFromPrefix(input.replace(/\D/g, ''));
  const digits = input.replace(/\D/g, '').slice(0, MAX_DIGITS[brand!] ?? 19);
  const sizes = GROUPS[brand!] ?? [4, 4, 4, 4, 3];
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  return groups.join(' ');
}

/**
 * MM/YY as typed: a slash after the month, a leading zero for a month that can only be one digit
 * ("4" is April), a four-digit year shortened ("12/2030" pasted is 12/30). Deleting back over the
 * slash removes it instead of adding it again.
 */
export function formatExpiry(input: string, previous = ''): string {
  let digits = input.replace(/\D/g, '');
  if (digits.length === 6 && /\/\s*\d{4}\s*$/.test(input)) digits = digits.slice(0, 2) + digits.slice(4);
  if (/^[2-9]$/.test(digits[0] ?? '')) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  const deleting = input.length < previous.length;
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits}/`;
  return `${digits.slice(0, 2)}/${digits.slice(2)}`;
}

/** The CVC's digits, cut to the brand's length. */
export function formatCvc(input: string, brand: TCardBrand | undefined): string {
  return input.replace(/\D/g, '').slice(0, brand === 'amex' ? 4 : 3);
}
