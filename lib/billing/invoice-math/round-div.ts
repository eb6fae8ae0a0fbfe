/**
 * numerator / denominator rounded to the nearest integer, halves away from zero: the rounding a
 * tax authority expects of a commercial invoice (EU VAT, Indonesian PPN). Integers only.
 */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('roundDiv needs a positive denominator');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const rounded = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
