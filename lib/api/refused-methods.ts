import { ApiError, errorBody } from './errors';
import { newRequestId, REQUEST_ID_HEADER } from './request-id';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type TMethod = (typeof METHODS)[number];
type THandler = () => Response;

function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  const requestId = newRequestId();
  return Response.json(errorBody(error, requestId), { status: error.status, headers: { [REQUEST_ID_HEADER]: requestId, 'Cache-Control': 'no-store', ...headers } });
}

/**
 * The API's answer to the methods a route does not have: 405 with Allow, in the error model.
 * A route exports them beside its own: `export const { PUT, PATCH, DELETE } = refusedMethods('GET', 'POST')`;
 * naming a method the route also exports does not compile.
 */
export function refusedMethods<A extends TMethod>(...allowed: A[]): Record<Exclude<TMethod, A>, THandler> {
  const allow = [...allowed, ...(allowed.includes('GET' as A) ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse: THandler = () => errorResponse(new ApiError('method_not_allowed', `This route supports only ${allow}.`), { Allow: allow });
  return Object.fromEntries(METHODS.filter((m) => !allowed.includes(m as A)).map((m) => [m, refuse])) as Record<Exclude<TMethod, A>, THandler>;
}

/** Every method of a path the API does not have: 404 in the error model. */
export function unknownRoute(): Record<TMethod, THandler> {
  const answer: THandler = () => errorResponse(new ApiError('not_found', 'There is no such API route.'));
  return Object.fromEntries(METHODS.map((m) => [m, answer])) as Record<TMethod, THandler>;
}
