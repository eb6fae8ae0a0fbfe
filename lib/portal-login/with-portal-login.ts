import 'server-only';
import { cookies } from 'next/headers';
import type { z } from 'zod';
import { enforceRateLimit } from '../api/enforce-rate-limit';
import { ApiError, errorBody } from '../api/errors';
import { readJsonBody } from '../api/read-json-body';
import { newRequestId, REQUEST_ID_HEADER } from '../api/request-id';
import { validationErrorFrom } from '../api/zod-error';
import { getConfig } from '../config/get-config';
import { logger } from '../log/logger';
import { isSameOriginRequest } from './assert-same-origin';
import type { TCustomerPresentation } from '../portal/load-customer-presentation';
import { findPortalLogin, findPortalLoginPresented, type TPortalLogin } from './find-portal-login';
import { isRouteWithinFlow } from './flow-scope';
import { portalCookieSpec } from './portal-cookie';

type TOptions<P, B, S extends boolean> = {
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  /** A GET that costs real work (a PDF): limited per login like changes are, more tightly. */
  costly?: boolean;
  /** The handler shows the customer something (a PDF): their presentation comes with the login, in its round trip. */
  presented?: S;
};

export type TPortalRequest<P, B, S extends boolean = false> = {
  login: TPortalLogin;
  presentation: S extends true ? TCustomerPresentation : undefined;
  params: P;
  body: B;
  request: Request;
  requestId: string;
};
type TRouteContext = { params: Promise<Record<string, string>> };

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, notFound = false): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // A malformed id in the path is simply not one of the customer's objects.
  if (notFound) throw new ApiError('not_found', 'Not found.');
  throw validationErrorFrom(result.error);
}

/**
 * The portal's one wrapper for route handlers: the portal cookie's login (one customer of one
 * account), CSRF checks and a per-login rate limit on changes, typed input, and the error model.
 */
export function withPortalLogin<P = undefined, B = undefined, S extends boolean = false>(options: TOptions<P, B, S>, handler: (input: TPortalRequest<P, B, S>) => Promise<Response>) {
  return async (request: Request, context: TRouteContext): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const mutating = !['GET', 'HEAD'].includes(request.method);
      if (mutating && !isSameOriginRequest(request)) throw new ApiError('forbidden', 'Cross-site request refused.');
      const spec = portalCookieSpec(getConfig().portalBaseUrl);
      const cookie = (await cookies()).get(spec.name)?.value;
      const found = options.presented
        ? await findPortalLoginPresented(cookie, request.headers.get('accept-language'))
        : await findPortalLogin(cookie).then((login) => login && { login, presentation: undefined });
      if (!found) throw new ApiError('unauthorized', 'Your billing session has ended.');
      const { login } = found;
      const presentation = found.presentation as TPortalRequest<P, B, S>['presentation'];
      if (!isRouteWithinFlow(login, request.method, new URL(request.url).pathname)) {
        throw new ApiError('forbidden', 'This billing link was made for one task only.');
      }
      if (mutating) await enforceRateLimit(`login:${login.id}`);
      if (options.costly) await enforceRateLimit(`login-costly:${login.id}`, { limit: getConfig().portalPdfsPerMinute });
      const params = parse(options.params, await context.params, true);
      const json = mutating ? (await readJsonBody(request)).json : undefined;
      const body = (options.body ? parse(options.body, json) : json) as B;
      const response = await handler({ login, presentation, params, body, request, requestId });
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('internal_error', 'Something went wrong on our side.');
      if (!(error instanceof ApiError)) logger.error({ err: error, requestId }, 'unhandled error in portal route');
      return Response.json(errorBody(apiError, requestId), {
        status: apiError.status,
        headers: { [REQUEST_ID_HEADER]: requestId, 'Cache-Control': 'no-store', ...apiError.headers },
      });
    }
  };
}
