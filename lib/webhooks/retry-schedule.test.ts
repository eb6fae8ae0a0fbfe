import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from './retry-schedule';

describe('the retry schedule', () => {
  it('waits between half and all of the doubled base, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3600 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, base, random) => {
        const full = Math.min(base * 1000 * 2 ** (n - 1), MAX_RETRY_DELAY_MS);
        const delay = retryDelayMs(n, base, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(full / 2));
        expect(delay).toBeLessThanOrEqual(Math.ceil(full));
      }),
    );
  });

  it('keeps retrying a receiver that never answers for at least 24 hours, with a few dozen attempts at most', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 100, maxLength: 100 }), (randoms) => {
        const start = Date.UTC(2026, 0, 1);
        const retryUntil = new Date(start + RETRY_WINDOW_MS);
        let at: Date | undefined = new Date(start);
        let attempts = 0;
        let last = at;
        while (at) {
          attempts++;
          last = at;
          at = nextAttemptAt(attempts, at, retryUntil, 30, randoms[attempts % randoms.length]);
        }
        expect(last.getTime() - start).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
        expect(attempts).toBeLessThanOrEqual(40);
      }),
    );
  });
});
