import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';
import { serverCommand } from '../cli/server-bundle';
import { createTestTls, testTlsPaths } from './test-tls';
import { createScratchPostgres } from './scratch-postgres';

export type TTestFixtures = {
  /** A merchant key that has been revoked. */
  revokedKey: { keyId: string; secret: string };
  /** Merchant keys no other test uses, so that their rate-limit counters are the test's alone. */
  rateLimitKey: { keyId: string; secret: string };
  otherRateLimitKey: { keyId: string; secret: string };
  /** Customers that one test each logs in (see TEST_CUSTOMERS). */
  customers: Record<keyof typeof TEST_CUSTOMERS, string>;
  /** A merchant of the tests' own, whose settings tests may change. */
  featureAccount: { accountId: string; keyId: string; secret: string };
  /** A merchant whose webhook endpoints only the webhook tests create, so that they see only their own events. */
  webhookAccount: { accountId: string; keyId: string; secret: string };
  /** A merchant with a Japanese name whose legal details only the document tests set. */
  documentsAccount: { accountId: string; keyId: string; secret: string };
  /** A merchant whose billing objects only the billing API tests create. */
  billingAccount: { accountId: string; keyId: string; secret: string };
  /** A key of the billing account that may read billing objects and nothing else. */
  billingReadKey: { keyId: string; secret: string };
};

type TAccountFixture = 'merchant' | 'otherMerchant' | 'featureAccount' | 'webhookAccount' | 'documentsAccount' | 'billingAccount';

/**
 * Each test that keeps a login open gets a customer of its own, cloned from a demo customer, in
 * one of the demo merchants (Acme Cloud cancels at period end; Kopi Nusantara at once) or in the
 * feature-test account.
 */
export const TEST_CUSTOMERS = {
  loginExpiry: ['merchant', 'noPaymentMethod'],
  e2eTabs: ['merchant', 'active'],
  e2eReferer: ['merchant', 'active'],
  e2eDone: ['merchant', 'noPaymentMethod'],
  e2eUsed: ['merchant', 'active'],
  e2eFlow: ['merchant', 'active'],
  e2eA11yLight: ['merchant', 'active'],
  e2eA11yDark: ['merchant', 'active'],
  e2eCards: ['merchant', 'active'],
  e2eDeclined: ['merchant', 'active'],
  e2eCardErrors: ['merchant', 'active'],
  e2eCancelResume: ['merchant', 'active'],
  e2eCancelNow: ['otherMerchant', 'otherMerchant'],
  e2eIdr: ['merchant', 'idr'],
  e2eIdrAmounts: ['merchant', 'idr'],
  e2eIndonesian: ['merchant', 'idr'],
  e2eCancelFlow: ['merchant', 'active'],
  e2eCardFlow: ['merchant', 'noPaymentMethod'],
  apiCards: ['merchant', 'manyInvoices'],
  apiLastCard: ['merchant', 'active'],
  apiCancel: ['merchant', 'active'],
  apiCancelNow: ['otherMerchant', 'otherMerchant'],
  apiCancelFlow: ['merchant', 'active'],
  apiFeatures: ['featureAccount', 'active'],
  apiRace: ['merchant', 'noPaymentMethod'],
  e2eFeatures: ['featureAccount', 'active'],
  webhookCancel: ['webhookAccount', 'active'],
  webhookCard: ['webhookAccount', 'noPaymentMethod'],
  // Cancelled at the end of a period that ended weeks ago: the billing engine ends it when the server starts.
  webhookPeriodEnded: ['webhookAccount', 'canceling', 45],
  // One customer per currency whose amounts the locale tests compare with Intl.
  e2eMoneyUsd: ['merchant', 'active'],
  e2eMoneyEur: ['merchant', 'manyInvoices'],
  e2eMoneyIdr: ['merchant', 'idr'],
  e2eMoneyJpy: ['merchant', 'active', 0, 'JPY'],
  e2eMoneyKwd: ['merchant', 'active', 0, 'KWD'],
  e2eLocales: ['merchant', 'active'],
  e2eReachEnLight: ['merchant', 'active'],
  e2eReachEnDark: ['merchant', 'active'],
  e2eReachJaLight: ['merchant', 'active'],
  e2eReachJaDark: ['merchant', 'active'],
  e2eKeyboardCancel: ['merchant', 'active'],
  e2eKeyboardCard: ['merchant', 'noPaymentMethod'],
  e2eRtl: ['merchant', 'active'],
  e2eBundle: ['merchant', 'active'],
  e2eNoPrefetch: ['merchant', 'manyInvoices'],
  e2eBrandColors: ['webhookAccount', 'active'],
  e2eFocus: ['merchant', 'active'],
  e2eCardFormat: ['merchant', 'noPaymentMethod'],
  e2ePhoneRows: ['merchant', 'manyInvoices'],
  e2ePhoneCancel: ['merchant', 'active'],
  e2eCardFieldErrors: ['merchant', 'noPaymentMethod'],
  e2eCardDuplicate: ['merchant', 'noPaymentMethod'],
  e2eDoubleSubmit: ['merchant', 'active'],
  e2eCardGerman: ['merchant', 'noPaymentMethod'],
  apiUnsafeText: ['merchant', 'active'],
  apiReturnUrl: ['merchant', 'active'],
  apiFlowCardScope: ['merchant', 'active'],
  apiFlowCancelScope: ['merchant', 'active'],
  apiCardVelocity: ['merchant', 'active'],
  apiCardVelocityOther: ['merchant', 'noPaymentMethod'],
  apiCardPerLogin: ['merchant', 'noPaymentMethod'],
  apiPdfLimit: ['merchant', 'manyInvoices'],
  e2eNextCharge: ['merchant', 'manyInvoices'],
  e2eInvoicePage: ['merchant', 'idr'],
  apiDocuments: ['documentsAccount', 'idr'],
  apiOpenRace: ['merchant', 'noPaymentMethod'],
  e2eTabFirstPaint: ['merchant', 'active'],
  apiDeleteCustomer: ['billingAccount', 'active'],
  apiCompression: ['merchant', 'manyInvoices'],
} as const satisfies Record<string, readonly [TAccountFixture, string, number?, string?]>;

