import 'server-only';
import { Redis } from 'ioredis';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';
import { logger } from '../log/logger';

/** Counts hits in fixed windows shared by every instance; returns the count including this hit. */
export type TRateLimitStore = {
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
  /** For /api/health: which store counts, and whether it answers. */
  status(): { kind: 'database' | 'redis'; ok: boolean };
};

const databaseStore: TRateLimitStore = {
  async hit(key, windowStart, windowMs) {
    const prisma = getPrisma();
    const [row] = await prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${new Date(windowStart)}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"`;
    // Old windows are of no further use; about one hit in a hundred sweeps them.
    if (Math.random() < 0.01) {
      await prisma.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(windowStart - 10 * windowMs) } } });
    }
    return Number(row!.count);
  },
  status: () => ({ kind: 'database', ok: true }),
};

/**
 * Redis, failing fast: no queue while disconnected and short timeouts, so that a dead Redis costs a
 * request half a second at most. While Redis cannot answer, the database counts instead (shared by
 * every instance too), and health says so; ioredis keeps reconnecting in the background.
 */
function redisStore(url: string): TRateLimitStore {
  const redis = new Redis(url, {
    connectTimeout: 500,
    commandTimeout: 500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let lastWarning = 0;
  redis.on('error', () => undefined); // reported below, once a minute, not per reconnect attempt
  // Requests that arrive while the first connection is being made wait for it (500 ms at most),
  // instead of counting in the database while Redis is in fact there.
  let firstConnection: Promise<void> | undefined = new Promise<void>((resolve) => {
    const settled = () => {
      firstConnection = undefined;
      resolve();
    };
    for (const event of ['ready', 'error', 'end']) redis.once(event, settled);
  });
  return {
    async hit(key, windowStart, windowMs) {
      if (firstConnection) await firstConnection;
      try {
        const redisKey = `plugipay:rl:${key}:${windowStart}`;
        const result = await redis.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec();
        return Number(result![0]![1]);
      } catch (error) {
        if (Date.now() - lastWarning > 60_000) {
          lastWarning = Date.now();
          logger.warn({ err: error }, 'Redis does not answer: rate limits are counted in the database until it does');
        }
        return databaseStore.hit(key, windowStart, windowMs);
      }
    },
    status: () => ({ kind: 'redis', ok: redis.status === 'ready' }),
  };
}

const STORE = Symbol.for('plugipay.rateLimitStore');
type TGlobal = typeof globalThis & { [STORE]?: TRateLimitStore };

// Redis when REDIS_URL is set, otherwise the database; both are shared by all instances.
export function getRateLimitStore(): TRateLimitStore {
  const g = globalThis as TGlobal;
  const { redisUrl } = getConfig();
  return (g[STORE] ??= redisUrl ? redisStore(redisUrl) : databaseStore);
}
