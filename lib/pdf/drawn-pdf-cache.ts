import 'server-only';
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';

// A PDF is drawn from what it shows alone (the invoice or payment, the branding, the buyer, the
// locale), and drawing is most of a PDF request's time. So each process keeps the documents it drew
// last, under a hash of everything they were drawn from: a payment, a refund, a new name or another
// language is another key, never a stale document. Bounded in bytes; and kept an hour at most, as the
// merchant's logo is (merchant-logo.ts), whose bytes are not in the key.
const MAX_BYTES = 16 * 1024 * 1024;
const KEEP_MS = 60 * 60_000;

type TEntry = { pdf: Promise<Buffer>; bytes: number; until: number };
const entries = new Map<string, TEntry>();
let heldBytes = 0;

// V8's own serialization, not JSON: it writes BigInts and Dates as they are, without a replacer
// called for every value (11 against 47 µs for an invoice, on every PDF request). Two equal inputs
// could only differ in how V8 holds a string, which costs a drawing, never a stale document.
function keyOf(kind: string, drawnFrom: unknown): string {
  return createHash('sha256').update(kind).update('\0').update(serialize(drawnFrom)).digest('base64url');
}

function forget(key: string) {
  const entry = entries.get(key);
  if (!entry) return;
  heldBytes -= entry.bytes;
  entries.delete(key);
}

/**
 * The PDF drawn from `drawnFrom`, drawn by `draw` unless this process drew it within the hour.
 * Requests for one document at once share one drawing.
 */
export async function drawnPdf(kind: string, drawnFrom: unknown, draw: () => Promise<Buffer>, now = Date.now()): Promise<Buffer> {
  const key = keyOf(kind, drawnFrom);
  const held = entries.get(key);
  if (held && held.until > now) {
    // Most recently used last, so the oldest is the first to go.
    entries.delete(key);
    entries.set(key, held);
    return held.pdf;
  }
  forget(key);
  const entry: TEntry = { pdf: draw(), bytes: 0, until: now + KEEP_MS };
  entries.set(key, entry);
  try {
    const pdf = await entry.pdf;
    if (entries.get(key) === entry) {
      entry.bytes = pdf.length;
      heldBytes += pdf.length;
      for (const [oldest] of entries) {
        if (heldBytes <= MAX_BYTES) break;
        forget(oldest);
      }
    }
    return pdf;
  } catch (error) {
    if (entries.get(key) === entry) entries.delete(key);
    throw error;
  }
}
