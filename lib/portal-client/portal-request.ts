// The portal's client islands call its route handlers through this: same-origin JSON, and any
// error response thrown as a PortalRequestError whose code the UI turns into the customer's words.
export class PortalRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly param?: string,
  ) {
    super(code);
  }
}

export async function portalRequest<T>(path: string, init: { method: 'POST' | 'DELETE'; body?: unknown }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method,
      credentials: 'same-origin',
      headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new PortalRequestError(0, 'generic');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; param?: string } };
  if (!res.ok) {
    const error = body.error;
    if (res.status === 401) throw new PortalRequestError(401, 'session_ended');
    // Validation errors and card-attempt limits carry a message code (invalid_number, card_declined,
    // too_many_card_attempts, …); anything else is generic.
    const coded = (error?.code === 'validation_error' || error?.code === 'rate_limited') && /^[a-z_]+$/.test(error.message);
    throw new PortalRequestError(res.status, coded ? error.message : 'generic', error?.param);
  }
  return body as T;
}

/** Known error codes become the customer's words; anything else says that nothing changed. */
export function errorMessageKey(error: unknown): string {
  return messageKeyOfCode(error instanceof PortalRequestError ? error.code : 'generic');
}

const KNOWN_CODES = new Set([
  'invalid_number', 'invalid_expiry', 'expired_card', 'invalid_cvc', 'card_declined', 'insufficient_funds', 'incorrect_cvc', 'processing_error', 'last_card_of_subscriber',
  'default_card', 'session_ended', 'too_many_card_attempts', 'invalid_cvc_amex', 'duplicate_card', 'no_default_card', 'plan_not_offered', 'same_plan', 'seats_fixed',
  'seats_out_of_range', 'stale_preview', 'authentication_required', 'authentication_failed', 'authentication_abandoned', 'authentication_expired', 'amount_changed', 'invoice_not_open',
]);

/** The PortalActions message for a refusal's code; an unknown one says that nothing changed. */
export function messageKeyOfCode(code: string): string {
  return `errors.${KNOWN_CODES.has(code) ? code : 'generic'}`;
}
