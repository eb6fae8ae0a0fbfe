import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plugipay-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const KEY = Buffer.alloc(32, 7).toString('base64');
const production = (overrides: Record<string, string | undefined> = {}) => ({
  PLUGIPAY_MODE: 'production',
  PLUGIPAY_MASTER_KEY: KEY,
  PORTAL_TOKEN_KEYS: `k1:${KEY}`,
  PORTAL_BASE_URL: 'https://billing.example.com',
  DATA_DIR: tempDir(),
  ...overrides,
});

describe('loadConfig in production', () => {
  it('accepts a complete environment', () => {
    const config = loadConfig(production());
    expect(config.mode).toBe('production');
    expect(config.masterKey.length).toBe(32);
    expect(config.portalTokenKeys.map((k) => k.kid)).toEqual(['k1']);
  });

  it.each(['PLUGIPAY_MASTER_KEY', 'PORTAL_TOKEN_KEYS', 'PORTAL_BASE_URL'])('refuses to start without %s, naming it', (name) => {
    expect(() => loadConfig(production({ [name]: undefined }))).toThrow(new RegExp(`${name}: required`));
  });

  it.each([
    ['PLUGIPAY_MASTER_KEY', 'c2hvcnQ='],
    ['PLUGIPAY_MASTER_KEY', 'not base64 at all!!'],
    ['PORTAL_TOKEN_KEYS', 'no-separator'],
    ['PORTAL_TOKEN_KEYS', `k1:${Buffer.alloc(16).toString('base64')}`],
    ['PORTAL_BASE_URL', 'not a url'],
    ['PORTAL_BASE_URL', 'http://billing.example.com'],
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['PLUGIPAY_MODE', 'staging'],
    ['PORTAL_SESSION_TTL_SECONDS', '0'],
    ['PORTAL_LOGIN_TTL_SECONDS', '7200'],
    ['LOG_LEVEL', 'loud'],
    ['PORTAL_PDFS_PER_MINUTE', '0'],
    ['SERVER_HEAP_MB', '64'],
    ['SERVER_HEAP_MB', 'lots'],
    // The bench's floor routes never exist in a production server.
    ['BENCH_FLOORS', 'on'],
    // Nor does a clock that tests move ahead.
    ['SERVER_CLOCK_OFFSET_FILE', '/tmp/offset'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig(production({ [name]: value }))).toThrow(new RegExp(`${name}:`));
  });

  it('does not generate secrets in production', () => {
    const dataDir = tempDir();
    expect(() => loadConfig(production({ PLUGIPAY_MASTER_KEY: undefined, DATA_DIR: dataDir }))).toThrow();
    expect(() => statSync(path.join(dataDir, 'secrets.json'))).toThrow();
  });
});

describe('loadConfig in demo mode', () => {
  it('generates secrets once, private to the owner, and keeps them across restarts', () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.mode).toBe('demo');
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(second.portalTokenKeys[0]!.key.equals(first.portalTokenKeys[0]!.key)).toBe(true);
    expect(statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('generates different secrets for different installations', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).masterKey.equals(loadConfig({ DATA_DIR: tempDir() }).masterKey)).toBe(false);
  });

  it('prefers secrets given in the environment', () => {
    const config = loadConfig({ DATA_DIR: tempDir(), PLUGIPAY_MASTER_KEY: KEY });
    expect(config.masterKey.equals(Buffer.from(KEY, 'base64'))).toBe(true);
  });

  it('defaults the base URL to localhost on the configured port', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: '4321' }).portalBaseUrl).toBe('http://localhost:4321');
  });
});
