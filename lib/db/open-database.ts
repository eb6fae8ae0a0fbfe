import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { acquireEmbeddedLock } from './embedded-lock';
import { PrismaClient } from './generated/client';
import { withPlanCache } from './plan-cache';
import { statementNamer } from './statement-names';
import type { TSqlRunner } from './sql-runner';

export type TDatabase = {
  prisma: PrismaClient;
  sql: TSqlRunner;
  kind: 'embedded' | 'postgresql';
  /** Where it lives, for messages: a folder or the server's host and database (never credentials). */
  location: string;
  close(): Promise<void>;
};

export type TOpenDatabaseOptions = { databaseUrl?: string; dataDir: string };

// The one place that decides which database the process talks to.
export function openDatabase({ databaseUrl, dataDir }: TOpenDatabaseOptions): TDatabase {
  return databaseUrl ? openPostgres(databaseUrl) : openEmbedded(dataDir);
}

// PostgreSQL's default 128 MB of shared buffers is memory PGlite fills at start and never gives
// back (WebAssembly memory does not shrink), for pages the operating system already caches: the
// data files are ordinary files here. A quarter of that holds the hot indexes; reads beyond it
// cost a system call, not a disk seek (bench: idle RSS 100 MB lower, queries no slower). Given on
// the command line: PGlite's postgresqlconf option would rewrite the folder's postgresql.conf.
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=32MB'];

// The runner's values come back as Prisma's $queryRaw gives them, whichever the driver. Prisma keeps
// DateTime in `timestamp` columns, in UTC, where both drivers would use the process's time zone; and
// a bigint is a BigInt, where pg gives a string and PGlite a number that may lose digits.
const INT8_OID = 20;
const TIMESTAMP_OID = 1114;
const RUNNER_PARSERS: Record<number, (text: string) => unknown> = {
  [INT8_OID]: (text) => BigInt(text),
  [TIMESTAMP_OID]: (text) => new Date(`${text.replace(' ', 'T')}Z`),
};
const driverValues = (params: unknown[] | undefined) => params?.map((value) => (value instanceof Date ? value.toISOString() : value));
const PG_TYPES = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => RUNNER_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser };

function openEmbedded(dataDir: string): TDatabase {
  const dir = path.join(dataDir, 'pglite');
  // PGlite does not create missing parents.
  mkdirSync(dataDir, { recursive: true });
  const release = acquireEmbeddedLock(path.join(dataDir, 'pglite.lock'), dir);
  let pglite: PGlite;
  try {
    // The runner's parsers as the instance's own: given with each query, PGlite merges them into its
    // 318 defaults every time (0.1 ms a statement). Prisma's adapter passes its own, which still win.
    pglite = new PGlite(dir, { startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS], parsers: RUNNER_PARSERS });
  } catch (error) {
    release();
    throw error;
  }
  const planned = withPlanCache(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(planned) });
  const runner = (q: PGlite | Transaction): TSqlRunner => ({
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, driverValues(params))).rows,
    exec: async (sql) => {
      await q.exec(sql);
    },
    transaction: (fn) => ('transaction' in q ? q.transaction((tx) => fn(runner(tx))) : fn(runner(q))),
  });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    sql: runner(planned),
    kind: 'embedded',
    location: dir,
    close: () =>
      (closing ??= (async () => {
        try {
          await prisma.$disconnect();
          // $disconnect does not close PGlite; an unclosed folder may not open again.
          await pglite.close();
        } finally {
          release();
        }
      })()),
  };
}

function openPostgres(databaseUrl: string): TDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  // Behind PgBouncer in transaction mode a statement prepared on one server connection is unknown
  // to the next; pgbouncer=true, Prisma's own switch for it, leaves every statement unnamed.
  const nameOf = new URL(databaseUrl).searchParams.get('pgbouncer') === 'true' ? () => undefined : statementNamer();
  const runner = (q: pg.Pool | pg.PoolClient): TSqlRunner => ({
    query: async <T>(sql: string, params?: unknown[]) =>
      (await q.query({ name: nameOf(sql), text: sql, values: driverValues(params), types: PG_TYPES })).rows as T[],
    exec: async (sql) => {
      await q.query(sql);
    },
    transaction: async (fn) => {
      const client = q instanceof pg.Pool ? await q.connect() : q;
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        if (client !== q) (client as pg.PoolClient).release();
      }
    },
  });
  const url = new URL(databaseUrl);
  let closing: Promise<void> | undefined;
  return {
    prisma,
    sql: runner(pool),
    kind: 'postgresql',
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () =>
      (closing ??= (async () => {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      })()),
  };
}
