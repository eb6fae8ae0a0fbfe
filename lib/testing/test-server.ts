import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';
import { createScratchPostgres } from './scratch-postgres';

export type TTestServer = {
  baseUrl: string;
  credentialsPath: string;
  dataDir: string;
  pid: number;
  stop: () => Promise<void>;
};

// Environment for a started server and its tests, handed from the harness to Vitest and Playwright.
export const TEST_ENV = {
  baseUrl: 'PLUGIPAY_TEST_BASE_URL',
  credentialsPath: 'PLUGIPAY_TEST_CREDENTIALS',
  dataDir: 'PLUGIPAY_TEST_DATA_DIR',
  pid: 'PLUGIPAY_TEST_SERVER_PID',
} as const;

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

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
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

/**
 * Starts the production build on a free port with its own seeded database (PGlite in a temporary
 * folder, or a scratch PostgreSQL database when DATABASE_URL is set), as a user would run it.
 */
export async function startTestServer(): Promise<TTestServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` (npm test does it for you).');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-server-'));
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL) : undefined;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const credentialsPath = path.join(dataDir, 'demo-credentials.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLUGIPAY_MODE: 'demo',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    PORTAL_BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    DEMO_CREDENTIALS_PATH: credentialsPath,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: scratch?.url ?? '',
  };
  const seed = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/db-seed.ts'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seeding the test database failed:\n${seed.stdout}${seed.stderr}`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/serve.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, credentialsPath, dataDir, pid: child.pid!, stop };
}

export function readCredentials(credentialsPath: string): TDemoCredentials {
  return JSON.parse(readFileSync(credentialsPath, 'utf8')) as TDemoCredentials;
}
