export type TInterval = 'day' | 'week' | 'month' | 'year';

/**
 * `count` intervals after `date` (before it when negative), in UTC. Months and years keep the day
 * of the month, clamped to the month's last day (Jan 31 + 1 month is Feb 28 or 29), as card
 * networks and Stripe bill.
 */
export function addInterval(date: Date, interval: TInterval, count: number): Date {
  const d = new Date(date);
  if (interval === 'day' || interval === 'week') {
    d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1) * count);
    return d;
  }
  const months = (interval === 'year' ? 12 : 1) * count;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
