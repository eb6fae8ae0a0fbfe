import { startTestServer, TEST_ENV } from '../../lib/testing/test-server';

// Uses the server that `npm test` started, or starts one for a lone `npm run test:e2e`.
export default async function globalSetup() {
  if (process.env[TEST_ENV.baseUrl]) return;
  const server = await startTestServer();
  process.env[TEST_ENV.baseUrl] = server.baseUrl;
  process.env[TEST_ENV.credentialsPath] = server.credentialsPath;
  process.env[TEST_ENV.dataDir] = server.dataDir;
  return server.stop;
}
