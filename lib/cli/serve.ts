// The production (or, with --dev, development) server: Next.js behind Node's HTTP server, so that
// the connection's facts reach the app (the exact request target, the client's address), requests
// that Next.js cannot route are answered in our error model, and shutdown drains requests before
// closing the database (PGlite must be closed).
import http from 'node:http';
import net, { type Socket } from 'node:net';
import next from 'next';
import { ZEnv } from '../config/env-schema';
import { newRequestId, REQUEST_ID_HEADER } from '../api/request-id';
import { compressOnEnd } from '../server/compress-response';
import { hasDecodablePath, isSupportedMethod, stampEdgeHeaders } from '../server/request-edge';

const dev = process.argv.includes('--dev');
const settings = ZEnv.pick({ PORT: true, TRUSTED_PROXY_HOPS: true, HTTP_REQUEST_TIMEOUT_SECONDS: true }).safeParse(
  Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)),
);
if (!settings.success) {
  console.error(`\nInvalid configuration:\n${settings.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n')}\n`);
  process.exit(1);
}
const { PORT: port, TRUSTED_PROXY_HOPS: trustedProxyHops, HTTP_REQUEST_TIMEOUT_SECONDS: requestTimeoutSeconds } = settings.data;
const FORCED_EXIT_MS = 10_000;

/** An answer given before Next.js: the API's JSON error under /api, a plain page elsewhere. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: 400 | 405, headers: Record<string, string> = {}) {
  const requestId = newRequestId();
  const api = (req.url ?? '').startsWith('/api/');
  const message = status === 400 ? 'The request path is not valid percent-encoded UTF-8.' : `The method ${req.method} is not supported.`;
  const body = api
    ? JSON.stringify({ error: { code: status === 400 ? 'validation_error' : 'method_not_allowed', message, requestId } })
    : `<!doctype html><html lang="en"><meta charset="utf-8"><title>${status === 400 ? 'Bad request' : 'Method not allowed'}</title><main><h1>${status === 400 ? 'Bad request' : 'Method not allowed'}</h1><p>${message}</p><p>Request id: ${requestId}</p></main></html>`;
  res.writeHead(status, {
    'Content-Type': api ? 'application/json' : 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Content-Type-Options': 'nosniff',
    [REQUEST_ID_HEADER]: requestId,
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

let stopping = false;
type THandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
let markReady!: (handler: THandler) => void;
// Requests that arrive while Next.js prepares wait for it.
const ready = new Promise<THandler>((resolve) => (markReady = resolve));

const server = http.createServer(
  {
    // A client that sends its headers or its body slowly (or never) is cut off, not waited for.
    requestTimeout: requestTimeoutSeconds * 1000,
    headersTimeout: Math.min(requestTimeoutSeconds, 10) * 1000,
    connectionsCheckingInterval: 1000,
  },
  (req, res) => {
    // While draining, every answer closes its connection, so the client opens no new request on it.
    if (stopping) res.setHeader('Connection', 'close');
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once('close', () => {
      busy.set(socket, busy.get(socket)! - 1);
      if (stopping && busy.get(socket) === 0) closeWhenIdle(socket);
    });
    if (!isSupportedMethod(req.method)) return refuse(req, res, 405, { Allow: 'GET, HEAD, POST, PATCH, DELETE, OPTIONS' });
    if (!hasDecodablePath(req.url ?? '/')) return refuse(req, res, 400);
    stampEdgeHeaders(req, trustedProxyHops);
    compressOnEnd(req, res);
    void ready.then((handle) => handle(req, res));
  },
);
// Longer than the idle timeouts of clients and proxies in front (commonly 60 s), so that the server
// is never the side closing a kept-alive connection just as a request is sent on it (ECONNRESET).
server.keepAliveTimeout = 65_000;

const connections = new Set<Socket>();
/** Requests in progress per connection. */
const busy = new Map<Socket, number>();
server.on('connection', (socket) => {
  connections.add(socket);
  socket.once('close', () => {
    connections.delete(socket);
    busy.delete(socket);
  });
});

// How long a kept-alive connection may stay idle once draining began: a request the client sent
// just before it saw the server stop is still read and answered, instead of meeting a reset.
const IDLE_GRACE_MS = 1_000;
function closeWhenIdle(socket: Socket) {
  setTimeout(() => {
    // After the next poll for input: a request already received but not yet read counts as busy.
    setImmediate(() => {
      if (!busy.get(socket)) socket.destroy();
    });
  }, IDLE_GRACE_MS).unref();
}

// The port first: a taken port stops the process before it opens the database or starts the worker.
await new Promise<void>((resolve) => {
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use by another process; stop it or set PORT to a free port` : error.message;
    console.error(`\nThe Plugipay portal cannot listen: ${reason}.\n`);
    process.exit(1);
  });
  server.listen(port, resolve);
});

const app = next({ dev, dir: process.cwd(), port });
await app.prepare();
markReady(app.getRequestHandler());
console.log(`Plugipay portal ${dev ? '(development) ' : ''}listening on http://localhost:${port}`);

async function closeApp(): Promise<void> {
  const shutdown = (globalThis as Record<symbol, unknown>)[Symbol.for('plugipay.shutdown')] as (() => Promise<void>) | undefined;
  await shutdown?.();
}

/**
 * Drains: stops accepting, lets requests in flight finish (each answered with Connection: close),
 * closes idle connections as they appear, then stops the worker and closes the database.
 */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  const forced = setTimeout(() => {
    console.error(`Requests still running after ${FORCED_EXIT_MS / 1000} s: closing them.`);
    for (const socket of connections) socket.destroy();
    // Even now the embedded database is closed, so that its folder opens again.
    void Promise.race([closeApp(), new Promise((r) => setTimeout(r, 3_000))]).finally(() => process.exit(1));
  }, FORCED_EXIT_MS);
  forced.unref();
  // net.Server's close, not http.Server's: that one would reset idle connections at once.
  const closed = new Promise((resolve) => net.Server.prototype.close.call(server, resolve));
  for (const socket of connections) if (!busy.get(socket)) closeWhenIdle(socket);
  await closed;
  await closeApp();
  clearTimeout(forced);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
