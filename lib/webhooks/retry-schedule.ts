/** Failed attempts are retried for at least this long before the delivery is marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** No wait between two attempts is longer than this, so a receiver back up is reached within hours. */
export const MAX_RETRY_DELAY_MS = 4 * 60 * 60 * 1000;

/**
 * The wait after the n-th failed attempt (n ≥ 1): the base doubled each time up to the cap, of
 * which a random half is taken off ("equal jitter"), so that receivers recovering from an outage
 * are not hit by every queued delivery at the same moment.
 */
export function retryDelayMs(failedAttempts: number, baseSeconds: number, random: number = Math.random()): number {
  const exponential = Math.min(baseSeconds * 1000 * 2 ** Math.min(failedAttempts - 1, 30), MAX_RETRY_DELAY_MS);
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/**
 * When to try again after a failed attempt at `now`, or undefined when the retry window is over.
 * The window is checked against the attempt just made, so the last attempt is at or after its end:
 * deliveries are retried for at least the whole window.
 */
export function nextAttemptAt(failedAttempts: number, now: Date, retryUntil: Date, baseSeconds: number, random?: number): Date | undefined {
  if (now.getTime() >= retryUntil.getTime()) return undefined;
  return new Date(now.getTime() + retryDelayMs(failedAttempts, baseSeconds, random));
}
