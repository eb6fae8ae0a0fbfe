// npm run api-keys -- create --account acc_… [--name "…"] [--scopes a,b] [--json]
//                    revoke key_…
//                    list --account acc_…
// Manages merchant API keys on the configured database (stop the server first on the embedded one).
import { parseArgs } from 'node:util';
import { createApiKey } from '../api-keys/create-api-key';
import { revokeApiKey } from '../api-keys/revoke-api-key';
import { API_SCOPES, type TApiScope } from '../api-keys/scopes';
import { isId } from '../ids/new-id';
import { runDbTask } from './run-db-task';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { account: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, json: { type: 'boolean' } },
});
const [command, argument] = positionals;

function fail(message: string): never {
  throw new Error(message);
}

await runDbTask(async (db, config) => {
  if (command === 'create') {
    const accountId = values.account ?? fail('create needs --account acc_…');
    if (!isId('account', accountId) || !(await db.prisma.account.findUnique({ where: { id: accountId } }))) fail(`No such account: ${accountId}`);
    const scopes = (values.scopes ?? API_SCOPES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0) fail(`Unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}`);
    const key = await createApiKey(db.prisma, { accountId, name: values.name ?? 'API key', scopes: scopes as TApiScope[], masterKey: config.masterKey });
    if (values.json) console.log(JSON.stringify(key));
    else console.log(`keyId  ${key.keyId}\nsecret ${key.secret}\n(the secret is shown only now; store it in your secret manager)`);
  } else if (command === 'revoke') {
    const keyId = argument ?? fail('revoke needs a key id');
    if (!(await revokeApiKey(db.prisma, keyId))) fail(`No such key: ${keyId}`);
    console.log(`revoked ${keyId}`);
  } else if (command === 'list') {
    const accountId = values.account ?? fail('list needs --account acc_…');
    const keys = await db.prisma.apiKey.findMany({ where: { accountId }, orderBy: { createdAt: 'asc' } });
    for (const k of keys) {
      console.log([k.id, k.name, k.scopes.join(',') || '(no scopes)', k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active', `last used ${k.lastUsedAt?.toISOString() ?? 'never'}`].join('  '));
    }
  } else {
    fail('usage: npm run api-keys -- create --account acc_… [--name N] [--scopes a,b] [--json] | revoke key_… | list --account acc_…');
  }
});
