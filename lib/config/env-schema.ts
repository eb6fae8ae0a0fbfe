import ipaddr from 'ipaddr.js';
import { z } from 'zod';

// The environment the server reads, validated once at start-up. The README's configuration table
// describes each variable; keep the two in step.

const base64Key = (bytes: number) =>
  z.string().refine((v) => Buffer.from(v, 'base64').length === bytes && /^[A-Za-z0-9+/]+=*$/.test(v), {
    message: `must be ${bytes} random bytes, base64-encoded (openssl rand -base64 ${bytes})`,
  });

const tokenKeyList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(
        z.string().regex(/^[a-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=$/, {
          message: 'each entry must be <kid>:<32 random bytes, base64>; the first one signs',
        }),
      )
      .min(1, { message: 'needs at least one <kid>:<key> entry' }),
  );

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

const intFromString = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ZEnv = z.object({
  PLUGIPAY_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: intFromString(1, 65535).default(3000),
  PORTAL_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgresql:// connection string' })
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  PLUGIPAY_MASTER_KEY: base64Key(32).optional(),
  PORTAL_TOKEN_KEYS: tokenKeyList.optional(),
  PORTAL_SESSION_TTL_SECONDS: intFromString(30, 86_400).default(300),
  PORTAL_LOGIN_TTL_SECONDS: intFromString(60, 3_600).default(3_600),
  RATE_LIMIT_PER_MINUTE: intFromString(1, 1_000_000).default(600),
  CARD_DECLINES_PER_ACCOUNT_PER_HOUR: intFromString(1, 1_000_000).default(100),
  PORTAL_PDFS_PER_MINUTE: intFromString(1, 1_000_000).default(30),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  WEBHOOK_WORKER: z.enum(['on', 'off']).default('on'),
  BILLING_WORKER: z.enum(['on', 'off']).default('on'),
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isCidr, { message: 'each entry must be an IPv4 or IPv6 network in CIDR form, such as 10.0.0.0/8' })))
    .optional(),
  WEBHOOK_RETRY_BASE_SECONDS: intFromString(1, 3_600).default(30),
  DEMO_CREDENTIALS_PATH: z.string().min(1).default('demo-credentials.json'),
  TRUSTED_PROXY_HOPS: intFromString(0, 10).default(0),
  HTTP_REQUEST_TIMEOUT_SECONDS: intFromString(1, 600).default(30),
  SERVER_HEAP_MB: intFromString(128, 65_536).default(256),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Tests only: a file holding milliseconds the server's clock runs ahead (lib/time/server-clock.ts).
  SERVER_CLOCK_OFFSET_FILE: z.string().min(1).optional(),
  // npm run bench only: the floor routes it compares the app with (docs/performance.md).
  BENCH_FLOORS: z.enum(['on', 'off']).default('off'),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Variables that production refuses to start without; demo mode generates them instead. */
export const REQUIRED_IN_PRODUCTION = ['PLUGIPAY_MASTER_KEY', 'PORTAL_TOKEN_KEYS', 'PORTAL_BASE_URL'] as const;
