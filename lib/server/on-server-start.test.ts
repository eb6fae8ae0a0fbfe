import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverCommand } from '../cli/server-bundle';
import { freePort } from '../testing/test-server';

async function startServer(env: Record<string, string>) {
  const port = String(await freePort());
  const child = spawn(...serverCommand(), {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', PORT: port, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('server start-up in production mode', () => {
  it('stops with a message naming each missing secret', async () => {
    const { code, output } = await startServer({ PLUGIPAY_MODE: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('PLUGIPAY_MASTER_KEY: required');
    expect(output).toContain('PORTAL_TOKEN_KEYS: required');
    expect(output).toContain('PORTAL_BASE_URL: required');
  });

  it('stops with a message naming a malformed secret', async () => {
    const { code, output } = await startServer({
      PLUGIPAY_MODE: 'production',
      PLUGIPAY_MASTER_KEY: 'too-short',
      PORTAL_TOKEN_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      PORTAL_BASE_URL: 'https://billing.example.com',
    });
    expect(code).toBe(1);
    expect(output).toContain('PLUGIPAY_MASTER_KEY: must be 32 random bytes');
  });
});
