import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInterval } from './add-interval';

const utc = (s: string) => new Date(`${s}T09:30:00.000Z`);

describe('addInterval', () => {
  it.each([
    ['2026-01-31', 'month', 1, '2026-02-28'],
    ['2028-01-31', 'month', 1, '2028-02-29'],
    ['2026-03-31', 'month', -1, '2026-02-28'],
    ['2026-05-31', 'month', 1, '2026-06-30'],
    ['2028-02-29', 'year', 1, '2029-02-28'],
    ['2026-11-27', 'year', 2, '2028-11-27'],
    ['2026-12-29', 'week', 1, '2027-01-05'],
    ['2026-11-27', 'day', -30, '2026-10-28'],
  ] as const)('%s + %s × %i is %s, at the same time of day', (from, interval, count, to) => {
    expect(addInterval(utc(from), interval, count).toISOString()).toBe(utc(to).toISOString());
  });

  it('never skips a month, and lands on the same day whenever the month has it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: -120, max: 120 }), (date, months) => {
        const next = addInterval(date, 'month', months);
        const monthsApart = (next.getUTCFullYear() - date.getUTCFullYear()) * 12 + next.getUTCMonth() - date.getUTCMonth();
        expect(monthsApart).toBe(months);
        expect(next.getUTCDate()).toBe(Math.min(date.getUTCDate(), new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate()));
        expect(next.getUTCHours() * 3600_000 + next.getUTCMinutes() * 60_000 + next.getUTCSeconds() * 1000 + next.getUTCMilliseconds()).toBe(date.getTime() % 86_400_000);
      }),
    );
  });
});
