/**
 * A prorationDate is Unix seconds, as Stripe's is; a period starts at a moment with milliseconds.
 * The second in which the period began therefore counts as inside it, and prorates from the start
 * itself: a change previewed in the first second of a period is billed what the preview showed.
 */

/** The whole second a preview made at `at` names as its prorationDate. */
export function toProrationDate(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** The moment `prorationDate` prorates from, or null when it falls before the period began. */
export function prorationInstant(prorationDate: number, periodStart: Date): Date | null {
  if (prorationDate < toProrationDate(periodStart)) return null;
  const at = new Date(prorationDate * 1000);
  return at < periodStart ? periodStart : at;
}
