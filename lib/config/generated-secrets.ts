import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ZGeneratedSecrets = z.object({
  PLUGIPAY_MASTER_KEY: z.string(),
  PORTAL_TOKEN_KEYS: z.string(),
});
export type TGeneratedSecrets = z.infer<typeof ZGeneratedSecrets>;

// Demo mode needs no configuration: secrets are generated on first start and kept in the
// (git-ignored) data folder so that encrypted rows and issued links survive a restart.
export function readOrCreateGeneratedSecrets(dataDir: string): TGeneratedSecrets {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return ZGeneratedSecrets.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is unreadable or malformed; delete it to generate new demo secrets`, { cause: error });
    }
  }
  const secrets: TGeneratedSecrets = {
    PLUGIPAY_MASTER_KEY: randomBytes(32).toString('base64'),
    PORTAL_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process generated them first: theirs win, so everyone shares one set.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateGeneratedSecrets(dataDir);
    throw error;
  }
  return secrets;
}
