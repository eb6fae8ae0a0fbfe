// Digits after the decimal point in each currency's minor unit, where it is not 2. Plugipay treats
// these currencies as having no minor unit even where ISO 4217 lists one (IDR): amounts are whole
// rupiah, and IDR 150000 is "Rp 150.000", never "Rp 1.500,00".
const ZERO_DECIMAL = [
  'BIF', 'CLP', 'DJF', 'GNF', 'IDR', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
] as const;
const THREE_DECIMAL = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;

const EXPONENTS = new Map<string, number>([
  ...ZERO_DECIMAL.map((c) => [c, 0] as const),
  ...THREE_DECIMAL.map((c) => [c, 3] as const),
]);

export function currencyExponent(currency: string): number {
  return EXPONENTS.get(currency.toUpperCase()) ?? 2;
}
