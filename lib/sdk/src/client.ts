import { randomUUID } from 'node:crypto';
import { errorFromResponse, PlugipayConnectionError, PlugipayError } from './errors.js';
import { signRequest } from './signing.js';
import { ListPromise, type List } from './list.js';
import { createResources } from './resources.js';
import type { CreatePortalSessionInput, PerRequestOptions, PortalSession, RequestOptions, ResponseMeta, WithResponse } from './types.js';

export interface PlugipayClientOptions {
  keyId: string;
  secret: string;
  /** Defaults to the PLUGIPAY_BASE_URL environment variable, then https://plugipay.com. */
  baseUrl?: string;
  /** Per attempt (default 30 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 429 and 5xx (default 2). */
  maxRetries?: number;
  /** Act for this merchant account (platform keys only). */
  onBehalfOf?: string;
}

const DEFAULT_BASE_URL = 'https://plugipay.com';
const MAX_BACKOFF_MS = 8_000;
/** The longest Retry-After the client waits out; a longer one is the caller's to handle (the 429 is thrown). */
export const MAX_RETRY_AFTER_MS = 20_000;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Full jitter: a random wait up to an exponentially growing cap, so that many clients do not retry in step.
function backoff(attempt: number): number {
  return Math.random() * Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
}

function withResponse<T>(body: T, meta: ResponseMeta): WithResponse<T> {
  const target = (body !== null && typeof body === 'object' ? body : {}) as T & object;
  Object.defineProperty(target, 'lastResponse', { value: meta, enumerable: false });
  return target as WithResponse<T>;
}

export class PlugipayClient {
  readonly portalSessions: {
    create(input: CreatePortalSessionInput, options?: PerRequestOptions): Promise<WithResponse<PortalSession>>;
  };
  readonly customers!: ReturnType<typeof createResources>['customers'];
  readonly products!: ReturnType<typeof createResources>['products'];
  readonly prices!: ReturnType<typeof createResources>['prices'];
  readonly taxRates!: ReturnType<typeof createResources>['taxRates'];
  readonly coupons!: ReturnType<typeof createResources>['coupons'];
  readonly subscriptions!: ReturnType<typeof createResources>['subscriptions'];
  readonly invoices!: ReturnType<typeof createResources>['invoices'];
  readonly payments!: ReturnType<typeof createResources>['payments'];
  readonly invoiceItems!: ReturnType<typeof createResources>['invoiceItems'];
  readonly testClocks!: ReturnType<typeof createResources>['testClocks'];
  readonly refunds!: ReturnType<typeof createResources>['refunds'];
  readonly paymentMethods!: ReturnType<typeof createResources>['paymentMethods'];
  readonly webhookEndpoints!: ReturnType<typeof createResources>['webhookEndpoints'];
  readonly events!: ReturnType<typeof createResources>['events'];
  readonly settings!: ReturnType<typeof createResources>['settings'];

  private readonly options: Required<Omit<PlugipayClientOptions, 'onBehalfOf'>> & { onBehalfOf?: string };

  constructor(options: PlugipayClientOptions) {
    if (!options?.keyId || !options?.secret) throw new TypeError('PlugipayClient needs keyId and secret');
    this.options = {
      keyId: options.keyId,
      secret: options.secret,
      baseUrl: (options.baseUrl ?? process.env.PLUGIPAY_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      onBehalfOf: options.onBehalfOf,
    };
    this.portalSessions = {
      create: (input, opts = {}) =>
        this.request<PortalSession>({ method: 'POST', path: '/api/v1/portal-sessions', body: input, ...opts }),
    };
    Object.assign(this, createResources(this));
  }

  /** A list call: awaited, one page; iterated with `for await`, every item of every page. */
  list<T extends { id: string }>(path: string, query: Record<string, string | number | boolean | undefined> = {}, options: PerRequestOptions = {}): ListPromise<T> {
    const { startingAfter, ...rest } = query;
    return new ListPromise<T>(
      (after) => this.request<List<T>>({ method: 'GET', path, query: { ...rest, startingAfter: after }, ...options }),
      startingAfter === undefined ? undefined : String(startingAfter),
    );
  }

  /** A client that acts for one merchant account the platform manages (Plugipay-On-Behalf-Of). */
  forMerchant(accountId: string): PlugipayClient {
    return new PlugipayClient({ ...this.options, onBehalfOf: accountId });
  }

  /** Any API call, signed; POSTs carry one Idempotency-Key across all their retries. */
  async request<T>({ method, path, body, query, onBehalfOf, idempotencyKey, timeoutMs, maxRetries }: RequestOptions): Promise<WithResponse<T>> {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const pathWithQuery = `${path.startsWith('/') ? path : `/${path}`}${search.size ? `?${search}` : ''}`;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const actingFor = onBehalfOf ?? this.options.onBehalfOf;
    const idempotency = method === 'POST' ? (idempotencyKey ?? randomUUID()) : undefined;

    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < (maxRetries ?? this.options.maxRetries);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = {
        Authorization: `Plugipay-HMAC-SHA256 keyId=${this.options.keyId},timestamp=${timestamp},signature=${signRequest(this.options.secret, { timestamp, method, pathWithQuery, body: payload })}`,
        Accept: 'application/json',
        'User-Agent': 'plugipay-node/0.1.0',
      };
      if (payload) headers['Content-Type'] = 'application/json';
      if (idempotency) headers['Idempotency-Key'] = idempotency;
      if (actingFor) headers['Plugipay-On-Behalf-Of'] = actingFor;

      let response: Response;
      try {
        response = await fetch(`${this.options.baseUrl}${pathWithQuery}`, {
          method,
          headers,
          body: payload || undefined,
          signal: AbortSignal.timeout(timeoutMs ?? this.options.timeoutMs),
        });
      } catch (cause) {
        if (retriesLeft) {
          await sleep(backoff(attempt));
          continue;
        }
        const error = new PlugipayConnectionError({ code: 'connection_error', status: 0, message: `Could not reach Plugipay: ${(cause as Error).message}` });
        throw Object.assign(error, { cause });
      }

      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.ok) {
        if (parsed === undefined && text) {
          throw new PlugipayError({ code: 'invalid_response', status: response.status, message: 'Plugipay answered with something that is not JSON.' });
        }
        const meta: ResponseMeta = { requestId: response.headers.get('plugipay-request-id') ?? undefined, statusCode: response.status, headers: headersOf(response.headers) };
        return withResponse(parsed as T, meta);
      }
      const retryable = response.status === 429 || response.status >= 500;
      const wait = response.status === 429 ? (retryAfterMs(response.headers.get('retry-after')) ?? backoff(attempt)) : backoff(attempt);
      if (retryable && retriesLeft && wait <= MAX_RETRY_AFTER_MS) {
        await sleep(wait);
        continue;
      }
      throw errorFromResponse(response.status, parsed, response.headers.get('plugipay-request-id'));
    }
  }
}
