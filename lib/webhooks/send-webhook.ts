import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { assertHostAllowed, guardedLookup, literalAddress, type TAddressPolicy } from './address-policy';

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
  try {
    // A name is checked as it is connected to (guardedLookup); an address literal never is, so here.
    const literal = literalAddress(target.hostname);
    if (literal) await assertHostAllowed(literal, policy);
  } catch (error) {
    return { status: undefined, latencyMs: elapsed(), responseBody: undefined, error: (error as Error).message };
  }

  const client = target.protocol === 'https:' ? https : http;
  return new Promise<TSendResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: policy.allowAll ? undefined : (guardedLookup(policy) as never),
        signal: AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), stopping]),
        agent: false,
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
        response.on('error', (error) => resolve({ status: response.statusCode, latencyMs: elapsed(), responseBody: undefined, error: describe(error) }));
      },
    );
    request.on('error', (error) =>
      resolve({ status: undefined, latencyMs: elapsed(), responseBody: undefined, error: stopping.aborted ? 'the worker stopped during the attempt' : describe(error) }),
    );
    request.end(body);
  });
}

function describe(error: Error & { code?: string }): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return excerpt(error.code ? `${error.code}: ${error.message}` : error.message);
}
