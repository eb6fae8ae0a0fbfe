// One error model for the merchant API. A code without a status does not compile.
export const ERROR_STATUS = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  idempotency_conflict: 409,
  invalid_state: 409,
  method_not_allowed: 405,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly param?: string,
    /** Extra response headers, such as Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type TErrorBody = { error: { code: TErrorCode; message: string; param?: string; requestId: string } };

export function errorBody(error: ApiError, requestId: string): TErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}), requestId } };
}
