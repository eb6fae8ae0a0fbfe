import 'server-only';
import { randomBytes } from 'node:crypto';
import { encryptSecret } from '../crypto/secret-box';
import type { PrismaClient } from '../db/generated/client';
import { newId } from '../ids/new-id';
import type { TApiScope } from './scopes';

type TDbClient = Pick<PrismaClient, 'apiKey'>;

export type TCreatedApiKey = { keyId: string; secret: string };

/** Creates a key and returns its secret: the only time the secret is shown in clear. */
export async function createApiKey(
  db: TDbClient,
  { accountId, name, scopes, masterKey }: { accountId: string; name: string; scopes: readonly TApiScope[]; masterKey: Buffer },
): Promise<TCreatedApiKey> {
  const keyId = newId('apiKey');
  const secret = `pps_${randomBytes(32).toString('base64url')}`;
  await db.apiKey.create({
    data: { id: keyId, accountId, name, scopes: [...scopes], secretCiphertext: encryptSecret(secret, masterKey, keyId) },
  });
  return { keyId, secret };
}