export type TTestServer = {
  baseUrl: string;
  credentialsPath: string;
  dataDir: string;
  pid: number;
  /** The environment the server runs with; another instance started with it shares its database. */
  env: NodeJS.ProcessEnv;
  /** With `keepTemplate`: the folder of its seeded state, for TEST_ENV.template. */
  template?: string;
  stop: () => Promise<void>;
};

// Environment for a started server and its tests, handed from the harness to Vitest and Playwright.
export const TEST_ENV = {
  baseUrl: 'PLUGIPAY_TEST_BASE_URL',
  credentialsPath: 'PLUGIPAY_TEST_CREDENTIALS',
  dataDir: 'PLUGIPAY_TEST_DATA_DIR',
  pid: 'PLUGIPAY_TEST_SERVER_PID',
  template: 'PLUGIPAY_TEST_TEMPLATE',
} as const;

/**
 * The suite server's data folder and database as they were seeded, before it first started. A test
 * that needs a server of its own copies them instead of seeding again: seeding runs a score of CLI
 * processes, which on two busy cores took most of a two-minute hook.
 */
type TSeedTemplate = {
  dataDir: string;
  /** The secrets the seeded data was written with (API key secrets are sealed with the master key). */
  secrets: { PLUGIPAY_MASTER_KEY: string; PORTAL_TOKEN_KEYS: string };
  database?: string;
};

const TEMPLATE_FILE = 'template.json';

function readTemplate(): TSeedTemplate | undefined {
  const folder = process.env[TEST_ENV.template];
  if (!folder || !existsSync(path.join(folder, TEMPLATE_FILE))) return undefined;
  return JSON.parse(readFileSync(path.join(folder, TEMPLATE_FILE), 'utf8')) as TSeedTemplate;
}

