import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { readCredentials } from '../testing/test-server';

function portalLink(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/portal-link.ts', ...args], {
    encoding: 'utf8',
    env: { NODE_ENV: 'production', PATH: process.env.PATH, ...env },
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run portal-link', () => {
  const creds = () => readCredentials(inject('credentialsPath'));
  const keyEnv = () => ({ PLUGIPAY_KEY_ID: creds().merchant.keyId, PLUGIPAY_SECRET: creds().merchant.secret, PLUGIPAY_BASE_URL: inject('baseUrl') });
  const link = () => new RegExp(`^${inject('baseUrl')}/p/\\S+`);

  it('prints a fresh link and its expiry, with keys from the environment', () => {
    const { code, out } = portalLink([creds().customers.active, '--return-url', 'https://yourapp.com/support/billing-thanks'], keyEnv());
    expect(code).toBe(0);
    const [url, expiry] = out.trim().split('\n');
    expect(url).toMatch(link());
    expect(expiry).toMatch(/^expires \d{4}-\d\d-\d\dT.* \(in about 5 minutes\)/);
  });

  it('deep-links to a tab', () => {
    const { code, out } = portalLink([creds().customers.active, '--tab', 'invoices', '--return-url', 'https://a.example'], keyEnv());
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/\?tab=invoices$/);
  });

  it('uses the demo credentials and their customer aliases in demo mode', () => {
    const { code, out } = portalLink(['idr', '--locale', 'id'], { DEMO_CREDENTIALS_PATH: inject('credentialsPath') });
    expect(code).toBe(0);
    expect(out).toMatch(link());
  });

  it('acts for a managed merchant with --account, through the platform key', () => {
    const c = creds();
    const { code, out } = portalLink([c.customers.active, '--account', c.platform.managedAccountId, '--return-url', 'https://a.example'], {
      PLUGIPAY_KEY_ID: c.platform.keyId,
      PLUGIPAY_SECRET: c.platform.secret,
      PLUGIPAY_BASE_URL: inject('baseUrl'),
    });
    expect(code).toBe(0);
    expect(out).toMatch(link());
  });

  it.each([
    ['an unknown customer', () => ['cus_01HM56NZ00AAAAAAAAAAAAAAAA', '--return-url', 'https://a.example'], /No such customer.*not_found, customerId, request req_/],
    ['another merchant’s customer', () => [readCredentials(inject('credentialsPath')).customers.otherMerchant, '--return-url', 'https://a.example'], /not_found/],
    ['a bad return URL', () => [readCredentials(inject('credentialsPath')).customers.active, '--return-url', 'http://yourapp.com'], /validation_error, returnUrl/],
    ['an unknown tab', () => ['cus_x', '--tab', 'settings'], /--tab must be one of/],
    ['no customer', () => [], /usage: npm run portal-link/],
  ])('fails clearly for %s', (_, args, message) => {
    const { code, err } = portalLink(args(), keyEnv());
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  it('says which address it could not reach, and where that address came from', async () => {
    const { freePort } = await import('../testing/test-server');
    const closed = `http://localhost:${await freePort()}`;
    const { code, err } = portalLink([creds().customers.active, '--return-url', 'https://yourapp.com/x'], { ...keyEnv(), PLUGIPAY_BASE_URL: closed });
    expect(code).toBe(1);
    expect(err).toContain(`Could not reach the portal at ${closed}, the address from PLUGIPAY_BASE_URL.`);
    expect(err).not.toContain('fetch failed');
  });

  it('fails clearly without keys or demo credentials', () => {
    const { code, err } = portalLink(['cus_x'], { DEMO_CREDENTIALS_PATH: '/nonexistent.json' });
    expect(code).toBe(1);
    expect(err).toContain('Set PLUGIPAY_KEY_ID and PLUGIPAY_SECRET');
  });
});
