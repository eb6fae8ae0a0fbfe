import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prorate, prorationLines, type TItemTerms } from './prorations';

const period = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };
const item = (priceId: string, unitAmount: number, quantity = 1): TItemTerms => ({ priceId, productName: priceId, unitAmount: BigInt(unitAmount), quantity });
const sum = (lines: { amount: bigint }[]) => lines.reduce((s, l) => s + l.amount, 0n);

describe('prorations', () => {
  it('credit the unused time of the old item and charge the rest of the period for the new one, to the second', () => {
    // Half-way through March (31 days): €10.00 → €30.00 credits €5.00 and charges €15.00.
    const halfway = new Date('2026-03-16T12:00:00Z');
    const lines = prorationLines([item('basic', 1000)], [item('pro', 3000)], period, halfway);
    expect(lines.map((l) => [l.priceId, l.amount])).toEqual([['basic', -500n], ['pro', 1500n]]);
    expect(lines[0]!.description).toBe('Unused time on 1 × basic after 2026-03-16');
    expect(lines[0]).toMatchObject({ periodStart: halfway, periodEnd: period.end });
    // One second of a 31-day period of ¥1,000 is less than half a yen: nothing to bill.
    expect(prorationLines([item('a', 1000)], [item('b', 2000)], period, new Date(period.end.getTime() - 1000))).toEqual([]);
  });

  it('leave an unchanged item alone and prorate a quantity change as the old quantity out, the new one in', () => {
    const at = new Date('2026-03-11T00:00:00Z'); // 21 of 31 days left
    const lines = prorationLines([item('seat', 900, 3), item('addon', 500)], [item('seat', 900, 5), item('addon', 500)], period, at);
    expect(lines.map((l) => [l.description.split(' after')[0], l.amount])).toEqual([['Unused time on 3 × seat', -1829n], ['Remaining time on 5 × seat', 3048n]]);
  });

  it('sum over a whole period to the price difference, never a fraction, never beyond the full amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 31 * 86_400 }),
        (oldAmount, newAmount, offset) => {
          const whole = prorationLines([item('old', Number(oldAmount))], [item('new', Number(newAmount))], period, period.start);
          expect(sum(whole)).toBe(BigInt(Number(newAmount)) - BigInt(Number(oldAmount)));
          const at = new Date(period.start.getTime() + offset * 1000);
          const part = prorate(oldAmount, period, at);
          expect(part >= 0n && part <= oldAmount).toBe(true);
          expect(typeof part).toBe('bigint');
        },
      ),
    );
  });
});
