import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationHeader } from '../api-keys/request-signature';
import { serverCommand } from './server-bundle';
import { mintPortalSession, openLink } from '../testing/portal-links';
import { startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { freePort } from '../testing/test-server';

/** Runs the server or the worker to its exit, keeping what it prints. */
function runToExit(script: 'server' | 'worker', env: Record<string, string>) {
  const [command, args] = script === 'server' ? serverCommand() : [process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/worker.ts']];
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const STACK_LINE = /^\s+at /m;

describe('a bad LOG_LEVEL', () => {
  it.each([
    ['the worker', 'worker' as const],
    ['the server', 'server' as const],
  ])('stops %s with the configuration message, not a stack trace', async (_, script) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-loglevel-'));
    const { code, output } = await runToExit(script, { LOG_LEVEL: 'loud', DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain('LOG_LEVEL: ');
    expect(output).not.toMatch(STACK_LINE);
  });
});

describe('a port already in use', () => {
  it('stops the server at once, naming the port, before it opens the database', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-port-'));
    try {
      const { code, output } = await runToExit('server', { PORT: String(port), DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} is already in use`);
      expect(output).not.toMatch(STACK_LINE);
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

// One server for the rest, behind one trusted proxy, with a short request timeout and a Redis
// that is not there; the last test stops it.
describe('the server process', () => {
  let server: TScratchServer;
  let deadRedisPort: number;
  let auditedSessionId: string;
  beforeAll(async () => {
    deadRedisPort = await freePort();
    server = await startScratchServer({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: '2', TRUSTED_PROXY_HOPS: '1', REDIS_URL: `redis://127.0.0.1:${deadRedisPort}` } });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('cuts off a request whose body never arrives, answering 408', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (c) => (answer += c.toString('utf8')));
    socket.write('POST /api/v1/portal-sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":1}');
    await new Promise((r) => socket.once('close', r));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('keeps answering the API while Redis is down, counting in the database, and health says degraded', async () => {
    const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.active });
    expect(session.id).toMatch(/^pls_/);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: { ok: true }, rateLimits: { kind: 'redis', ok: false } });
  });

  it('records in the audit log the address the trusted proxy saw, not the one the client claimed', async () => {
    const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.creds.customers.noPaymentMethod });
    const { res } = await openLink(session.url, { 'X-Forwarded-For': '1.2.3.4, 198.51.100.7' });
    expect(res.status).toBe(303);
    auditedSessionId = session.id; // read from the database once the server has stopped, below
  });

  it('drains on SIGTERM under load on kept-alive connections: every request sent is answered, each connection closes as its answer ends, then it exits 0', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const send = (method: string, target: string, body = '', headers: Record<string, string> = {}) =>
      new Promise<{ status: number; closing: boolean }>((resolve, reject) => {
        const contentHeaders = body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {};
        const req = http.request({ host: '127.0.0.1', port: server.port, method, path: target, agent, headers: { ...headers, ...contentHeaders } }, (res) => {
          res.resume();
          res.once('end', () => resolve({ status: res.statusCode!, closing: res.headers.connection === 'close' }));
        });
        req.once('error', reject);
        req.end(body);
      });
    const mint = () => {
      const body = JSON.stringify({ customerId: server.creds.customers.active, returnUrl: 'https://yourapp.com/billing' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const authorization = authorizationHeader(server.creds.merchant.keyId, server.creds.merchant.secret, { timestamp, method: 'POST', pathWithQuery: '/api/v1/portal-sessions', body });
      return send('POST', '/api/v1/portal-sessions', body, { Authorization: authorization });
    };
    // 32 connections, accepted and kept alive.
    await Promise.all(Array.from({ length: 32 }, () => send('GET', '/api/health')));
    // Each client sends its next request on its connection as soon as the last is answered, until
    // an answer says the connection closes.
    let answered = 0;
    let signal: () => void;
    const enoughLoad = new Promise<void>((r) => (signal = r));
    const statuses: number[] = [];
    const failures: string[] = [];
    const client = async () => {
      for (;;) {
        try {
          const { status, closing } = await mint();
          statuses.push(status);
          if (++answered === 64) signal();
          if (closing) return;
        } catch (error) {
          failures.push((error as NodeJS.ErrnoException).code ?? String(error));
          return;
        }
      }
    };
    const clients = Array.from({ length: 32 }, client);
    await enoughLoad;
    const exitCode = server.halt('SIGTERM');
    await Promise.all(clients);
    agent.destroy();
    expect(failures).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([201]));
    expect(await exitCode).toBe(0);
    expect(server.output()).not.toContain('closing them');
    // And now it accepts nothing.
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();

    // The database was closed cleanly: it opens again, and holds what the earlier test recorded.
    const db = server.openDb();
    try {
      const rows = await db.prisma.auditLog.findMany({ where: { portalSessionId: auditedSessionId, action: 'portal_link.open' } });
      expect(rows.map((r) => r.ipPrefix)).toEqual(['198.51.100.0/24']);
    } finally {
      await db.close();
    }
  });
});
