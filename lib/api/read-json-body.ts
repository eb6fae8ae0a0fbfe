import { ApiError } from './errors';

export const MAX_BODY_BYTES = 64 * 1024;

export type TRawBody = { text: string; json: unknown };

/**
 * Reads at most MAX_BODY_BYTES and parses JSON, before anything touches the database. An empty body
 * reads as {}, so that a missing field is reported by name.
 */
export async function readJsonBody(request: Request): Promise<TRawBody> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { text, json: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('validation_error', 'The request body is not valid JSON.');
  }
  assertStorableText(json);
  return { text, json };
}

/**
 * Refuses a NUL character or a lone UTF-16 surrogate anywhere in the input (values and keys): no
 * text column can store them, so they are a client error named by field, found before any work.
 */
export function assertStorableText(value: unknown, path: string[] = []): void {
  const bad = (s: string) => s.includes('\0') || !s.isWellFormed();
  if (typeof value === 'string') {
    if (bad(value)) {
      const param = path.join('.') || undefined;
      throw new ApiError('validation_error', `${param ? `${param}: ` : ''}must not contain NUL characters or unpaired surrogates.`, param);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableText(item, [...path, String(i)]));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (bad(key)) throw new ApiError('validation_error', 'Field names must not contain NUL characters or unpaired surrogates.', path.join('.') || undefined);
      assertStorableText(item, [...path, key]);
    }
  }
}

function tooLarge() {
  return new ApiError('validation_error', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}
