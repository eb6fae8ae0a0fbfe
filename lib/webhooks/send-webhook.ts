import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { guardedConnection, type TAddressPolicy } from './address-policy';

/** A receiver has this long to answer, from the start of the connection to the end of its response. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer (or of an error) an attempt keeps. */
export const RESPONSE_EXCERPT_BYTES = 2_048;

export type TSendResult = { status: number | undefined; latencyMs: number; responseBody: string | undefined; error: string | undefined };

function excerpt(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= RESPONSE_EXCERPT_BYTES ? text : `${bytes.subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')}…`;
}

/**
 * POSTs one signed event. Never throws: the outcome, success or not, becomes an attempt record.
 * Redirects are not followed (a 3xx is a failed attempt), as a redirect could lead anywhere.
 */
export async function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: TAddressPolicy,
  stopping: AbortSignal = new AbortController().signal,
): Promise<TSendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  let connection: Awaited<ReturnType<typeof guardedConnection>>;
  try {
    connection = await guardedConnection(target, policy);
  } catch (error) {
    return { status: undefined, latencyMs: elapsed(), responseBody: undefined, error: (error as Error).message };
  }

  const client = target.protocol === 'https:' ? https : http;
  // One controller for both ways an attempt is cut short. A plain timer, not AbortSignal.timeout():
  // combined with AbortSignal.any, Node may collect that signal before it fires, and the attempt hangs.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, DELIVERY_TIMEOUT_MS);
  const onStop = () => controller.abort();
  stopping.addEventListener('abort', onStop, { once: true });
  if (stopping.aborted) controller.abort();
  const failure = (error: Error & { code?: string }) =>
    timedOut ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : stopping.aborted ? 'the worker stopped during the attempt' : describe(error);

  return new Promise<TSendResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        ...connection,
        signal: controller.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept <= RESPONSE_EXCERPT_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on('end', () =>
          resolve({ status: response.statusCode, latencyMs: elapsed(), responseBody: excerpt(Buffer.concat(chunks).toString('utf8')), error: undefined }),
        );
        response.on('error', (error) => resolve({ status: response.statusCode, latencyMs: elapsed(), responseBody: undefined, error: failure(error) }));
        // Cut off mid-body (the timeout, or the receiver hung up): 'end' never comes. A promise settles once.
        response.on('close', () =>
          resolve({ status: response.statusCode, latencyMs: elapsed(), responseBody: undefined, error: failure(new Error('the answer was cut off')) }),
        );
      },
    );
    request.on('error', (error) => resolve({ status: undefined, latencyMs: elapsed(), responseBody: undefined, error: failure(error) }));
    request.end(body);
  }).finally(() => {
    clearTimeout(timer);
    stopping.removeEventListener('abort', onStop);
  });
}

function describe(error: Error & { code?: string }): string {
  return excerpt(error.code ? `${error.code}: ${error.message}` : error.message);
}
