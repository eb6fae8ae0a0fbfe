import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { mintPortalSession, openLink, portalFetch } from '../testing/portal-links';
import { runningServer } from '../testing/running-server';

const server = runningServer();

type TRaw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** The answer as sent, its body still encoded (fetch would decode it and hide how it came). */
function raw(path: string, headers: Record<string, string> = {}): Promise<TRaw> {
  return new Promise((resolve, reject) => {
    http.get(`${server.baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const decoded = ({ headers, body }: TRaw) =>
  headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;

let cookie: string;
let script: string;
let pdf: string;
beforeAll(async () => {
  const session = await mintPortalSession(server.baseUrl, server.creds.merchant, { customerId: server.fixtures.customers.apiCompression, locale: 'en' });
  cookie = (await openLink(session.url)).cookie!;
  const page = await (await portalFetch(server.baseUrl, '/portal/invoices', cookie)).text();
  script = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(page)![0];
  pdf = /\/portal\/invoices\/inv_\w+\/pdf/.exec(page)![0];
});

describe('answers are compressed as the client accepts', () => {
  it('a page in brotli, or gzip, or as it is, each with its full length and varying on Accept-Encoding', async () => {
    const br = await raw('/portal/invoices', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await raw('/portal/invoices', { cookie, 'accept-encoding': 'gzip' });
    const plain = await raw('/portal/invoices', { cookie });
    const refused = await raw('/portal/invoices', { cookie, 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect([br, gzip, plain, refused].map((r) => [r.status, r.headers['content-encoding']])).toEqual([[200, 'br'], [200, 'gzip'], [200, undefined], [200, undefined]]);
    for (const answer of [br, gzip, plain]) {
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(answer.headers['transfer-encoding']).toBeUndefined();
    }
    for (const answer of [br, gzip]) {
      expect(answer.body.length).toBeLessThan(decoded(answer).length / 3);
    }
    // The same page each time: its markup, that is; the scripts carry each answer's own nonce, and
    // the order of the rendering payload's rows follows which of the page's reads ended first.
    const text = (answer: TRaw) => decoded(answer).toString('utf8').replace(/<script[^>]*>[\s\S]*?<\/script>/g, '').replace(/ nonce="[^"]*"/g, '');
    expect(text(br)).toBe(text(plain));
    expect(text(gzip)).toBe(text(plain));
    expect(text(plain)).toMatch(/<main[^>]*>[\s\S]*inv_\w+[\s\S]*<\/main>/);
    expect(decoded(br).toString('utf8')).toMatch(/<\/html>$/);
    // Next's own Vary stays, with Accept-Encoding beside it, whichever encoding the client took.
    for (const answer of [br, plain]) expect(answer.headers.vary).toMatch(/^rsc, .*Accept-Encoding$/);
  });

  it('the build’s scripts the same, byte for byte once decoded, and a range or a revalidation as it is', async () => {
    const plain = await raw(script);
    const gzip = await raw(script, { 'accept-encoding': 'gzip' });
    const again = await raw(script, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).equals(plain.body)).toBe(true);
    expect(again.body.equals(gzip.body)).toBe(true);
    const range = await raw(script, { 'accept-encoding': 'gzip', range: 'bytes=0-99' });
    expect([range.status, range.headers['content-encoding'], range.body.equals(plain.body.subarray(0, 100))]).toEqual([206, undefined, true]);
    const unchanged = await raw(script, { 'accept-encoding': 'gzip', 'if-none-match': String(plain.headers.etag) });
    expect([unchanged.status, unchanged.headers['content-encoding'], unchanged.body.length]).toEqual([304, undefined, 0]);
  });

  it('leaves a PDF, a short answer and a HEAD as they are, and sends the PDF whole', async () => {
    const document = await raw(pdf, { cookie, 'accept-encoding': 'br, gzip' });
    expect([document.status, document.headers['content-type'], document.headers['content-encoding']]).toEqual([200, 'application/pdf', undefined]);
    expect(document.body.subarray(0, 5).toString()).toBe('%PDF-');
    // Sent whole, with its length (a download that knows its size), not in chunks.
    expect([document.headers['content-length'], document.headers['transfer-encoding']]).toEqual([String(document.body.length), undefined]);
    const health = await raw('/api/health', { 'accept-encoding': 'br, gzip' });
    expect([health.status, health.headers['content-encoding']]).toEqual([200, undefined]);
    expect(health.headers.vary).toMatch(/, Accept-Encoding$/);
    const head = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.request(`${server.baseUrl}/`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } }, resolve).on('error', reject).end(),
    );
    expect([head.statusCode, head.headers['content-encoding']]).toEqual([200, undefined]);
  });
});
