import 'server-only';
import { getConfig } from '../config/get-config';
import { ApiError } from './errors';
import { getRateLimitStore } from './rate-limit-store';

const WINDOW_MS = 60_000;

/** Fixed one-minute windows per key (RATE_LIMIT_PER_MINUTE); over the limit is 429 with Retry-After. */
export async function enforceRateLimit(subject: string, now: number = Date.now()): Promise<void> {
  const limit = getConfig().rateLimitPerMinute;
  const windowStart = now - (now % WINDOW_MS);
  const count = await getRateLimitStore().hit(subject, windowStart, WINDOW_MS);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    throw new ApiError('rate_limited', `Too many requests; retry after ${retryAfter} seconds.`, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
}
