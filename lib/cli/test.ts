// npm test: build the production app, start it once with a fresh seeded database, then run the
// unit and integration tests (Vitest) and the browser tests (Playwright, Debian's Chromium) against it.
import { spawnSync } from 'node:child_process';
import { startTestServer, TEST_ENV } from '../testing/test-server';
import { ensureChromium } from './ensure-chromium';

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

try {
  ensureChromium();
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name: string) => `node_modules/.bin/${name}`;
if (!run('eslint', bin('eslint'), ['.', '--max-warnings=0'], env)) process.exit(1);
if (!run('next build (type check included)', bin('next'), ['build'], env)) process.exit(1);

console.log(`\n▶ starting the test server on ${process.env.DATABASE_URL ? 'a scratch PostgreSQL database' : 'embedded PGlite'}`);
const server = await startTestServer();
const testEnv = {
  ...env,
  [TEST_ENV.baseUrl]: server.baseUrl,
  [TEST_ENV.credentialsPath]: server.credentialsPath,
  [TEST_ENV.dataDir]: server.dataDir,
  [TEST_ENV.pid]: String(server.pid),
};
let ok = false;
try {
  const unit = run('vitest (unit and integration)', bin('vitest'), ['run'], testEnv);
  const browser = run('playwright (browser)', bin('playwright'), ['test'], testEnv);
  ok = unit && browser;
} finally {
  await server.stop();
}
console.log(ok ? '\nAll tests passed.' : '\nSome tests failed.');
process.exit(ok ? 0 : 1);
