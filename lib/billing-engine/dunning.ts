const DAY_MS = 86_400_000;

/** The retry schedule when an account has not set its own: 3, 5 and 7 days after the first failure. */
export const DEFAULT_RETRY_DAYS = [3, 5, 7];

/**
 * When the engine charges a failed invoice again after its `failures`-th failed attempt: the
 * account's retryDays[failures - 1] days after the first failure; null once the retries are spent.
 * A schedule counted from the first failure keeps its dates when a worker runs late.
 */
export function nextRetryAt(firstFailedAt: Date, failures: number, retryDays: readonly number[]): Date | null {
  const days = retryDays[failures - 1];
  return days === undefined ? null : new Date(firstFailedAt.getTime() + days * DAY_MS);
}
