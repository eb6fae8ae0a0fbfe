// The production (or, with --dev, development) server: Next.js behind Node's HTTP server, so that
// shutdown closes the database cleanly (PGlite must be closed) after requests have drained.
import http from 'node:http';
import next from 'next';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => void handle(req, res));
// Longer than the idle timeouts of clients and proxies in front (commonly 60 s), so that the server
// is never the side closing a kept-alive connection just as a request is sent on it (ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, () => {
  console.log(`Plugipay portal ${dev ? '(development) ' : ''}listening on http://localhost:${port}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  server.closeIdleConnections();
  await new Promise((resolve) => server.close(resolve));
  const shutdown = (globalThis as Record<symbol, unknown>)[Symbol.for('plugipay.shutdown')] as (() => Promise<void>) | undefined;
  await shutdown?.();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
