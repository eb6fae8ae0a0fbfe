import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScratchServer, type TScratchServer } from '../testing/scratch-server';
import { signedFetch } from '../testing/signed-fetch';
import { runCli } from '../testing/test-server';

let server: TScratchServer;
beforeAll(async () => {
  server = await startScratchServer({ launch: false });
});
afterAll(() => server?.dispose());

const admin = (...args: string[]) => runCli('lib/cli/admin.ts', args, server.env);

describe('npm run admin', () => {
  it('onboards a merchant: an account, a key, and the key drives the API', async () => {
    const account = JSON.parse(admin('accounts', 'create', '--name', 'First Merchant GmbH', '--json')) as { accountId: string; kind: string };
    expect(account).toMatchObject({ accountId: expect.stringMatching(/^acc_/), kind: 'merchant', name: 'First Merchant GmbH', managedBy: null });
    const key = JSON.parse(admin('keys', 'create', '--account', account.accountId, '--name', 'Production', '--json')) as { keyId: string; secret: string };
    const listed = JSON.parse(admin('keys', 'list', '--account', account.accountId, '--json')) as { keyId: string; scopes: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ keyId: key.keyId, name: 'Production', revokedAt: null })]);
    expect(listed[0]!.scopes).toContain('plugipay:billing:write');
    expect(JSON.stringify(listed)).not.toContain(key.secret);

    const platform = JSON.parse(admin('accounts', 'create', '--name', 'Marketplace', '--platform', '--json')) as { accountId: string };
    const managed = JSON.parse(admin('accounts', 'create', '--name', 'Shop on it', '--managed-by', platform.accountId, '--json')) as { managedBy: string };
    expect(managed.managedBy).toBe(platform.accountId);
    expect(() => admin('accounts', 'create', '--name', 'Nested', '--managed-by', account.accountId)).toThrow(/is a merchant account, not a platform/);

    await server.launch();
    const created = await signedFetch(server.baseUrl, { path: '/api/v1/customers', key, body: { email: 'first@example.com' } });
    expect(created.status).toBe(201);
    await server.halt();

    expect(admin('keys', 'revoke', key.keyId)).toContain(`revoked ${key.keyId}`);
    await server.launch();
    expect((await signedFetch(server.baseUrl, { method: 'GET', path: '/api/v1/customers', key })).status).toBe(401);
    await server.halt();
  }, 120_000);

  it('explains itself: --help on every command, and a wrong option names the usage', () => {
    expect(admin('--help')).toContain('keys create --account');
    for (const command of ['accounts create', 'accounts list', 'keys create', 'keys revoke', 'keys list']) {
      expect(admin(...command.split(' '), '--help')).toContain(`usage: npm run admin -- ${command}`);
    }
    expect(() => admin('accounts', 'create')).toThrow(/--name must be 1 to 100 characters[\s\S]*usage: npm run admin -- accounts create/);
    expect(() => admin('keys', 'create', '--account', 'acc_nope')).toThrow(/No such account: acc_nope/);
    expect(() => admin('keys', 'create', '--account', server.creds.merchant.accountId, '--scopes', 'plugipay:everything')).toThrow(/Unknown scope plugipay:everything/);
    expect(() => admin('accounts', 'frob')).toThrow(/Unknown command: accounts frob/);
  });
});
