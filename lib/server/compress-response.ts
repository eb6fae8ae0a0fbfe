import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

// Next.js compresses as it streams: every chunk it writes is a round trip to zlib's thread pool and a
// flush. A portal page of 64 KB cost 6 ms of CPU that way, a trivial page 3 ms (docs/decisions.md,
// "Compression in one piece"). Pages here have no streamed parts (no Suspense on the server), so a
// compressible answer is gathered and compressed once, on the main thread, when it ends: 0.4 ms
// for the same page.

const ENCODINGS = ['br', 'gzip', 'identity'];
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
// Documents drawn whole in memory, which Next.js would send in chunks without their length: gathered
// too, and sent in one piece with it (a download that knows its size; one write to the socket).
const WHOLE = /^application\/pdf\b/;
// Below this the headers outweigh the saving.
const MIN_BYTES = 1024;
// Fast levels: at these sizes brotli 4 and gzip 6 take a fraction of a millisecond and lose a few
// per cent to their slowest levels, which take 50 ms a page.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

// The build's assets (/_next/static/, served as immutable) never change under one name: each is
// compressed once per encoding and kept, bounded in bytes. The development server's do change, and
// are not served as immutable.
const STATIC_PREFIX = '/_next/static/';
const MAX_STATIC_BYTES = 32 * 1024 * 1024;
const compressedStatic = new Map<string, Buffer>();
let heldStaticBytes = 0;

type TEncoding = 'br' | 'gzip';

function preferredEncoding(req: IncomingMessage): TEncoding | null {
  if (req.method === 'HEAD') return null;
  // negotiator 1.x takes a preference among equal weights; its published types predate it.
  const negotiator = new Negotiator(req) as Negotiator & { encoding(available: string[], options: { preferred: string[] }): string | undefined };
  const chosen = negotiator.encoding(ENCODINGS, { preferred: ENCODINGS });
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

function compress(body: Buffer, encoding: TEncoding, url: string | undefined, immutable: boolean): Buffer {
  const cacheable = immutable && url?.startsWith(STATIC_PREFIX) ? `${encoding} ${url}` : undefined;
  const held = cacheable && compressedStatic.get(cacheable);
  if (held) return held;
  const compressed = encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
  if (cacheable && heldStaticBytes + compressed.length <= MAX_STATIC_BYTES) {
    compressedStatic.set(cacheable, compressed);
    heldStaticBytes += compressed.length;
  }
  return compressed;
}

/** How an answer is gathered when it ends: compressed as the client takes it, or whole as it is; or not at all. */
function gathering(res: ServerResponse): 'compressible' | 'whole' | null {
  const type = res.getHeader('content-type');
  const status = res.statusCode;
  if (typeof type !== 'string' || res.hasHeader('content-encoding') || res.hasHeader('content-range')) return null;
  if (COMPRESSIBLE.test(type) && (status === 200 || (status >= 400 && status !== 416))) return 'compressible';
  return WHOLE.test(type) && status === 200 ? 'whole' : null;
}

// A cache in front must keep each encoding apart, even of an answer this client took as it is.
function varyOnEncoding(res: ServerResponse) {
  const vary = res.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) res.setHeader('Vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

type TCallback = (error?: Error | null) => void;
const callbackOf = (args: unknown[]) => args.find((arg): arg is TCallback => typeof arg === 'function');
const chunkOf = (chunk: unknown, encoding: unknown): Buffer | undefined =>
  chunk === undefined || chunk === null || typeof chunk === 'function'
    ? undefined
    : Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);

/**
 * Makes `res` send a text answer or a PDF in one piece with its length when it ends, compressed if
 * the client accepts br or gzip and it is text of 1 KB or more. Anything else (an image, a range,
 * a 304, a HEAD) passes as it is.
 * Call before handing `res` to Next.js, whose own compression must be off (next.config.ts).
 */
export function compressOnEnd(req: IncomingMessage, res: ServerResponse): void {
  // Chosen only for an answer that could be compressed: many are not (PDFs, redirects, 304s).
  let encoding: TEncoding | null = null;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let decided: 'gather' | 'pass' | undefined;

  const restore = () => Object.assign(res, original);
  // Decided once the status and headers are known: at the head, the first write or the end.
  const decide = () => {
    if (decided) return decided;
    const kind = gathering(res);
    if (kind === 'compressible') {
      varyOnEncoding(res);
      encoding = preferredEncoding(req);
    }
    // Gathered even for a client that takes it as it is: one write with its length, not chunks.
    decided = kind && req.method !== 'HEAD' ? 'gather' : 'pass';
    if (decided === 'pass') restore();
    return decided;
  };

  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((arg): arg is OutgoingHttpHeaders | string[] => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), String(headers[i + 1]));
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    const message = rest.find((arg): arg is string => typeof arg === 'string');
    if (message) res.statusMessage = message;
    if (decide() === 'pass') return original.writeHead.call(res, res.statusCode);
    return res;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') original.flushHeaders.call(res);
  };

  res.write = function write(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (decide() === 'pass') return (original.write as (...args: unknown[]) => boolean).call(res, chunk, ...rest);
    const buffer = chunkOf(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    const callback = callbackOf(rest);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  res.end = function end(this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    const end = original.end as (...args: unknown[]) => ServerResponse;
    if (decide() === 'pass') return end.call(res, chunk, ...rest);
    restore();
    const last = chunkOf(chunk, rest[0]);
    if (last) chunks.push(last);
    const body = Buffer.concat(chunks);
    const callback = callbackOf([chunk, ...rest]);
    if (!encoding || body.length < MIN_BYTES) {
      res.setHeader('Content-Length', body.length);
      return end.call(res, body, callback);
    }
    const compressed = compress(body, encoding, req.url, /\bimmutable\b/.test(String(res.getHeader('cache-control') ?? '')));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', compressed.length);
    return end.call(res, compressed, callback);
  } as ServerResponse['end'];
}
