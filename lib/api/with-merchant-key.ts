import 'server-only';
import type { z } from 'zod';
import { authenticateRequest, requestTarget, type TAuthenticatedKey } from '../api-keys/authenticate-request';
import type { TApiScope } from '../api-keys/scopes';
import { ON_BEHALF_OF_HEADER, resolveActingAccount, type TActingAccount } from '../accounts/resolve-acting-account';
import { logger } from '../log/logger';
import { enforceRateLimit } from './enforce-rate-limit';
import { ApiError, errorBody } from './errors';
import { claimIdempotencyKey, completeIdempotencyKey, IDEMPOTENCY_HEADER, parseIdempotencyKey, releaseIdempotencyKey } from './idempotency';
import type { TJsonResult } from './json-result';
import { assertStorableText, readJsonBody } from './read-json-body';
import { newRequestId, REQUEST_ID_HEADER } from './request-id';
import { validationErrorFrom } from './zod-error';

// An operation (lib/api/operation.ts) is such options: its scope and schemas guard the route.
type TOptions<B, Q> = { scope: TApiScope; body?: z.ZodType<B>; query?: z.ZodType<Q> };

export type TMerchantRequest<B, Q> = {
  account: TActingAccount;
  key: TAuthenticatedKey;
  body: B;
  query: Q;
  params: Record<string, string>;
  requestId: string;
};

type TRouteContext = { params: Promise<Record<string, string>> };

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw validationErrorFrom(result.error);
  return result.data;
}

function respond(result: TJsonResult, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json(result.body, {
    status: result.status,
    headers: { [REQUEST_ID_HEADER]: requestId, 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * The merchant API's one wrapper: request id, body limits, HMAC authentication, scope,
 * on-behalf-of, rate limit, idempotency (POST), input validation, and the one error model.
 */
export function withMerchantKey<B = undefined, Q = undefined>(
  options: TOptions<B, Q>,
  handler: (input: TMerchantRequest<B, Q>) => Promise<TJsonResult>,
) {
  return async (request: Request, context: TRouteContext): Promise<Response> => {
    const requestId = newRequestId();
    let idempotencyRecord: string | undefined;
    try {
      const raw = request.method === 'GET' || request.method === 'DELETE' ? { text: '', json: undefined } : await readJsonBody(request);
      const key = await authenticateRequest(request, raw.text);
      if (options.scope && !key.scopes.includes(options.scope)) {
        throw new ApiError('forbidden', `This API key lacks the ${options.scope} scope.`);
      }
      const account = await resolveActingAccount(key.accountId, request.headers.get(ON_BEHALF_OF_HEADER));
      await enforceRateLimit(`key:${key.keyId}`);

      const url = new URL(request.url);
      const idempotencyKey = request.method === 'POST' ? parseIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER)) : undefined;
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey({
          accountId: account.accountId,
          keyAccountId: key.accountId,
          apiKeyId: key.keyId,
          key: idempotencyKey,
          method: request.method,
          path: url.pathname,
          body: raw.text,
        });
        if (claim.kind === 'replay') return respond(claim.response, requestId, { 'Idempotent-Replayed': 'true' });
        idempotencyRecord = claim.recordId;
      }

      const result = await run(requestId, async () =>
        handler({
          account,
          key,
          body: parse(options.body, raw.json),
          query: parse(options.query, queryOf(request)),
          params: await context.params,
          requestId,
        }),
      );
      if (idempotencyRecord) {
        // Client errors are answers too, and replay as they were; server errors free the key.
        if (result.status < 500) await completeIdempotencyKey(idempotencyRecord, result);
        else await releaseIdempotencyKey(idempotencyRecord);
      }
      return respond(result, requestId);
    } catch (error) {
      if (idempotencyRecord) await releaseIdempotencyKey(idempotencyRecord).catch(() => undefined);
      const apiError = toApiError(error, requestId);
      return respond({ status: apiError.status, body: errorBody(apiError, requestId) }, requestId, apiError.headers);
    }
  };
}

/** The query as signed (the raw target's), each parameter at most once. */
function queryOf(request: Request): Record<string, string> {
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URL(requestTarget(request), 'http://target').searchParams) {
    if (Object.hasOwn(query, name)) throw new ApiError('validation_error', `The query parameter ${name} is given more than once.`, name);
    query[name] = value;
  }
  assertStorableText(query);
  return query;
}

// A handler's ApiError (say not_found) is an answer to store for replay, not a failure.
async function run(requestId: string, fn: () => Promise<TJsonResult>): Promise<TJsonResult> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return { status: error.status, body: errorBody(error, requestId) };
  }
}

function toApiError(error: unknown, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  logger.error({ err: error, requestId }, 'unhandled error in merchant API');
  return new ApiError('internal_error', 'Something went wrong on our side. Retry later, quoting the request id.');
}
