import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

// What the HTTP server (lib/cli/serve.ts) learns from the connection and hands to the app in
// headers of its own. A client's copies of these headers are dropped first, so the app can trust them.
export const EDGE_HEADERS = {
  /** The request target exactly as the client sent it (path and query, undecoded): what was signed. */
  target: 'x-plugipay-request-target',
  /** The client's address, per TRUSTED_PROXY_HOPS. */
  clientIp: 'x-plugipay-client-ip',
} as const;

const SUPPORTED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function isSupportedMethod(method: string | undefined): boolean {
  return SUPPORTED_METHODS.has(method ?? '');
}

/** Whether the path's percent-encoding decodes to text; `/p/%FF%FE` does not. */
export function hasDecodablePath(target: string): boolean {
  const path = target.split('?')[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The client's address: the socket's peer, or, behind `hops` trusted proxies that each append the
 * address they saw to X-Forwarded-For, the entry that the outermost trusted proxy appended.
 * Entries further left were written by the client and prove nothing.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | undefined {
  const peer = socketAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (hops === 0) return peer;
  const chain = [forwardedFor ?? []].flat().join(',').split(',').map((s) => s.trim()).filter(Boolean);
  const candidate = chain[chain.length - hops];
  return candidate && isIP(candidate) ? candidate : peer;
}

/** Replaces whatever the client sent in the edge headers with what the server itself saw. */
export function stampEdgeHeaders(req: IncomingMessage, trustedProxyHops: number): void {
  delete req.headers[EDGE_HEADERS.target];
  delete req.headers[EDGE_HEADERS.clientIp];
  req.headers[EDGE_HEADERS.target] = req.url ?? '/';
  const ip = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxyHops);
  if (ip) req.headers[EDGE_HEADERS.clientIp] = ip;
}
