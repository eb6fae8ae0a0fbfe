import type { components, operations } from './api-types.js';

/** Where a flow ends: back at returnUrl (redirect, the default), on a hosted confirmation, or in the whole portal. */
export type PortalSessionAfterCompletion = { type: 'redirect' | 'hosted_confirmation' | 'portal_homepage' };

export type PortalSessionFlow = { afterCompletion?: PortalSessionAfterCompletion } & (
  | { type: 'payment_method_update' }
  | { type: 'subscription_cancel'; subscriptionId: string }
  | { type: 'invoice_payment'; invoiceId: string }
  | { type: 'subscription_update'; subscriptionId: string }
  | { type: 'subscription_update_confirm'; subscriptionId: string; items: { price: string; quantity?: number }[] }
);

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

export type PlugipayEventType = components['schemas']['Event']['type'];

export interface PlugipayEvent<T = Record<string, unknown>> {
  id: string; // 'evt_...'
  type: PlugipayEventType;
  createdAt: string;
  account: string;
  data: { object: T };
}

/** Options of one call, beside the client's own. */
export interface PerRequestOptions {
  /** Act for this merchant account (platform keys only). */
  onBehalfOf?: string;
  /** POSTs only: the key that makes a retried call safe (default: a new UUID per call, kept across its retries). */
  idempotencyKey?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, 429 and 5xx. */
  maxRetries?: number;
}

export interface RequestOptions extends PerRequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
}

/** About the HTTP answer an object came in; quote requestId to support. */
export interface ResponseMeta {
  requestId: string | undefined;
  statusCode: number;
  headers: Record<string, string>;
}

/** An object as a call returns it: `lastResponse` is there but not enumerable (JSON.stringify leaves it out). */
export type WithResponse<T> = T & { readonly lastResponse: ResponseMeta };

type Schemas = components['schemas'];
type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type ListQuery<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type Customer = Schemas['Customer'];
export type DeletedCustomer = Schemas['DeletedCustomer'];
export type CustomerCreateInput = JsonBody<'createCustomer'>;
export type CustomerUpdateInput = JsonBody<'updateCustomer'>;
export type Product = Schemas['Product'];
export type ProductCreateInput = JsonBody<'createProduct'>;
export type ProductUpdateInput = JsonBody<'updateProduct'>;
export type Price = Schemas['Price'];
export type PriceCreateInput = JsonBody<'createPrice'>;
export type PriceUpdateInput = JsonBody<'updatePrice'>;
export type TaxRate = Schemas['TaxRate'];
export type TaxRateCreateInput = JsonBody<'createTaxRate'>;
export type TaxRateUpdateInput = JsonBody<'updateTaxRate'>;
export type Subscription = Schemas['Subscription'];
export type SubscriptionCreateInput = JsonBody<'createSubscription'>;
export type SubscriptionUpdateInput = JsonBody<'updateSubscription'>;
export type Invoice = Schemas['Invoice'];
export type UpcomingInvoice = Schemas['UpcomingInvoice'];
export type InvoiceCreateInput = JsonBody<'createInvoice'>;
export type InvoiceItem = Schemas['InvoiceItem'];
export type InvoiceItemCreateInput = JsonBody<'createInvoiceItem'>;
export type Payment = Schemas['Payment'];
export type Refund = Schemas['Refund'];
export type RefundCreateInput = JsonBody<'createRefund'>;
export type Coupon = Schemas['Coupon'];
export type DeletedCoupon = Schemas['DeletedCoupon'];
export type CouponCreateInput = JsonBody<'createCoupon'>;
export type TestClock = Schemas['TestClock'];
export type TestClockCreateInput = JsonBody<'createTestClock'>;
export type PaymentMethod = Schemas['PaymentMethod'];
export type PaymentMethodAttachInput = JsonBody<'attachPaymentMethod'>;
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointCreateInput = JsonBody<'createWebhookEndpoint'>;
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type Event = Schemas['Event'];
export type BillingSettings = Schemas['BillingSettings'];
export type BillingSettingsUpdateInput = JsonBody<'updateBillingSettings'>;
export type CheckoutSettings = Schemas['CheckoutSettings'];
export type CheckoutSettingsUpdateInput = JsonBody<'updateCheckoutSettings'>;
export type PortalConfiguration = Schemas['PortalConfiguration'];
export type PortalConfigurationUpdateInput = JsonBody<'updatePortalConfiguration'>;
