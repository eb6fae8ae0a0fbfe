export type PortalSessionFlow = { type: 'payment_method_update' } | { type: 'subscription_cancel'; subscriptionId: string };

export interface CreatePortalSessionInput {
  customerId: string;
  returnUrl: string;
  /** "auto" (the default) picks the customer's preferred locale, then the browser's. */
  locale?: string;
  flow?: PortalSessionFlow;
}

export interface PortalSession {
  id: string; // 'pls_...'
  object: 'portal_session';
  customerId: string;
  url: string; // the signed redirect URL
  returnUrl: string;
  locale: string;
  flow: PortalSessionFlow | null;
  expiresAt: string; // ISO-8601; usually 5 minutes from createdAt
  createdAt: string;
}

export interface PlugipayEvent<T = Record<string, unknown>> {
  id: string; // 'evt_...'
  type: string;
  createdAt: string;
  account: string;
  data: { object: T };
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  onBehalfOf?: string;
  idempotencyKey?: string;
}
