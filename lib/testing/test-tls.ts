import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type TTestTls = { ca: string; key: string; cert: string };

/** Where a test server's TLS files are: a CA its processes trust, and a certificate for localhost it signed. */
export function testTlsPaths(dataDir: string): TTestTls {
  const dir = path.join(dataDir, 'tls');
  return { ca: path.join(dir, 'ca.pem'), key: path.join(dir, 'localhost.key'), cert: path.join(dir, 'localhost.crt') };
}

/**
 * Makes a throwaway CA and a localhost certificate (openssl, valid two days), so that tests can
 * serve https on this machine to a server started with NODE_EXTRA_CA_CERTS pointing at the CA: the
 * merchant URLs it fetches must be https.
 */
export function createTestTls(dataDir: string): TTestTls {
  const files = testTlsPaths(dataDir);
  const dir = path.dirname(files.ca);
  mkdirSync(dir, { recursive: true });
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Plugipay test CA');
  openssl('req', ...ec, '-keyout', 'localhost.key', '-out', 'localhost.csr', '-subj', '/CN=localhost');
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'localhost.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'localhost.crt', '-days', '2', '-extfile', 'san.ext');
  return files;
}
