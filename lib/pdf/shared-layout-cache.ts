import 'server-only';
import type * as fontkit from 'fontkit';

// pdfkit shapes text word by word through fontkit (ligatures, kerning) and keeps the shaped words
// in each document's own font object, so every document shaped "Invoice", "Total" and the month
// names again: about 40 % of a PDF's time. A shaped word depends on the font and the word alone
// (pdfkit scales it once, by the font's units per em, and copies before changing anything), so the
// documents of a process share one cache per font, bounded so that a long-lived server does not keep
// every name and amount it ever drew.
const MAX_WORDS = 5_000;

type TLayoutCache = Record<string, unknown>;
const caches = new WeakMap<fontkit.Font, TLayoutCache>();

function boundedCache(): TLayoutCache {
  const words = new Map<string, unknown>();
  return new Proxy(Object.create(null) as TLayoutCache, {
    get: (_, word) => (typeof word === 'string' ? words.get(word) : undefined),
    set: (_, word, shaped) => {
      if (typeof word !== 'string') return false;
      if (words.size >= MAX_WORDS && !words.has(word)) words.delete(words.keys().next().value!);
      words.set(word, shaped);
      return true;
    },
  });
}

type TEmbeddedFont = { font?: unknown; layoutCache?: TLayoutCache };

/** Points the document's current font (just set to `font`) at the process's cache for that font. */
export function shareLayoutCache(doc: PDFKit.PDFDocument, font: fontkit.Font): void {
  const embedded = (doc as unknown as { _font?: TEmbeddedFont })._font;
  // pdfkit's internals: should a later version rename them, each document shapes its own words again.
  if (!embedded || embedded.font !== font || !embedded.layoutCache) return;
  let cache = caches.get(font);
  if (!cache) caches.set(font, (cache = boundedCache()));
  embedded.layoutCache = cache;
}
