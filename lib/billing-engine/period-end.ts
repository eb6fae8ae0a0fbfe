import { addInterval, type TInterval } from './add-interval';

// Rough lengths, only to start the search near the answer; addInterval decides.
const APPROXIMATE_MS: Record<TInterval, number> = { day: 86_400_000, week: 604_800_000, month: 2_629_746_000, year: 31_556_952_000 };

/**
 * The end of the billing period that begins at `start`: the first boundary after it, counted from
 * the subscription's anchor. Counting from the anchor (not from the last period) keeps the day of
 * the month: an anchor of Jan 31 bills Feb 28, then Mar 31, not Mar 28.
 */
export function nextPeriodEnd(anchor: Date, interval: TInterval, intervalCount: number, start: Date): Date {
  let n = Math.floor((start.getTime() - anchor.getTime()) / (APPROXIMATE_MS[interval] * intervalCount)) - 1;
  while (addInterval(anchor, interval, intervalCount * n) > start) n--;
  while (addInterval(anchor, interval, intervalCount * n) <= start) n++;
  return addInterval(anchor, interval, intervalCount * n);
}