async function saveTemplate(dataDir: string, env: NodeJS.ProcessEnv, database?: string): Promise<{ folder: string; drop: () => Promise<void> }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plugipay-template-'));
  const template: TSeedTemplate = {
    dataDir: path.join(folder, 'data'),
    secrets: { PLUGIPAY_MASTER_KEY: env.PLUGIPAY_MASTER_KEY!, PORTAL_TOKEN_KEYS: env.PORTAL_TOKEN_KEYS! },
  };
  cpSync(dataDir, template.dataDir, { recursive: true });
  const copy = database ? await createScratchPostgres(process.env.DATABASE_URL!, database) : undefined;
  template.database = copy?.name;
  writeFileSync(path.join(folder, TEMPLATE_FILE), JSON.stringify(template), { mode: 0o600 });
  return {
    folder,
    drop: async () => {
      await copy?.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the test server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the test server did not become healthy within ${timeoutMs} ms`);
}

export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Seeds the demo data and the test fixtures (through the same commands a user runs). */
function seed(env: NodeJS.ProcessEnv, credentialsPath: string, fixturesPath: string) {
  runCli('lib/cli/db-seed.ts', [], env);
  const merchant = readCredentials(credentialsPath).merchant.accountId;
  const createKey = (name: string) =>
    JSON.parse(runCli('lib/cli/api-keys.ts', ['create', '--account', merchant, '--name', name, '--json'], env)) as { keyId: string; secret: string };
  const revokedKey = createKey('Revoked test key');
  runCli('lib/cli/api-keys.ts', ['revoke', revokedKey.keyId], env);
  const featureAccount = JSON.parse(runCli('lib/testing/create-test-account.ts', ['Feature Test Co'], env)) as TTestFixtures['featureAccount'];
  const webhookAccount = JSON.parse(runCli('lib/testing/create-test-account.ts', ['Webhook Test Co'], env)) as TTestFixtures['webhookAccount'];
  const documentsAccount = JSON.parse(runCli('lib/testing/create-test-account.ts', ['東京クラウド'], env)) as TTestFixtures['documentsAccount'];
  const billingAccount = JSON.parse(runCli('lib/testing/create-test-account.ts', ['Billing Test Co'], env)) as TTestFixtures['billingAccount'];
  const accounts: Record<TAccountFixture, string> = {
    merchant,
    otherMerchant: readCredentials(credentialsPath).otherMerchant.accountId,
    featureAccount: featureAccount.accountId,
    webhookAccount: webhookAccount.accountId,
    documentsAccount: documentsAccount.accountId,
    billingAccount: billingAccount.accountId,
  };
  const customers = {} as TTestFixtures['customers'];
  for (const account of Object.keys(accounts) as TAccountFixture[]) {
    const specs = Object.entries(TEST_CUSTOMERS).filter(([, [a]]) => a === account).map(([label, [, like, daysAgo, currency]]) => `${label}=${like}@${daysAgo ?? 0}${currency ? `:${currency}` : ''}`);
    if (specs.length > 0) Object.assign(customers, JSON.parse(runCli('lib/testing/create-test-customers.ts', [accounts[account], ...specs], env)));
  }
  const fixtures: TTestFixtures = {
    revokedKey,
    rateLimitKey: createKey('Rate-limit test key'),
    otherRateLimitKey: createKey('Second rate-limit test key'),
    customers,
    featureAccount,
    webhookAccount,
    documentsAccount,
    billingAccount,
    billingReadKey: JSON.parse(runCli('lib/cli/api-keys.ts', ['create', '--account', billingAccount.accountId, '--name', 'Billing read key', '--scopes', 'plugipay:billing:read', '--json'], env)) as { keyId: string; secret: string },
  };
  writeFileSync(fixturesPath, JSON.stringify(fixtures));
}

type TEnvOptions = { port: number; dataDir: string; credentialsPath: string; databaseUrl?: string; shared?: Record<string, string | undefined>; extra?: Record<string, string> };

/** A test server's environment: demo mode, fresh secrets, its own data folder and port. */
export function testServerEnv({ port, dataDir, credentialsPath, databaseUrl, shared, extra = {} }: TEnvOptions): NodeJS.ProcessEnv {
  const baseUrl = `http://localhost:${port}`;
  return {
    ...process.env,
    PLUGIPAY_MODE: 'demo',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PLUGIPAY_MASTER_KEY: randomBytes(32).toString('base64'),
    // Two keys, as mid-rotation: t2 signs new links, t1 (the old one) still verifies.
    PORTAL_TOKEN_KEYS: `t2:${randomBytes(32).toString('base64')},t1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Retries after about 1, 2, 4… seconds, so that a test sees several attempts.
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    DATABASE_URL: databaseUrl ?? '',
    // Every test file calls the API with the same few keys at once; the limit itself is tested on an
    // instance of its own (limits.test.ts), so the shared server's keys get room to spare.
    RATE_LIMIT_PER_MINUTE: '10000',
    ...shared,
    PORT: String(port),
    PORTAL_BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    DEMO_CREDENTIALS_PATH: credentialsPath,
    ...extra,
  };
}

type TStartOptions = {
  env?: Record<string, string>;
  shareWith?: TTestServer;
  /** Keep a copy of the seeded state for the servers that tests start later (TEST_ENV.template). */
  keepTemplate?: boolean;
};

/**
 * Starts the production build on a free port with its own seeded database (PGlite in a temporary
 * folder, or a scratch PostgreSQL database when DATABASE_URL is set), as a user would run it: seeded
 * by the CLI, or copied from the suite's template when there is one. With `shareWith`, it starts a
 * second instance on the first one's PostgreSQL database instead.
 */
export async function startTestServer({ env: extraEnv = {}, shareWith, keepTemplate = false }: TStartOptions = {}): Promise<TTestServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` (npm test does it for you).');
  if (shareWith && !shareWith.env.DATABASE_URL) throw new Error('Only a PostgreSQL database can be shared between instances.');
  const template = shareWith ? undefined : readTemplate();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-server-'));
  if (template) cpSync(template.dataDir, dataDir, { recursive: true });
  const scratch = !shareWith && process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL, template?.database) : undefined;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const credentialsPath = shareWith?.credentialsPath ?? path.join(dataDir, 'demo-credentials.json');
  const tls = shareWith ? undefined : template ? testTlsPaths(dataDir) : createTestTls(dataDir);
  // A second instance on the suite's database runs no delivery worker unless asked: its worker would
  // claim other tests' deliveries, and cut their attempts short when the test stops it.
  const quiet: Record<string, string> = shareWith ? { WEBHOOK_WORKER: 'off', BILLING_WORKER: 'off' } : {};
  const env = testServerEnv({ port, dataDir, credentialsPath, databaseUrl: scratch?.url, shared: shareWith?.env ?? template?.secrets, extra: { ...(tls ? { NODE_EXTRA_CA_CERTS: tls.ca } : {}), ...quiet, ...extraEnv } });
  if (!shareWith && !template) seed(env, credentialsPath, path.join(dataDir, 'test-fixtures.json'));
  const saved = keepTemplate ? await saveTemplate(dataDir, env, scratch?.name) : undefined;
  writeFileSync(path.join(dataDir, 'server-env.json'), JSON.stringify(env), { mode: 0o600 });

  const child = spawn(...serverCommand([], env), { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await scratch?.drop();
    await saved?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, credentialsPath, dataDir, pid: child.pid!, env, template: saved?.folder, stop };
}

export function readCredentials(credentialsPath: string): TDemoCredentials {
  return JSON.parse(readFileSync(credentialsPath, 'utf8')) as TDemoCredentials;
}

export function readFixtures(dataDir: string): TTestFixtures {
  return JSON.parse(readFileSync(path.join(dataDir, 'test-fixtures.json'), 'utf8')) as TTestFixtures;
}

/** The running test server as a handle that another instance can share, read from its data folder. */
export function describeRunningServer(dataDir: string, baseUrl: string, pid: number): TTestServer {
  const env = JSON.parse(readFileSync(path.join(dataDir, 'server-env.json'), 'utf8')) as NodeJS.ProcessEnv;
  return { baseUrl, credentialsPath: env.DEMO_CREDENTIALS_PATH!, dataDir, pid, env, stop: async () => {} };
}
