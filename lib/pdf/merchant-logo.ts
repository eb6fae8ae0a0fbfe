import 'server-only';
import https from 'node:https';
import { addressPolicyFromConfig, guardedConnection } from '../webhooks/address-policy';

// A merchant's logo for its PDFs, fetched from the https URL in its checkout settings the way a
// webhook is sent (public addresses only outside demo mode, checked as it connects; no redirects),
// and kept in memory: a PDF should not wait on the merchant's server each time.
const TIMEOUT_MS = 3_000;
const MAX_BYTES = 1_000_000;
const KEEP_MS = 60 * 60_000;
const KEEP_FAILURE_MS = 5 * 60_000;
const MAX_ENTRIES = 200;

type TEntry = { image: Promise<Buffer | null>; until: number };
const cache = new Map<string, TEntry>();

// pdfkit draws PNG and JPEG; anything else (SVG, WebP) leaves the PDF with the name alone.
function isDrawable(bytes: Buffer): boolean {
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

async function download(url: string): Promise<Buffer | null> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return null;
  const connection = await guardedConnection(target, addressPolicyFromConfig());
  return new Promise((resolve) => {
    const request = https.get(
      target,
      { ...connection, timeout: TIMEOUT_MS, headers: { Accept: 'image/png, image/jpeg' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return resolve(null);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) return request.destroy();
          chunks.push(chunk);
        });
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve(isDrawable(bytes) ? bytes : null);
        });
        response.on('close', () => resolve(null));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/** The logo at `url` as PNG or JPEG bytes, or null when there is none that can be drawn. */
export function merchantLogo(url: string | null, now = Date.now()): Promise<Buffer | null> {
  if (!url) return Promise.resolve(null);
  const hit = cache.get(url);
  if (hit && hit.until > now) return hit.image;
  const image = download(url).catch(() => null);
  const entry: TEntry = { image, until: now + KEEP_MS };
  void image.then((bytes) => {
    if (!bytes) entry.until = now + KEEP_FAILURE_MS;
  });
  cache.delete(url);
  cache.set(url, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return image;
}
