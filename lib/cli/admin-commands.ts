// The commands of `npm run admin` (lib/cli/admin.ts): the operator's tool for a self-hosted install. It onboards
// merchants without the demo seed: accounts (merchant or platform) and their API keys. Every
// command takes --help; --json prints what scripts need. On the embedded database, stop the server
// first (PGlite has one writer).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApiKey } from '../api-keys/create-api-key';
import { revokeApiKey } from '../api-keys/revoke-api-key';
import { API_SCOPES, type TApiScope } from '../api-keys/scopes';
import type { TConfig } from '../config/load-config';
import { applyMigrations } from '../db/apply-migrations';
import type { TDatabase } from '../db/open-database';
import { isId } from '../ids/new-id';
import { runDbTask } from './run-db-task';
import { newAccountData } from '../accounts/new-account';

type TCommand = {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (args: { values: Record<string, string | boolean | undefined>; positionals: string[]; db: TDatabase; config: TConfig }) => Promise<void>;
};

class UsageError extends Error {}

const print = (json: boolean | undefined, value: unknown, text: string) => console.log(json ? JSON.stringify(value) : text);

async function findAccount(db: TDatabase, accountId: string | undefined, flag = '--account') {
  if (!accountId) throw new UsageError(`${flag} acc_… is required`);
  const account = isId('account', accountId) ? await db.prisma.account.findUnique({ where: { id: accountId } }) : null;
  if (!account) throw new Error(`No such account: ${accountId}`);
  return account;
}

function parseScopes(text: string | undefined): TApiScope[] {
  const scopes = (text ?? API_SCOPES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}`);
  return scopes as TApiScope[];
}

export const COMMANDS: Record<string, TCommand> = {
  'accounts create': {
    usage: 'accounts create --name NAME [--platform] [--managed-by acc_…] [--json]',
    summary: 'Create a merchant account (or, with --platform, a platform that manages merchants).',
    options: { name: { type: 'string' }, platform: { type: 'boolean' }, 'managed-by': { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, db }) {
      const name = String(values.name ?? '').trim();
      if (!name || name.length > 100) throw new UsageError('--name must be 1 to 100 characters');
      if (values.platform && values['managed-by']) throw new UsageError('a platform is not managed by another platform');
      const platform = values['managed-by'] ? await findAccount(db, values['managed-by'] as string, '--managed-by') : null;
      if (platform && platform.kind !== 'platform') throw new Error(`${platform.id} is a merchant account, not a platform`);
      const account = await db.prisma.account.create({
        data: newAccountData({ name, kind: values.platform ? 'platform' : 'merchant', platformAccountId: platform?.id ?? null }),
      });
      print(values.json as boolean, { accountId: account.id, kind: account.kind, name: account.name, managedBy: account.platformAccountId }, `${account.kind} account ${account.id} "${account.name}"${platform ? `, managed by ${platform.id}` : ''}`);
    },
  },
  'accounts list': {
    usage: 'accounts list [--json]',
    summary: 'List every account, oldest first.',
    options: { json: { type: 'boolean' } },
    async run({ values, db }) {
      const accounts = await db.prisma.account.findMany({ orderBy: { createdAt: 'asc' }, include: { _count: { select: { customers: true, apiKeys: true } } } });
      const rows = accounts.map((a) => ({ accountId: a.id, kind: a.kind, name: a.name, managedBy: a.platformAccountId, customers: a._count.customers, keys: a._count.apiKeys }));
      print(values.json as boolean, rows, rows.map((r) => [r.accountId, r.kind.padEnd(8), r.name, r.managedBy ? `managed by ${r.managedBy}` : '', `${r.customers} customers, ${r.keys} keys`].filter(Boolean).join('  ')).join('\n') || '(no accounts)');
    },
  },
  'keys create': {
    usage: 'keys create --account acc_… [--name NAME] [--scopes a,b] [--json]',
    summary: `Create an API key (every scope unless --scopes names some: ${API_SCOPES.join(', ')}). The secret is printed once.`,
    options: { account: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, db, config }) {
      const scopes = parseScopes(values.scopes as string | undefined);
      const account = await findAccount(db, values.account as string | undefined);
      const key = await createApiKey(db.prisma, { accountId: account.id, name: (values.name as string | undefined) ?? 'API key', scopes, masterKey: config.masterKey });
      print(values.json as boolean, key, `keyId  ${key.keyId}\nsecret ${key.secret}\n(the secret is shown only now; store it in your secret manager)`);
    },
  },
  'keys revoke': {
    usage: 'keys revoke key_… [--json]',
    summary: 'Revoke a key: every request it signs is refused from now on.',
    options: { json: { type: 'boolean' } },
    async run({ values, positionals, db }) {
      const keyId = positionals[0];
      if (!keyId) throw new UsageError('the key id is required');
      if (!(await revokeApiKey(db.prisma, keyId))) throw new Error(`No such key: ${keyId}`);
      print(values.json as boolean, { keyId, revoked: true }, `revoked ${keyId}`);
    },
  },
  'keys list': {
    usage: 'keys list --account acc_… [--json]',
    summary: "List an account's keys (never their secrets).",
    options: { account: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, db }) {
      const account = await findAccount(db, values.account as string | undefined);
      const keys = await db.prisma.apiKey.findMany({ where: { accountId: account.id }, orderBy: { createdAt: 'asc' } });
      const rows = keys.map((k) => ({ keyId: k.id, name: k.name, scopes: k.scopes, revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null }));
      print(values.json as boolean, rows, rows.map((k) => [k.keyId, k.name, k.scopes.join(',') || '(no scopes)', k.revokedAt ? `revoked ${k.revokedAt}` : 'active', `last used ${k.lastUsedAt ?? 'never'}`].join('  ')).join('\n') || '(no keys)');
    },
  },
};

function overview(): string {
  return ['usage: npm run admin -- <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`), '', 'Every command takes --help.'].join('\n');
}

/** Runs one admin command line (without "npm run admin --"). */
export async function runAdmin(argv: string[]): Promise<void> {
  const name = argv.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (!command) {
    const helpOnly = argv.length === 0 || argv[0] === '--help' || argv[0] === 'help';
    (helpOnly ? console.log : console.error)(helpOnly ? overview() : `Unknown command: ${argv.join(' ')}\n\n${overview()}`);
    process.exit(helpOnly ? 0 : 2);
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv.slice(2), allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run admin -- ${command.usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(`usage: npm run admin -- ${command.usage}\n\n${command.summary}`);
    process.exit(0);
  }
  await runDbTask(async (db, config) => {
    // A fresh install's first command finds an empty database: bring it up to date first.
    await applyMigrations(db.sql);
    try {
      await command.run({ ...parsed, db, config });
    } catch (error) {
      if (error instanceof UsageError) throw new Error(`${error.message}\nusage: npm run admin -- ${command.usage}`);
      throw error;
    }
  });
}
