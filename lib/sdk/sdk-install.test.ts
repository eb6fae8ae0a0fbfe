import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCredentials } from '../testing/test-server';
import type { TDemoCredentials } from '../../prisma/seed/seed-demo-data';

// The SDK as another Node 20 project gets it: packed, installed from the tarball, used from
// TypeScript (type-checked), ES modules and CommonJS, against the live test server.
const repo = process.cwd();
let project: string;
let creds: TDemoCredentials;

beforeAll(() => {
  creds = readCredentials(inject('credentialsPath'));
  execFileSync(process.execPath, ['lib/sdk/build.mjs'], { stdio: 'pipe' });
  project = mkdtempSync(path.join(os.tmpdir(), 'plugipay-sdk-user-'));
  const tarball = execFileSync('npm', ['pack', path.join(repo, 'lib/sdk'), '--pack-destination', project, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'merchant-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], { cwd: project, stdio: 'pipe' });
  for (const file of readdirSync(path.join(repo, 'lib/sdk/examples'))) copyFileSync(path.join(repo, 'lib/sdk/examples', file), path.join(project, file));
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

function runExample(file: string, env: Record<string, string>) {
  const args = file.endsWith('.ts') ? ['--import', path.join(repo, 'node_modules/tsx/dist/loader.mjs'), file] : [file];
  const result = spawnSync(process.execPath, args, {
    cwd: project,
    encoding: 'utf8',
    env: { NODE_ENV: 'production', PATH: process.env.PATH, PLUGIPAY_BASE_URL: inject('baseUrl'), ...env },
    timeout: 30_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

const portalUrl = () => new RegExp(`^${inject('baseUrl')}/p/\\S+$`);

describe('the SDK installed in another project', () => {
  it('type-checks the seed page samples against its declarations', () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, typeRoots: [path.join(repo, 'node_modules/@types')], types: ['node'] },
        include: ['*.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs the create sample unchanged, with the base URL from PLUGIPAY_BASE_URL', () => {
    const out = runExample('create-portal-session.ts', { PLUGIPAY_KEY_ID: creds.merchant.keyId, PLUGIPAY_SECRET: creds.merchant.secret, CUSTOMER_ID: creds.customers.active });
    expect(out).toMatch(portalUrl());
  });

  it('runs the platform samples: forMerchant and request with onBehalfOf', () => {
    const out = runExample('platform-on-behalf-of.ts', {
      PLUGIPAY_PLATFORM_KEY_ID: creds.platform.keyId,
      PLUGIPAY_PLATFORM_SECRET: creds.platform.secret,
      MERCHANT_ACCOUNT_ID: creds.platform.managedAccountId,
      CUSTOMER_ID: creds.customers.active,
    });
    const sessions = JSON.parse(out) as { id: string; customerId: string; url: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.id).not.toBe(sessions[1]!.id);
    for (const s of sessions) expect(s).toMatchObject({ customerId: creds.customers.active, url: expect.stringMatching(portalUrl()) });
  });

  it('runs the webhook sample, and it refuses a forged signature', () => {
    const body = JSON.stringify({ id: 'evt_1', type: 'plugipay.subscription.canceled.v1', createdAt: new Date().toISOString(), account: creds.merchant.accountId, data: { object: { id: 'sub_9' } } });
    const t = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', 'whsec_demo').update(`${t}.${body}`).digest('hex');
    expect(runExample('verify-webhook.ts', { WEBHOOK_BODY: body, WEBHOOK_SIGNATURE: `t=${t},v1=${sig}`, PLUGIPAY_WEBHOOK_SECRET: 'whsec_demo' })).toBe('canceled sub_9');
    const forged = spawnSync(process.execPath, ['--import', path.join(repo, 'node_modules/tsx/dist/loader.mjs'), 'verify-webhook.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { NODE_ENV: 'production', PATH: process.env.PATH, WEBHOOK_BODY: body.replace('sub_9', 'sub_8'), WEBHOOK_SIGNATURE: `t=${t},v1=${sig}`, PLUGIPAY_WEBHOOK_SECRET: 'whsec_demo' },
    });
    expect(forged.status).not.toBe(0);
    expect(forged.stderr).toContain('PlugipaySignatureVerificationError');
  });

  it('works from plain JavaScript, as ES modules and as CommonJS, with typed errors', () => {
    const env = { PLUGIPAY_KEY_ID: creds.merchant.keyId, PLUGIPAY_SECRET: creds.merchant.secret, CUSTOMER_ID: creds.customers.active, OTHER_CUSTOMER_ID: creds.customers.otherMerchant };
    expect(runExample('esm.mjs', env)).toMatch(portalUrl());
    const [url, notFound] = runExample('commonjs.cjs', env).split('\n');
    expect(url).toMatch(portalUrl());
    expect(notFound).toMatch(/^not_found req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
