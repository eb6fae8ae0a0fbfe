const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  diners: 'Diners Club',
};

/** A card network's name as printed on cards (the same in every language). */
export function cardBrandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand;
}
