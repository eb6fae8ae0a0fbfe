import 'server-only';
import { Redis } from 'ioredis';
import { getConfig } from '../config/get-config';
import { getPrisma } from '../db/get-db';

/** Counts hits in fixed windows shared by every instance; returns the count including this hit. */
export type TRateLimitStore = { hit(key: string, windowStart: number, windowMs: number): Promise<number> };

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
};

function redisStore(url: string): TRateLimitStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return {
    async hit(key, windowStart, windowMs) {
      const redisKey = `plugipay:rl:${key}:${windowStart}`;
      const result = await redis.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec();
      return Number(result![0]![1]);
    },
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
