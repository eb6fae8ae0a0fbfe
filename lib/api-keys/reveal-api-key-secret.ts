import 'server-only';
import { decryptSecret } from '../crypto/secret-box';

/** The secret of a stored key, for HMAC verification and for writing demo credentials. */
export function revealApiKeySecret(key: { id: string; secretCiphertext: string }, masterKey: Buffer): string {
  return decryptSecret(key.secretCiphertext, masterKey, key.id);
}
