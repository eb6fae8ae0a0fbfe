import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM under the master key, for secrets that must come back (API key and webhook secrets:
// HMAC needs the secret itself). Format: v1.<iv>.<ciphertext>.<tag>, base64url.
const VERSION = 'v1';

export function encryptSecret(plaintext: string, masterKey: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  // The row's id as associated data: a ciphertext copied onto another row does not decrypt.
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(box: string, masterKey: Buffer, associatedData: string): string {
  const [version, iv, ciphertext, tag] = box.split('.');
  if (version !== VERSION || !iv || !ciphertext || !tag) throw new Error('malformed secret box');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
