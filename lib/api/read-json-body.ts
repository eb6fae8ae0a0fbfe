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
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new ApiError('validation_error', 'The request body is not valid JSON.');
  }
}

function tooLarge() {
  return new ApiError('validation_error', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}
