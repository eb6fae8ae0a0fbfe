import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';
import { serverCommand } from '../cli/server-bundle';
import { openDatabase, type TDatabase } from '../db/open-database';
import { createScratchPostgres } from './scratch-postgres';
import { freePort, readCredentials, runCli, testServerEnv, waitForHealth } from './test-server';

export type TScratchServer = {
  baseUrl: string;
  port: number;
  env: NodeJS.ProcessEnv;
  creds: TDemoCredentials;
  /** The running process (after `launch`). */
  child: () => ChildProcess;
  /** Everything the process printed, stdout and stderr, since its launch. */
  output: () => string;
  /** Starts the server (again) on the same database and port; resolves once it answers /api/health. */
  launch: () => Promise<void>;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  halt: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Opens the server's database from the test process (PGlite: only once the server has stopped). */
  openDb: () => TDatabase;
  dispose: () => Promise<void>;
};

/**
 * A server of a test's own, on a fresh database with the demo data only, for the tests that stop,
 * kill or restart it, or read its database. Its output is kept for assertions.
 */
export async function startScratchServer({ env: extra = {}, launch = true }: { env?: Record<string, string>; launch?: boolean } = {}): Promise<TScratchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-scratch-'));
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL) : undefined;
  const port = await freePort();
  const credentialsPath = path.join(dataDir, 'demo-credentials.json');
  const env = testServerEnv({ port, dataDir, credentialsPath, databaseUrl: scratch?.url, extra });
  runCli('lib/cli/db-seed.ts', [], env);

  let child: ChildProcess | undefined;
  let printed = '';
  let exited: Promise<number | null> = Promise.resolve(null);
  const halt = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const server: TScratchServer = {
    baseUrl: `http://localhost:${port}`,
    port,
    env,
    creds: readCredentials(credentialsPath),
    child: () => child!,
    output: () => printed,
    launch: async () => {
      printed = '';
      const started = spawn(...serverCommand([], env), { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      started.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      exited = new Promise((resolve) => started.once('exit', (code) => resolve(code)));
      await waitForHealth(server.baseUrl, started, 60_000);
    },
    halt,
    openDb: () => openDatabase({ databaseUrl: scratch?.url, dataDir }),
    dispose: async () => {
      await halt('SIGKILL');
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (launch) {
    try {
      await server.launch();
    } catch (error) {
      await server.dispose();
      throw new Error(`${(error as Error).message}\n${printed}`);
    }
  }
  return server;
}

/** Every row of every table of the public schema, as text, for tests that look for what must not be stored. */
export async function dumpAllRows(db: TDatabase): Promise<string> {
  const tables = await db.sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.sql.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
