import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInterval } from './add-interval';
import { nextRetryAt } from './dunning';
import { nextPeriodEnd } from './period-end';

const iso = (s: string) => new Date(s);

describe('nextPeriodEnd', () => {
  it('keeps the anchor’s day of the month across short months', () => {
    const anchor = iso('2026-01-31T10:00:00Z');
    const ends: string[] = [];
    let start = anchor;
    for (let n = 0; n < 4; n++) {
      start = nextPeriodEnd(anchor, 'month', 1, start);
      ends.push(start.toISOString().slice(0, 10));
    }
    expect(ends).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('is the first anchor boundary after the start, for any start and interval', () => {
    fc.assert(
      fc.property(
        fc.date({ min: iso('2000-01-01'), max: iso('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 4_000 }),
        fc.constantFrom('day', 'week', 'month', 'year' as const),
        fc.integer({ min: 1, max: 3 }),
        (anchor, periods, interval, count) => {
          const start = addInterval(anchor, interval, count * periods);
          const end = nextPeriodEnd(anchor, interval, count, start);
          expect(end).toEqual(addInterval(anchor, interval, count * (periods + 1)));
          const inside = new Date(start.getTime() + 1);
          expect(nextPeriodEnd(anchor, interval, count, inside)).toEqual(end);
        },
      ),
    );
  });
});

describe('nextRetryAt', () => {
  it('counts each retry from the first failure and stops after the last', () => {
    const first = iso('2026-03-01T00:00:00Z');
    expect([1, 2, 3, 4].map((n) => nextRetryAt(first, n, [3, 5, 7])?.toISOString() ?? null)).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-03-06T00:00:00.000Z',
      '2026-03-08T00:00:00.000Z',
      null,
    ]);
    expect(nextRetryAt(first, 1, [])).toBeNull();
  });
});
