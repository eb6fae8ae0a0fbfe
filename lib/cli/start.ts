// npm start (and npm run dev with --dev): migrate and, on an empty demo database, seed; build the
// production app if it is not built; then serve. Each step owns the embedded database in turn.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serverCommand } from './server-bundle';

const dev = process.argv.includes('--dev');
// A self-hosted payments app does not report to anyone: Next.js's telemetry is off for the build
// and the server alike.
process.env.NEXT_TELEMETRY_DISABLED = '1';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/cli/db-setup.ts']);
if (!dev && !existsSync('.next/BUILD_ID')) {
  console.log('Building the production app (first start only; `npm run build` rebuilds)…');
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
}
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });
const [node, args] = serverCommand(dev ? ['--dev'] : []);
const server = spawn(node, args, { stdio: 'inherit', env: process.env });
// The server drains on SIGINT and SIGTERM; this process passes them on (a terminal's Ctrl-C reaches
// both, and the server takes a second one as the same request) and leaves with the server's code.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
