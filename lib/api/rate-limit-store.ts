import 'server-only';
import { Redis } from 'ioredis';
import { getConfig } from '../config/get-config';
import { Prisma } from '../db/generated/client';
import { getPrisma } from '../db/get-db';
import { rawRows } from '../db/raw-rows';
import { logger } from '../log/logger';

/** Counts hits in fixed windows shared by every instance; returns the count including this hit. */
export type TRateLimitStore = {
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
  /** For /api/health: which store counts, and whether it answers. */
  status(): { kind: 'memory' | 'database' | 'redis'; ok: boolean };
};

/**
 * The embedded database admits one server process (the embedded lock), so its counters can live in
 * that process: the same limits as the shared stores, without a write on every request.
 */
function memoryStore(): TRateLimitStore {
  const counts = new Map<string, { windowStart: number; count: number }>();
  let sweptAt = 0;
  return {
    async hit(key, windowStart, windowMs) {
      if (windowStart - sweptAt >= windowMs) {
        for (const [k, v] of counts) if (v.windowStart < windowStart) counts.delete(k);
        sweptAt = windowStart;
      }
      const entry = counts.get(key);
      if (entry && entry.windowStart === windowStart) return ++entry.count;
      counts.set(key, { windowStart, count: 1 });
      return 1;
    },
    status: () => ({ kind: 'memory', ok: true }),
  };
}

const databaseStore: TRateLimitStore = {
  async hit(key, windowStart, windowMs) {
    // On the driver, as every merchant request counts (docs/decisions.md, "Raw SQL on hot paths").
    const [row] = await rawRows<{ count: number }>(Prisma.sql`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${new Date(windowStart)}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"`);
    // Old windows are of no further use; about one hit in a hundred sweeps them.
    if (Math.random() < 0.01) {
      await getPrisma().rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(windowStart - 10 * windowMs) } } });
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

// Redis when REDIS_URL is set, otherwise the PostgreSQL server, both shared by every instance; on
// the embedded database, which has one instance, the process's memory.
export function getRateLimitStore(): TRateLimitStore {
  const g = globalThis as TGlobal;
  const { redisUrl, databaseUrl } = getConfig();
  return (g[STORE] ??= redisUrl ? redisStore(redisUrl) : databaseUrl ? databaseStore : memoryStore());
}
