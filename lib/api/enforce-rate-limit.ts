import 'server-only';
import { getConfig } from '../config/get-config';
import { ApiError } from './errors';
import { getRateLimitStore } from './rate-limit-store';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per subject (RATE_LIMIT_PER_MINUTE unless the caller names a limit);
 * over the limit is 429 with Retry-After.
 */
export async function enforceRateLimit(subject: string, { limit = getConfig().rateLimitPerMinute, now = Date.now() }: { limit?: number; now?: number } = {}): Promise<void> {
  const windowStart = now - (now % WINDOW_MS);
  const count = await getRateLimitStore().hit(subject, windowStart, WINDOW_MS);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    throw new ApiError('rate_limited', `Too many requests; retry after ${retryAfter} seconds.`, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
}
