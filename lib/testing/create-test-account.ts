// Test fixture: a merchant account of its own (no branding, every feature on) with one key, for
// tests that change an account's settings without touching the demo merchants. Prints JSON.
import { createApiKey } from '../api-keys/create-api-key';
import { API_SCOPES } from '../api-keys/scopes';
import { getConfig } from '../config/get-config';
import { applyMigrations } from '../db/apply-migrations';
import { closeDb, getDb } from '../db/get-db';
import { newAccountData } from '../accounts/new-account';

const db = getDb();
await applyMigrations(db.sql);
const { id: accountId } = await db.prisma.account.create({ data: newAccountData({ name: process.argv[2] ?? 'Feature Test Co' }) });
const key = await createApiKey(db.prisma, { accountId, name: 'Test key', scopes: API_SCOPES, masterKey: getConfig().masterKey });
await closeDb();
console.log(JSON.stringify({ accountId, ...key }));
