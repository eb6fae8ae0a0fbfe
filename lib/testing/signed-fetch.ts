import { authorizationHeader } from '../api-keys/request-signature';

export type TSignedRequest = {
  method?: string;
  path: string;
  body?: unknown;
  /** Raw body text; wins over `body`. */
  rawBody?: string;
  key: { keyId: string; secret: string };
  headers?: Record<string, string>;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Sign these parts instead of the real ones, to prove that each one is covered. */
  signAs?: Partial<{ method: string; path: string; body: string; timestamp: string }>;
};

/** A merchant API request signed as the SDK signs it, over raw HTTP. */
export async function signedFetch(baseUrl: string, req: TSignedRequest): Promise<Response> {
  const method = req.method ?? 'POST';
  const body = req.rawBody ?? (req.body === undefined ? '' : JSON.stringify(req.body));
  const timestamp = String(req.timestamp ?? Math.floor(Date.now() / 1000));
  const signed = {
    timestamp: req.signAs?.timestamp ?? timestamp,
    method: req.signAs?.method ?? method,
    pathWithQuery: req.signAs?.path ?? req.path,
    body: req.signAs?.body ?? body,
  };
  const header = authorizationHeader(req.key.keyId, req.key.secret, signed).replace(`timestamp=${signed.timestamp}`, `timestamp=${timestamp}`);
  return fetch(`${baseUrl}${req.path}`, {
    method,
    headers: { Authorization: header, ...(body ? { 'Content-Type': 'application/json' } : {}), ...req.headers },
    body: body || undefined,
  });
}
