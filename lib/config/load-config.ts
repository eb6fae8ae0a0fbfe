import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { REQUIRED_IN_PRODUCTION, ZEnv } from './env-schema';
import { readOrCreateGeneratedSecrets } from './generated-secrets';

export type TConfig = {
  mode: 'demo' | 'production';
  port: number;
  portalBaseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: Buffer;
  /** Portal link signing keys; the first signs, all verify (rotation). */
  portalTokenKeys: { kid: string; key: Buffer }[];
  portalSessionTtlSeconds: number;
  portalLoginTtlSeconds: number;
  rateLimitPerMinute: number;
  /** Declined card attempts (every customer together) after which an account's portal stops trying cards for a while. */
  cardDeclinesPerAccountPerHour: number;
  /** PDFs one portal login may download a minute: each costs real work. */
  portalPdfsPerMinute: number;
  redisUrl: string | undefined;
  /** Whether this process runs the webhook delivery worker beside the web server. */
  webhookWorker: boolean;
  /** Whether this process runs the billing engine (renewals, charges, retries) for real time. */
  billingWorker: boolean;
  /** Tests only (never in production): where the server reads how far its clock runs ahead. */
  serverClockOffsetFile: string | undefined;
  /** Private networks webhook endpoints may reach (demo mode allows every address). */
  webhookAllowedNetworks: string[];
  /** The first retry's delay; each later one doubles it (with jitter). */
  webhookRetryBaseSeconds: number;
  demoCredentialsPath: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  /** The bench's floor routes answer (demo mode only). */
  benchFloors: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the environment. Every problem is reported with the variable's name, so
 * that a server refusing to start says exactly what to fix.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);

  let masterKey = e.PLUGIPAY_MASTER_KEY;
  let tokenKeys = e.PORTAL_TOKEN_KEYS;
  if (e.PLUGIPAY_MODE === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => e[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n${missing.map((name) => `  ${name}: required when PLUGIPAY_MODE=production`).join('\n')}`,
      );
    }
    if (new URL(e.PORTAL_BASE_URL!).protocol !== 'https:') {
      throw new ConfigError('Invalid configuration:\n  PORTAL_BASE_URL: must be https when PLUGIPAY_MODE=production');
    }
    if (e.BENCH_FLOORS === 'on') throw new ConfigError('Invalid configuration:\n  BENCH_FLOORS: the bench routes never run in production mode');
    if (e.SERVER_CLOCK_OFFSET_FILE) throw new ConfigError('Invalid configuration:\n  SERVER_CLOCK_OFFSET_FILE: a production server keeps real time');
  } else if (masterKey === undefined || tokenKeys === undefined) {
    const generated = readOrCreateGeneratedSecrets(dataDir);
    masterKey ??= generated.PLUGIPAY_MASTER_KEY;
    tokenKeys ??= ZEnv.shape.PORTAL_TOKEN_KEYS.unwrap().parse(generated.PORTAL_TOKEN_KEYS);
  }

  return {
    mode: e.PLUGIPAY_MODE,
    port: e.PORT,
    portalBaseUrl: (e.PORTAL_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    masterKey: Buffer.from(masterKey!, 'base64'),
    portalTokenKeys: tokenKeys!.map((entry) => {
      const [kid, key] = entry.split(':') as [string, string];
      return { kid, key: Buffer.from(key, 'base64') };
    }),
    portalSessionTtlSeconds: e.PORTAL_SESSION_TTL_SECONDS,
    portalLoginTtlSeconds: e.PORTAL_LOGIN_TTL_SECONDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    cardDeclinesPerAccountPerHour: e.CARD_DECLINES_PER_ACCOUNT_PER_HOUR,
    portalPdfsPerMinute: e.PORTAL_PDFS_PER_MINUTE,
    redisUrl: e.REDIS_URL,
    webhookWorker: e.WEBHOOK_WORKER === 'on',
    billingWorker: e.BILLING_WORKER === 'on',
    webhookAllowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS ?? [],
    webhookRetryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
    demoCredentialsPath: path.resolve(e.DEMO_CREDENTIALS_PATH),
    logLevel: e.LOG_LEVEL,
    benchFloors: e.BENCH_FLOORS === 'on',
    serverClockOffsetFile: e.SERVER_CLOCK_OFFSET_FILE,
  };
}
