// Every failure the SDK throws is a PlugipayError; the subclass says which kind, by the API's code.

export type PlugipayErrorFields = {
  code: string;
  status: number;
  message: string;
  requestId?: string;
  param?: string;
};

export class PlugipayError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly param: string | undefined;

  constructor({ code, status, message, requestId, param }: PlugipayErrorFields) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.param = param;
  }
}

export class PlugipayValidationError extends PlugipayError {}
export class PlugipayAuthenticationError extends PlugipayError {}
export class PlugipayPermissionError extends PlugipayError {}
export class PlugipayNotFoundError extends PlugipayError {}
export class PlugipayIdempotencyError extends PlugipayError {}
export class PlugipayRateLimitError extends PlugipayError {}
/** The server failed (5xx) after every retry. */
export class PlugipayApiError extends PlugipayError {}
/** The server could not be reached (network error or timeout) after every retry. */
export class PlugipayConnectionError extends PlugipayError {}
/** verifyWebhook: the signature is missing, malformed, wrong or too old. */
export class PlugipaySignatureVerificationError extends PlugipayError {}

const BY_CODE: Record<string, new (fields: PlugipayErrorFields) => PlugipayError> = {
  validation_error: PlugipayValidationError,
  unauthorized: PlugipayAuthenticationError,
  forbidden: PlugipayPermissionError,
  not_found: PlugipayNotFoundError,
  idempotency_conflict: PlugipayIdempotencyError,
  rate_limited: PlugipayRateLimitError,
};

export function errorFromResponse(status: number, body: unknown, requestIdHeader: string | null): PlugipayError {
  const error = (body as { error?: Partial<PlugipayErrorFields> } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'internal_error' : 'unknown_error';
  const fields: PlugipayErrorFields = {
    code,
    status,
    message: typeof error?.message === 'string' ? error.message : `Plugipay answered HTTP ${status}`,
    requestId: error?.requestId ?? requestIdHeader ?? undefined,
    param: error?.param,
  };
  const Kind = BY_CODE[code] ?? (status >= 500 ? PlugipayApiError : PlugipayError);
  return new Kind(fields);
}
