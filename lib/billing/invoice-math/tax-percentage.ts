// A tax rate's percentage is kept as an integer number of ten-thousandths of a percent (21 % is
// 210000, 7.6543 % is 76543), so "up to 4 decimals" is exact and no float touches a money path.
export const PERCENT_SCALE = 10_000n;
/** The denominator of a rate applied to an amount: percent (100) × PERCENT_SCALE. */
export const RATE_DENOMINATOR = 100n * PERCENT_SCALE;

const PERCENTAGE = /^(?:0|[1-9]\d{0,2})(?:\.(\d{1,4}))?$/;

/** "21", "21.5", "7.6543" → ten-thousandths of a percent; null when it is not such a number in 0–100. */
export function parseTaxPercentage(text: string): number | null {
  const match = PERCENTAGE.exec(text);
  if (!match) return null;
  const [whole, fraction = ''] = text.split('.');
  const value = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
  return value <= 1_000_000 ? value : null;
}

/** The API's form: always four decimals, as stored ("21.0000"). */
export function formatTaxPercentage(tenThousandths: number): string {
  const whole = Math.trunc(tenThousandths / 10_000);
  return `${whole}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

/** The shortest exact form for people ("21", "7.6543"), to be placed in a localized "{rate} %" message. */
export function taxPercentageNumber(tenThousandths: number): number {
  return tenThousandths / 10_000;
}
