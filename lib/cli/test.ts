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
// Built as a production deployment builds it: production mode and none of the runtime secrets, so
// a build that needed them (or wrote demo secrets) fails here. The mode is read again at run time.
const buildEnv = { ...env, PLUGIPAY_MODE: 'production', PLUGIPAY_MASTER_KEY: '', PORTAL_TOKEN_KEYS: '', PORTAL_BASE_URL: '', DATA_DIR: '/nonexistent/plugipay-build' };
console.log('\n▶ next build (type check included; production mode, no secrets)');
const build = spawnSync(bin('next'), ['build'], { env: buildEnv, encoding: 'utf8' });
process.stdout.write(build.stdout);
process.stderr.write(build.stderr);
if (build.status !== 0) process.exit(1);
// A file read the build cannot scope would ship the whole project as server code.
if (/tracing of the whole project/.test(build.stdout + build.stderr)) {
  console.error('\nThe build traced the whole project (see the warning above): scope the file access or mark it turbopackIgnore.');
  process.exit(1);
}

console.log(`\n▶ starting the test server on ${process.env.DATABASE_URL ? 'a scratch PostgreSQL database' : 'embedded PGlite'}`);
const server = await startTestServer({ keepTemplate: true });
const testEnv = {
  ...env,
  [TEST_ENV.baseUrl]: server.baseUrl,
  [TEST_ENV.credentialsPath]: server.credentialsPath,
  [TEST_ENV.dataDir]: server.dataDir,
  [TEST_ENV.pid]: String(server.pid),
  [TEST_ENV.template]: server.template,
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
